package dev.peerform.states;

import java.io.IOException;

/** The step journal cannot be trusted as it is: the message names the file, the line, and what to do. */
public final class JournalDamagedException extends IOException {

    public JournalDamagedException(String message) {
        super(message);
    }
}

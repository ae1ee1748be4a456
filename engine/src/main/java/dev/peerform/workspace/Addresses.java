package dev.peerform.workspace;

import dev.peerform.addrs.InstanceAddress;
import dev.peerform.diag.Diagnostics;

/** Addresses given on the command line: a malformed one is the user's mistake, told as a diagnostic. */
public final class Addresses {

    private Addresses() {
    }

    /** The instance address the text names; null, with an "Invalid address" error, when it names none. */
    public static InstanceAddress parse(String text, Diagnostics diags) {
        try {
            return InstanceAddress.parse(text);
        } catch (IllegalArgumentException e) {
            diags.error("Invalid address", e.getMessage(), null);
            return null;
        }
    }
}

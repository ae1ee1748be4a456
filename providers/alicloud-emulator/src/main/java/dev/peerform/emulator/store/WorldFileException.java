package dev.peerform.emulator.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The world file cannot be read as a world: damaged, truncated, or not the emulator's. The message names the file
 * and what to do; the file itself is left exactly as it was, so nothing in it is lost.
 */
public final class WorldFileException extends UncheckedIOException {

    WorldFileException(Path file, String problem, IOException cause) {
        super("The emulator's world file " + file + " cannot be read: " + problem + ". It has been left as it is. "
                + "Restore it from a copy, or start over with the default world: `peerform emulator init --force` "
                + "(this replaces the file and forgets every object in it).", cause != null ? cause : new IOException(problem));
    }
}

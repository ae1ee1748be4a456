package dev.peerform.emulator.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files only their owner may read ({@code rw-------}) and directories only their owner may enter, on file systems
 * that have POSIX modes; elsewhere (Windows, some in-memory file systems) the platform's defaults.
 */
final class OwnerOnly {

    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private OwnerOnly() {
    }

    private static boolean posix(Path p) {
        return p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** Opens (creating owner-only) a file, and makes an existing one owner-only too. */
    static FileChannel open(Path file, OpenOption... options) throws IOException {
        if (!posix(file)) {
            return FileChannel.open(file, Set.of(options));
        }
        FileAttribute<Set<PosixFilePermission>> mode = PosixFilePermissions.asFileAttribute(FILE);
        FileChannel ch = FileChannel.open(file, Set.of(options), mode);
        tighten(file);
        return ch;
    }

    /** Creates missing directories owner-only; existing ones are left as they are (they hold other files). */
    static void directories(Path dir) throws IOException {
        if (dir == null || Files.isDirectory(dir)) {
            return;
        }
        if (posix(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIRECTORY));
        } else {
            Files.createDirectories(dir);
        }
    }

    /** Removes every permission but the owner's read and write from an existing file. */
    static void tighten(Path file) throws IOException {
        if (!posix(file) || !Files.exists(file)) {
            return;
        }
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (!view.readAttributes().permissions().equals(FILE)) {
            view.setPermissions(FILE);
        }
    }
}

package dev.peerform.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Map;

/**
 * What every figure shares: the launcher, the run's size and seed, scratch directories, and the state backend of
 * the crash figure.
 */
record Harness(Peerform peerform, Path root, Size size, long seed, Integer onlyCase, Path scratch,
        StateBackend backend) {

    static final Duration COMMAND = Duration.ofMinutes(5);

    /** The environment every process of the crash and interrupt figures gets: slowed transitions. */
    Peerform slowed() {
        return peerform.withEnv(Map.of("PEERFORM_EMULATOR_TRANSITION_MS", Long.toString(size.transitionMs())));
    }

    Path newDir(String name) {
        try {
            return Files.createTempDirectory(scratch, name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean selected(int caseIndex) {
        return onlyCase == null || onlyCase == caseIndex;
    }

    /** A seed of its own for every case, so that one case replays alone. */
    long caseSeed(String figure, int caseIndex) {
        return Math.floorMod(seed * 1_000_003L + figure.hashCode() * 31L + caseIndex, 1L << 40);
    }

    String replay(String figure, int caseIndex) {
        return "replay: bench/run.sh reliability " + size.name() + " " + figure + " --seed " + seed + " --case "
                + caseIndex + (backend.pg() && figure.equals(CrashFigure.NAME) ? " --backend pg" : "");
    }

    static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(d).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
                Files.copy(f, to.resolve(from.relativize(f).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    static void delete(Path dir) {
        try {
            if (!Files.exists(dir)) {
                return;
            }
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
                    Files.delete(f);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // scratch only: left for the operating system
        }
    }
}

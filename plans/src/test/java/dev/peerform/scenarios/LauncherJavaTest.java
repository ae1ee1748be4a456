package dev.peerform.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher runs peerform on the JDK that PEERFORM_JAVA names: Java 17 with its class-data archive, Java 25 with
 * its ahead-of-time cache, each made on the first run with that JDK and used from then on (the classes a validate
 * loads come from it). The Java 25 leg is skipped where no JDK 25 is installed.
 */
class LauncherJavaTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path LAUNCHER = ROOT.resolve("peerform");
    private static final Path TARGET = ROOT.resolve("engine/target");

    @TempDir
    Path dir;

    private record Result(int code, String out) {
    }

    private static Result exec(Path cwd, Map<String, String> env, String... args) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(args).directory(cwd.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("timed out: " + String.join(" ", args));
        }
        return new Result(p.exitValue(), out);
    }

    /** The JDK installed at {@code home} and its version from its release file, or null when there is none. */
    private static String version(Path home) throws Exception {
        Path release = home.resolve("release");
        if (!Files.isExecutable(home.resolve("bin/java")) || !Files.isReadable(release)) {
            return null;
        }
        for (String line : Files.readAllLines(release)) {
            if (line.startsWith("JAVA_VERSION=")) {
                return line.substring("JAVA_VERSION=".length()).replace("\"", "");
            }
        }
        return null;
    }

    private static Path jdk(int major) throws Exception {
        if (major == Runtime.version().feature()) {
            return Path.of(System.getProperty("java.home"));
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return null;
        }
        try (var homes = Files.list(jvms)) {
            for (Path home : homes.sorted().toList()) {
                String v = version(home);
                if (v != null && (v.equals(String.valueOf(major)) || v.startsWith(major + "."))) {
                    return home;
                }
            }
        }
        return null;
    }

    private void versionAndValidateWorkOn(Path home, String cacheSuffix, String... fromTheCache) throws Exception {
        Map<String, String> env = Map.of("PEERFORM_JAVA", home.toString());
        Files.writeString(dir.resolve("main.tf"), "resource \"terraform_data\" \"a\" {\n  input = cidrsubnet(\"10.0.0.0/8\", 8, 1)\n}\n");
        Result version = exec(dir, env, LAUNCHER.toString(), "version");
        assertEquals(0, version.code(), version.out());
        assertTrue(version.out().contains("peerform v"), version.out());
        Result validate = exec(dir, env, LAUNCHER.toString(), "validate");
        assertEquals(0, validate.code(), validate.out());
        assertEquals("Success! The configuration is valid.\n\n", validate.out());
        Path cache = TARGET.resolve("peerform-java" + version(home) + cacheSuffix);
        assertTrue(Files.isRegularFile(cache), "the launcher made " + cache);
        Result plan = exec(dir, env, LAUNCHER.toString(), "plan", "-detailed-exitcode", "-no-color");
        assertEquals(2, plan.code(), plan.out());
        assertTrue(plan.out().contains("Plan: 1 to add, 0 to change, 0 to destroy."), plan.out());
        Map<String, String> logged = Map.of("PEERFORM_JAVA", home.toString(), "PEERFORM_JAVA_OPTS",
                "-Xlog:class+load=info");
        Result classes = exec(dir, logged, LAUNCHER.toString(), "validate");
        assertEquals(0, classes.code(), classes.out());
        for (String name : fromTheCache) {
            assertTrue(classes.out().contains(" " + name + " source: shared objects file"), name + " is not in "
                    + cache);
        }
    }

    @Test
    void java17RunsWithItsClassDataArchive() throws Exception {
        Path home = jdk(17);
        assumeTrue(home != null, "no JDK 17 found");
        versionAndValidateWorkOn(home, ".jsa", "dev.peerform.cli.ValidateCommand", "dev.peerform.syntax.Parser");
    }

    @Test
    void java25RunsWithItsAheadOfTimeCache() throws Exception {
        Path home = jdk(25);
        assumeTrue(home != null, "no JDK 25 installed");
        // picocli's class files are Java 5 ones: in the cache only because the launcher rewrote them
        versionAndValidateWorkOn(home, ".aot", "dev.peerform.cli.ValidateCommand", "dev.peerform.syntax.Parser",
                "picocli.CommandLine");
    }

    @Test
    void aJavaThatIsNotThereIsNamed() throws Exception {
        Result r = exec(dir, Map.of("PEERFORM_JAVA", dir.resolve("no-such-jdk").toString()), LAUNCHER.toString(),
                "version");
        assertEquals(1, r.code(), r.out());
        assertTrue(r.out().contains("PEERFORM_JAVA=" + dir.resolve("no-such-jdk") + " is not a JDK"), r.out());
    }
}

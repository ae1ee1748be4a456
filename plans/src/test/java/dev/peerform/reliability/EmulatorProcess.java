package dev.peerform.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code peerform emulator serve} as a process in a working directory: its URL, its memory, and a clean stop. */
final class EmulatorProcess implements AutoCloseable {

    private final Peerform.Running running;
    private final String url;

    private EmulatorProcess(Peerform.Running running, String url) {
        this.running = running;
        this.url = url;
    }

    static EmulatorProcess serve(Peerform p, Path dir, String... options) {
        List<String> args = new ArrayList<>(List.of("emulator", "serve", "--port", "0"));
        args.addAll(List.of(options));
        Peerform.Running r = p.start(dir, args.toArray(String[]::new));
        String line = r.awaitLine(l -> l.startsWith("peerform emulator serving "), Duration.ofMinutes(3));
        if (line == null) {
            r.kill9();
            throw new IllegalStateException("the emulator did not start: " + r.await(Duration.ofSeconds(10)).gist());
        }
        return new EmulatorProcess(r, line.split(" ")[3]);
    }

    String url() {
        return url;
    }

    /** The environment that points the alicloud provider at this server. */
    Map<String, String> endpoint() {
        return Map.of("ALICLOUD_ENDPOINT", url);
    }

    long pid() {
        return running.pid();
    }

    /** Resident memory in bytes (Linux /proc), or -1. */
    long rss() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc", Long.toString(running.pid()), "status"))) {
                if (l.startsWith("VmRSS:")) {
                    return Long.parseLong(l.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    boolean alive() {
        return running.alive();
    }

    @Override
    public void close() {
        running.signal("TERM");
        Peerform.Run r = running.await(Duration.ofSeconds(20));
        if (r.timedOut()) {
            running.kill9();
        }
    }
}

package dev.peerform.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * secrets: every example run as a user would (validate, plan, a saved plan shown as text and JSON, apply, outputs,
 * state views, a destroy plan, destroy, the emulator's log and world listing); every line printed and every file
 * peerform wrote or changed is scanned for every secret of the emulator's world (read from the world file). The
 * world file itself holds the accounts' keys by design and is left out (its mode is a case of the files figure).
 */
final class SecretsFigure {

    static final String NAME = "secrets";
    private static final String WORLD = ".peerform/cloud.json";

    private final Harness h;
    private final Figure figure = new Figure(NAME, "examples");

    SecretsFigure(Harness h) {
        this.h = h;
    }

    Figure run() throws IOException {
        List<Path> examples = new ArrayList<>();
        try (Stream<Path> s = Files.list(h.root().resolve("examples"))) {
            s.filter(d -> Files.exists(d.resolve("main.tf"))).sorted().forEach(examples::add);
        }
        // the small size takes the two-account examples first: they hold both accounts' secrets
        examples.sort((a, b) -> Boolean.compare(!a.toString().contains("cross-account"),
                !b.toString().contains("cross-account")));
        Peerform p = h.peerform().withEnv(Map.of("PEERFORM_EMULATOR_TRANSITION_MS", "20"));
        int c = 0;
        int lines = 0;
        int files = 0;
        for (Path example : examples.subList(0, Math.min(examples.size(), h.size().secretsExamples()))) {
            int index = c++;
            if (!h.selected(index)) {
                continue;
            }
            Path dir = h.newDir("secrets-" + example.getFileName());
            Harness.copyTree(example, dir);
            Map<String, String> inputs = snapshot(dir);
            List<Peerform.Run> runs = new ArrayList<>();
            for (String[] cmd : List.of(new String[] {"validate"}, new String[] {"plan", "-input=false"},
                    new String[] {"plan", "-input=false", "-out=saved.plan"}, new String[] {"show", "saved.plan"},
                    new String[] {"show", "-json", "saved.plan"}, new String[] {"apply", "saved.plan"},
                    new String[] {"output", "-json"}, new String[] {"state", "list"}, new String[] {"state", "pull"},
                    new String[] {"show"}, new String[] {"show", "-json"},
                    new String[] {"plan", "-destroy", "-input=false", "-out=destroy.plan"},
                    new String[] {"show", "-json", "destroy.plan"}, new String[] {"destroy", "-auto-approve",
                            "-input=false"}, new String[] {"emulator", "log"}, new String[] {"emulator", "log",
                            "--json"}, new String[] {"emulator", "show"})) {
                runs.add(p.run(dir, Harness.COMMAND, cmd));
            }
            List<String> secrets = secrets(dir.resolve(WORLD));
            List<String> found = new ArrayList<>();
            for (Peerform.Run r : runs) {
                String[] out = r.out().split("\n");
                lines += out.length;
                for (int n = 0; n < out.length; n++) {
                    for (String s : secrets) {
                        if (out[n].contains(s)) {
                            found.add("`peerform " + String.join(" ", r.args()) + "` line " + (n + 1) + " prints "
                                    + s);
                        }
                    }
                }
            }
            Map<String, String> written = snapshot(dir);
            for (Map.Entry<String, String> f : written.entrySet()) {
                if (f.getKey().equals(WORLD) || f.getValue().equals(inputs.get(f.getKey()))) {
                    continue;
                }
                files++;
                byte[] bytes = Files.readAllBytes(dir.resolve(f.getKey()));
                String text = new String(bytes, StandardCharsets.ISO_8859_1);
                for (String s : secrets) {
                    if (text.contains(s)) {
                        found.add(f.getKey() + " holds " + s);
                    }
                }
            }
            List<String> failedCommands = runs.stream().filter(r -> !r.ok()).map(Peerform.Run::gist).toList();
            if (!failedCommands.isEmpty()) {
                figure.note(example.getFileName() + ": commands that failed (scanned all the same): "
                        + failedCommands);
            }
            if (found.isEmpty()) {
                figure.held();
                Harness.delete(dir);
            } else {
                figure.count("secrets found", found.size());
                figure.failed(h.replay(NAME, index) + "\nexample " + example.getFileName() + "; dir " + dir + "\n"
                        + String.join("\n", found));
            }
        }
        figure.note("scanned " + lines + " printed lines and " + files + " written files");
        return figure;
    }

    private static List<String> secrets(Path world) throws IOException {
        List<String> s = new ArrayList<>();
        JsonNode w = Audit.JSON.readTree(world.toFile());
        w.path("accounts").forEach(a -> a.path("keys").forEach(k -> s.add(k.path("secret").asText())));
        return s;
    }

    private static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> m = new HashMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                m.put(dir.relativize(f).toString(), FilesFigure.sha256(Files.readAllBytes(f)));
            }
        }
        return m;
    }
}

package dev.peerform.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * faults: the emulator served over HTTP with 30% throttling, 10% 5xx and 5% lost answers; ONE apply must converge
 * (the retries happen inside the run), to the same end state as a run without faults, with no orphan and no
 * duplicate, and a clean plan afterwards. The retries are counted from the call log (the injected refusals; a lost
 * answer is logged as OK, so the calls beyond the fault-free run's count are reported too).
 */
final class FaultsFigure {

    static final String NAME = "faults";

    private final Harness h;
    private final Figure figure = new Figure(NAME, "applies");

    FaultsFigure(Harness h) {
        this.h = h;
    }

    Figure run() throws IOException {
        Path template = h.newDir("faults-template");
        Files.writeString(template.resolve("main.tf"), PeeringConfig.generate(h.size().faultConnections()));
        Peerform p = h.peerform();
        if (!p.run(template, Harness.COMMAND, "emulator", "init").ok()) {
            figure.failed("could not make the starting world");
            return figure;
        }
        Set<String> baseline = Audit.ids(Audit.world(template));
        Path clean = h.newDir("faults-none");
        Harness.copyTree(template, clean);
        List<String> expected;
        int cleanCalls;
        try (EmulatorProcess e = EmulatorProcess.serve(p, clean)) {
            Peerform.Run a = p.withEnv(e.endpoint()).run(clean, Harness.COMMAND, "apply", "-auto-approve",
                    "-input=false");
            if (!a.ok()) {
                figure.failed("the fault-free apply over HTTP failed, nothing to compare with: " + a.gist());
                return figure;
            }
        }
        expected = shape(clean, baseline);
        cleanCalls = CallLog.read(clean).size();
        figure.note(h.size().faultConnections() + " connections over HTTP (`emulator serve` has no quota option: "
                + "10 interfaces per account bound the size); fault-free apply: " + cleanCalls + " calls");
        for (int s = 0; s < h.size().faultSeeds(); s++) {
            if (!h.selected(s)) {
                continue;
            }
            long faultSeed = h.caseSeed(NAME, s);
            Path dir = h.newDir("faults-" + s);
            Harness.copyTree(template, dir);
            List<String> problems = new ArrayList<>();
            Peerform.Run a;
            try (EmulatorProcess e = EmulatorProcess.serve(p, dir, "--throttle-rate", "0.3", "--error-rate", "0.1",
                    "--lost-rate", "0.05", "--seed", Long.toString(faultSeed))) {
                a = p.withEnv(e.endpoint()).run(dir, Harness.COMMAND, "apply", "-auto-approve", "-input=false");
            }
            List<CallLog.Call> calls = CallLog.read(dir);
            long faults = calls.stream().filter(CallLog.Call::injectedFault).count();
            List<String> otherRefusals = calls.stream().filter(c -> c.refused() && !c.injectedFault())
                    .map(CallLog.Call::toString).toList();
            figure.count("retried faults", (int) faults);
            figure.count("extra calls", Math.max(0, calls.size() - cleanCalls));
            if (!a.ok()) {
                problems.add("the one apply did not converge: " + a.gist());
                figure.count("not converged", 1);
            }
            Audit.Report report = Audit.check(dir, baseline);
            if (!report.clean()) {
                problems.add("cloud against state: " + report.describe());
                figure.count("orphans", report.orphans().size());
                figure.count("duplicates", report.duplicates());
            }
            List<String> got = shape(dir, baseline);
            if (!got.equals(expected)) {
                List<String> missing = new ArrayList<>(expected);
                got.forEach(missing::remove);
                List<String> extra = new ArrayList<>(got);
                expected.forEach(extra::remove);
                problems.add("end state differs from the fault-free run: missing " + missing + ", extra " + extra);
            }
            try (EmulatorProcess e = EmulatorProcess.serve(p, dir)) {
                Peerform.Run plan = p.withEnv(e.endpoint()).run(dir, Harness.COMMAND, "plan", "-detailed-exitcode",
                        "-input=false");
                if (plan.code() != 0) {
                    problems.add("plan afterwards (no faults) not clean: " + plan.gist());
                }
            }
            String counts = calls.size() + " calls, " + faults + " injected refusals retried, other refusals "
                    + otherRefusals;
            if (problems.isEmpty()) {
                figure.held();
                figure.note("seed " + faultSeed + ": converged in one apply (" + counts + ")");
            } else {
                figure.failed(h.replay(NAME, s) + "\nemulator serve --seed " + faultSeed + " (" + counts + "); dir "
                        + dir + "\n" + String.join("\n", problems));
            }
        }
        return figure;
    }

    /** The end state without its generated ids: what a run made, comparable across runs. */
    static List<String> shape(Path dir, Set<String> baseline) throws IOException {
        JsonNode w = Audit.worldJson(Audit.world(dir));
        List<String> s = new ArrayList<>();
        w.path("vpcs").forEach(v -> {
            if (!baseline.contains(v.path("id").asText())) {
                s.add("vpc " + v.path("owner").asText() + " " + v.path("region").asText() + " "
                        + v.path("cidrBlock").asText() + " " + v.path("name").asText());
            }
        });
        w.path("interfaces").forEach(v -> s.add("interface " + v.path("owner").asText() + " "
                + v.path("role").asText() + " " + v.path("spec").asText() + " " + v.path("status").asText() + " "
                + v.path("name").asText()));
        w.path("routes").forEach(v -> s.add("route " + v.path("destination").asText() + " "
                + v.path("nextHopType").asText()));
        s.sort(null);
        return s;
    }
}

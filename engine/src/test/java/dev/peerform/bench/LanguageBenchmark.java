package dev.peerform.bench;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import dev.peerform.config.Module;
import dev.peerform.config.ModuleLoader;
import dev.peerform.config.Resource;
import dev.peerform.config.VariableValues;
import dev.peerform.diag.Diagnostics;
import dev.peerform.lang.Evaluator;
import dev.peerform.lang.Functions;
import dev.peerform.lang.Scope;
import dev.peerform.syntax.Attribute;
import dev.peerform.syntax.Expr;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.Type;
import dev.peerform.value.Value;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The language benchmark (README, "Benchmarks"): loads and evaluates generated configurations of 1,000 and 10,000
 * terraform_data blocks, and in the same run parses the same text with hcl4j and times {@code terraform validate}
 * when terraform is on the PATH. Run with {@code bench/run.sh language}.
 */
public final class LanguageBenchmark {

    public static void main(String[] args) throws Exception {
        int[] sizes = args.length > 0 ? java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray()
                : new int[] {1_000, 10_000};
        boolean baselines = !"false".equals(System.getProperty("bench.baselines"));
        boolean terraform = baselines && onPath("terraform");
        System.out.printf("%-8s %14s %14s %14s %12s %16s %16s%n", "blocks", "peerform(ms)", "  load", "  eval",
                "peak heap", "hcl4j parse(ms)", "tf validate(ms)");
        Map<Integer, Double> totals = new HashMap<>();
        for (int n : sizes) {
            String text = GeneratedConfig.terraformData(n);
            Path dir = Files.createTempDirectory("peerform-bench-lang");
            Files.writeString(dir.resolve("main.tf"), text);
            for (int warm = 0; warm < 3; warm++) {
                run(dir);
            }
            List<double[]> samples = new ArrayList<>();
            resetPeaks();
            for (int i = 0; i < 5; i++) {
                samples.add(run(dir));
            }
            long peak = peakHeap();
            samples.sort((a, b) -> Double.compare(a[0] + a[1], b[0] + b[1]));
            double[] median = samples.get(samples.size() / 2);
            double total = median[0] + median[1];
            totals.put(n, total);
            double hcl4j = baselines ? hcl4j(text) : Double.NaN;
            double tf = terraform ? terraformValidate(dir) : Double.NaN;
            System.out.printf("%-8d %14.1f %14.1f %14.1f %10.1fMB %16.1f %16s%n", n, total, median[0], median[1],
                    peak / 1e6, hcl4j, terraform ? String.format("%.1f", tf) : "not on PATH");
            System.out.printf("         hcl4j/peerform = %.0fx%s%n", hcl4j / total,
                    terraform ? String.format(", terraform validate/peerform = %.1fx", tf / total) : "");
        }
        if (totals.containsKey(1_000) && totals.containsKey(10_000)) {
            System.out.printf("scaling: 10,000 blocks take %.1fx the time of 1,000 (target <= 12x)%n",
                    totals.get(10_000) / totals.get(1_000));
        }
    }

    /** One load and one evaluation of every resource body; returns {load ms, eval ms}. */
    private static double[] run(Path dir) {
        long t0 = System.nanoTime();
        Diagnostics diags = new Diagnostics();
        Module m = new ModuleLoader(dir).load(diags);
        Map<String, Value> vars = new VariableValues().resolve(m, dir, Map.of(), List.of(), diags);
        long t1 = System.nanoTime();
        Map<String, Value> evaluated = new HashMap<>();
        Functions functions = Functions.standard();
        Map<String, Value> locals = new HashMap<>();
        Scope scope = (ref, d) -> {
            String name = ((Expr.AttrStep) ref.steps().get(0)).name();
            return switch (ref.root()) {
                case "var" -> new Scope.Resolved(vars.get(name), 1);
                case "local" -> new Scope.Resolved(locals.get(name), 1);
                default -> new Scope.Resolved(evaluated.get(ref.root() + "." + name), 1);
            };
        };
        Evaluator evaluator = new Evaluator(scope, functions, dir);
        m.locals().forEach((k, e) -> locals.put(k, evaluator.evaluate(e, diags)));
        for (Resource r : m.resources().values()) {
            Map<String, Value> attrs = new HashMap<>();
            for (Attribute a : r.body().attributes()) {
                attrs.put(a.name(), evaluator.evaluate(a.expr(), diags));
            }
            attrs.put("id", Value.unknown(Type.STRING));
            attrs.put("output", Value.DYNAMIC_UNKNOWN);
            evaluated.put(r.address(), new ObjectValue(attrs));
        }
        m.outputs().values().forEach(o -> evaluator.evaluate(o.value(), diags));
        long t2 = System.nanoTime();
        if (diags.hasErrors()) {
            throw new IllegalStateException("generated configuration has errors: " + diags);
        }
        return new double[] {(t1 - t0) / 1e6, (t2 - t1) / 1e6};
    }

    /** hcl4j's parse time; it prints debug lines to standard output, which are silenced meanwhile. */
    private static double hcl4j(String text) {
        java.io.PrintStream out = System.out;
        System.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        long t0 = System.nanoTime();
        try {
            new HCLParser().parse(text);
        } catch (Exception e) {
            out.println("hcl4j failed: " + e);
            return Double.NaN;
        } finally {
            System.setOut(out);
        }
        return (System.nanoTime() - t0) / 1e6;
    }

    private static double terraformValidate(Path dir) throws Exception {
        Process init = new ProcessBuilder("terraform", "init", "-backend=false", "-input=false", "-no-color")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        init.waitFor(120, TimeUnit.SECONDS);
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder("terraform", "validate", "-no-color").directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        p.waitFor(300, TimeUnit.SECONDS);
        return (System.nanoTime() - t0) / 1e6;
    }

    static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    static List<Double> sorted(List<Double> xs) {
        List<Double> copy = new ArrayList<>(xs);
        Collections.sort(copy);
        return copy;
    }
}

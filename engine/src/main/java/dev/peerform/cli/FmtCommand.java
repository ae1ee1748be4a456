package dev.peerform.cli;

import dev.peerform.diag.Diagnostics;
import dev.peerform.syntax.Formatter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code fmt}: rewrites configuration files in the canonical layout and lists those it changed. With -check it
 * changes nothing and exits 3 when a file needs formatting, as Terraform does.
 */
@Command(name = "fmt", description = "Reformat your configuration in the standard style")
final class FmtCommand implements Callable<Integer> {

    static final int NEEDS_FORMATTING = 3;

    private final CliContext ctx;

    @Option(names = "-check", description = "Check whether the input is formatted; exit 3 when it is not.")
    boolean check;

    @Option(names = "-diff", description = "Display diffs of formatting changes.")
    boolean diff;

    @Option(names = "-recursive", description = "Also process files in subdirectories.")
    boolean recursive;

    @Option(names = "-list", arity = "1", description = "Don't list files whose formatting differs when false.")
    boolean list = true;

    @Option(names = "-no-color", description = "If specified, output won't contain any color.")
    boolean noColor;

    @Parameters(arity = "0..*", paramLabel = "TARGET")
    List<String> targets = new ArrayList<>();

    FmtCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        Session session = new Session(ctx, noColor);
        List<Path> files = new ArrayList<>();
        List<String> roots = targets.isEmpty() ? List.of(".") : targets;
        for (String t : roots) {
            Path p = ctx.workingDir().resolve(t);
            if (Files.isRegularFile(p)) {
                files.add(p);
            } else if (Files.isDirectory(p)) {
                try (Stream<Path> s = recursive ? Files.walk(p) : Files.list(p)) {
                    s.filter(f -> Files.isRegularFile(f) && (f.toString().endsWith(".tf")
                            || f.toString().endsWith(".tfvars"))).filter(f -> !f.toString().contains("/.peerform/"))
                            .sorted().forEach(files::add);
                }
            } else {
                session.error("No file or directory at " + t, "There is no file or directory at " + t + ".");
                return ExitCode.ERROR;
            }
        }
        boolean changed = false;
        Diagnostics diags = new Diagnostics();
        for (Path f : files) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            String name = ctx.workingDir().relativize(f).toString();
            String formatted = Formatter.format(name, text, diags);
            if (formatted == null || formatted.equals(text)) {
                continue;
            }
            changed = true;
            if (list) {
                ctx.out().println(name);
            }
            if (diff) {
                ctx.out().print(unifiedDiff(name, text, formatted));
            }
            if (!check) {
                Files.writeString(f, formatted, StandardCharsets.UTF_8);
            }
        }
        ctx.out().flush();
        if (session.report(diags)) {
            return ExitCode.ERROR;
        }
        return check && changed ? NEEDS_FORMATTING : ExitCode.OK;
    }

    /** A line diff good enough to review formatting: each changed line as -old / +new. */
    static String unifiedDiff(String name, String before, String after) {
        String[] a = before.split("\n", -1);
        String[] b = after.split("\n", -1);
        StringBuilder out = new StringBuilder("--- old/" + name + "\n+++ new/" + name + "\n");
        int n = Math.max(a.length, b.length);
        for (int i = 0; i < n; i++) {
            String x = i < a.length ? a[i] : null;
            String y = i < b.length ? b[i] : null;
            if (x != null && x.equals(y)) {
                continue;
            }
            out.append("@@ line ").append(i + 1).append(" @@\n");
            if (x != null) {
                out.append('-').append(x).append('\n');
            }
            if (y != null) {
                out.append('+').append(y).append('\n');
            }
        }
        return out.toString();
    }
}

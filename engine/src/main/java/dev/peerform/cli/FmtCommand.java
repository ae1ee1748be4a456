package dev.peerform.cli;

import dev.peerform.diag.Diagnostics;
import dev.peerform.syntax.Formatter;
import java.io.IOException;
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
 * changes nothing and exits 3 when a file needs formatting; a file that cannot be parsed exits 2; {@code fmt -}
 * formats stdin to stdout, as Terraform does.
 */
@Command(name = "fmt", description = "Reformat your configuration in the standard style")
final class FmtCommand implements Callable<Integer> {

    static final int NEEDS_FORMATTING = 3;
    /** Terraform's fmt exits 2 when a file cannot be parsed. */
    static final int SYNTAX_ERROR = 2;

    private final CliContext ctx;

    @Option(names = "-check", description = "Check whether the input is formatted; exit 3 when it is not.")
    boolean check;

    @Option(names = "-diff", description = "Display diffs of formatting changes.")
    boolean diff;

    @Option(names = "-recursive", description = "Also process files in subdirectories.")
    boolean recursive;

    @Option(names = "-write", arity = "1", description = "Don't write to source files when false (always false "
            + "with -check or when reading stdin).")
    boolean write = true;

    @Option(names = "-list", arity = "1", description = "Don't list files whose formatting differs when false.")
    boolean list = true;

    @Option(names = "-no-color", description = "If specified, output won't contain any color.")
    boolean noColor;

    @Parameters(arity = "0..*", paramLabel = "TARGET", description = "Files or directories; - reads stdin.")
    List<String> targets = new ArrayList<>();

    FmtCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        Session session = new Session(ctx, noColor);
        if (check) {
            write = false;
        }
        Diagnostics diags = new Diagnostics();
        if (targets.equals(List.of("-"))) {
            // stdin: the result goes to stdout, nothing is listed or written (Terraform's rules)
            list = false;
            write = false;
            String text = readStdin();
            return finish(session, diags, process("<stdin>", text, null, diags));
        }
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
        for (Path f : files) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            changed |= process(ctx.workingDir().relativize(f).toString(), text, f, diags);
        }
        return finish(session, diags, changed);
    }

    /** Formats one file's text, lists, writes, diffs or prints it as the flags say; true when it changed. */
    private boolean process(String name, String text, Path file, Diagnostics diags) throws IOException {
        String formatted = Formatter.format(name, text, diags);
        if (formatted == null) {
            return false;
        }
        boolean changed = !formatted.equals(text);
        if (changed) {
            if (list) {
                ctx.out().println(name);
            }
            if (write && file != null) {
                Files.writeString(file, formatted, StandardCharsets.UTF_8);
            }
            if (diff) {
                ctx.out().print(UnifiedDiff.of("old/" + name, "new/" + name, text, formatted));
            }
        }
        if (!list && !write && !diff && !check) {
            ctx.out().print(formatted);
        }
        return changed;
    }

    private int finish(Session session, Diagnostics diags, boolean changed) {
        ctx.out().flush();
        if (session.report(diags)) {
            return SYNTAX_ERROR;
        }
        return check && changed ? NEEDS_FORMATTING : ExitCode.OK;
    }

    private String readStdin() throws IOException {
        StringBuilder text = new StringBuilder();
        char[] buf = new char[8192];
        for (int n; (n = ctx.in().read(buf)) > 0; ) {
            text.append(buf, 0, n);
        }
        return text.toString();
    }
}

package dev.peerform.cli;

import dev.peerform.diag.Diagnostics;
import dev.peerform.render.ConsoleValues;
import dev.peerform.value.Value;
import dev.peerform.workspace.Console;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code console}: expressions read from stdin, evaluated against the configuration and the stored state. On a
 * terminal each one's value is printed after a {@code >} prompt and an error does not end the session; from a
 * pipe, as Terraform does, the first error ends it (exit 1) and only the last value is printed. On a terminal an
 * expression may span lines while its brackets are open; from a pipe each line is one expression (Terraform's).
 */
@Command(name = "console", description = "Try peerform expressions at an interactive command prompt")
final class ConsoleCommand implements Callable<Integer> {

    private final CliContext ctx;

    @Mixin
    VarOptions vars;

    @Option(names = "-no-color", description = "If specified, output won't contain any color.")
    boolean noColor;

    @Option(names = "-state", description = "Legacy option for the local backend only.", hidden = true)
    String statePath;

    ConsoleCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        Session session = new Session(ctx, noColor);
        Diagnostics loadDiags = new Diagnostics();
        Console console = session.workspace.console(vars.options, loadDiags);
        if (session.report(loadDiags)) {
            return ExitCode.ERROR;
        }
        boolean interactive = ctx.terminal();
        String last = null;
        StringBuilder pending = new StringBuilder();
        while (true) {
            if (interactive) {
                ctx.out().print(pending.length() == 0 ? "> " : ": ");
                ctx.out().flush();
            }
            String line = ctx.in().readLine();
            if (line == null) {
                break;
            }
            pending.append(pending.length() == 0 ? "" : "\n").append(line);
            if (pending.toString().isBlank()) {
                pending.setLength(0);
                continue;
            }
            if (interactive && openBrackets(pending) > 0) {
                continue;
            }
            String text = pending.toString().strip();
            pending.setLength(0);
            if (interactive && text.equals("exit")) {
                break;
            }
            Diagnostics diags = new Diagnostics();
            Value v = console.evaluate(text, diags);
            if (v == null) {
                session.report(diags);
                if (!interactive) {
                    return ExitCode.ERROR;
                }
                continue;
            }
            session.report(diags);
            last = ConsoleValues.render(v);
            if (interactive) {
                ctx.out().println(last + "\n");
            }
        }
        if (!pending.toString().isBlank()) {
            // input ended inside an open bracket: let the parser name what is missing
            Diagnostics diags = new Diagnostics();
            Value v = console.evaluate(pending.toString(), diags);
            session.report(diags);
            if (v == null) {
                return ExitCode.ERROR;
            }
            last = ConsoleValues.render(v);
        }
        if (!interactive && last != null) {
            ctx.out().println(last);
        }
        ctx.out().flush();
        return ExitCode.OK;
    }

    /** How many brackets are open at the end of the text (strings and their escapes skipped). */
    static int openBrackets(CharSequence text) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            }
        }
        return depth;
    }
}

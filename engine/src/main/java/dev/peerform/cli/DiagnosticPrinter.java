package dev.peerform.cli;

import dev.peerform.diag.Diagnostic;
import dev.peerform.diag.Severity;
import dev.peerform.diag.SourceRange;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Prints diagnostics as Terraform does: severity and summary, where (file, line, column, the enclosing block),
 * the source line with the subject underlined by carets, then the detail. With colour, Terraform's frame and
 * colours; without, plain text.
 */
final class DiagnosticPrinter {

    private static final String RED = "\u001b[31m";
    private static final String YELLOW = "\u001b[33m";
    private static final String BOLD = "\u001b[1m";
    private static final String RESET = "\u001b[0m";

    private final Function<String, String> sources;
    private final boolean color;
    /** Each file split into lines once: a plan may report thousands of diagnostics in one large file. */
    private final Map<String, String[]> lines = new HashMap<>();

    /** {@code sources} gives a file's text by the name diagnostics use, or null when it is not at hand. */
    DiagnosticPrinter(Function<String, String> sources, boolean color) {
        this.sources = sources;
        this.color = color;
    }

    void print(Diagnostic d, PrintWriter out) {
        print(d, 0, out);
    }

    /** One diagnostic; {@code similar} more with the same summary are left out, and said so, as Terraform does. */
    void print(Diagnostic d, int similar, PrintWriter out) {
        String frameColor = d.severity() == Severity.ERROR ? RED : YELLOW;
        StringBuilder body = new StringBuilder();
        body.append(color ? frameColor + BOLD + d.severity().label() + ": " + RESET + BOLD + d.summary() + RESET
                : d.severity().label() + ": " + d.summary()).append('\n');
        if (d.subject() != null || d.address() != null) {
            body.append('\n');
        }
        if (d.subject() != null) {
            appendSource(d.subject(), body);
        }
        if (d.address() != null) {
            body.append("  with ").append(d.address()).append(",\n");
        }
        if (!d.detail().isEmpty()) {
            body.append('\n').append(d.detail()).append('\n');
        }
        if (similar > 0) {
            body.append('\n').append("(and ").append(similar).append(" more similar ")
                    .append(d.isError() ? "error" : "warning").append(similar == 1 ? "" : "s")
                    .append(" elsewhere)\n");
        }
        if (!color) {
            // Terraform's plain form: a blank line before each diagnostic (none after), so that a warning after
            // the plan's last line stands apart from it
            out.println();
            out.print(body);
            return;
        }
        out.println(frameColor + "╷" + RESET);
        for (String line : body.toString().split("\n", -1)) {
            if (line.isEmpty() && body.toString().endsWith(line)) {
                continue;
            }
            out.println(frameColor + "│" + RESET + " " + line);
        }
        out.println(frameColor + "╵" + RESET);
    }

    private void appendSource(SourceRange r, StringBuilder b) {
        String[] lines = this.lines.computeIfAbsent(r.filename(), f -> {
            String text = sources.apply(f);
            return text == null ? new String[0] : text.split("\r?\n", -1);
        });
        String context = lines.length == 0 ? null : enclosingBlock(lines, r.start().line());
        b.append("  on ").append(r.filename()).append(" line ").append(r.start().line()).append(", column ")
                .append(r.start().column());
        if (context != null) {
            b.append(", in ").append(context);
        }
        b.append(":\n");
        int index = r.start().line() - 1;
        if (index < 0 || index >= lines.length) {
            return;
        }
        String line = lines[index].replace('\t', ' ');
        String number = String.format("%4d: ", r.start().line());
        b.append(number).append(line).append('\n');
        int from = Math.min(r.start().column() - 1, line.length());
        int to = r.end().line() == r.start().line() ? Math.min(Math.max(r.end().column() - 1, from + 1),
                Math.max(line.length(), from + 1)) : Math.max(line.length(), from + 1);
        b.append(" ".repeat(number.length() + from)).append("^".repeat(Math.max(1, to - from))).append('\n');
    }

    /** The header of the top-level block around a line, like {@code resource "alicloud_vpc" "a"}. */
    private static String enclosingBlock(String[] lines, int line) {
        for (int i = Math.min(line, lines.length) - 1; i >= 0; i--) {
            String l = lines[i];
            if (!l.isEmpty() && !Character.isWhitespace(l.charAt(0)) && l.contains("{") && !l.startsWith("#")
                    && !l.startsWith("//") && !l.startsWith("}")) {
                String header = l.substring(0, l.indexOf('{')).trim();
                return header.isEmpty() || header.contains("=") ? null : header;
            }
            if (i < line - 1 && l.startsWith("}")) {
                return null;
            }
        }
        return null;
    }
}

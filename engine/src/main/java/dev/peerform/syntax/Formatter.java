package dev.peerform.syntax;

import dev.peerform.diag.Diagnostics;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code fmt}: Terraform's canonical layout. Two spaces per nesting level, the equals signs of consecutive
 * arguments aligned, no trailing spaces, one newline at the end. Heredoc bodies and comments' text are left as
 * they are. A file with syntax errors is not formatted (its diagnostics are reported instead).
 */
public final class Formatter {

    private Formatter() {
    }

    /** The formatted text, or null when the source has syntax errors (added to {@code diags}). */
    public static String format(String filename, String source, Diagnostics diags) {
        Diagnostics parse = new Diagnostics();
        Parser.parseFile(filename, source, parse);
        if (parse.hasErrors()) {
            diags.addAll(parse);
            return null;
        }
        List<Token> tokens = new Scanner(filename, source, new Diagnostics()).scan();
        String[] lines = source.replace("\r\n", "\n").split("\n", -1);
        int[] depth = new int[lines.length + 2];
        boolean[] closes = new boolean[lines.length + 2];
        boolean[] verbatim = new boolean[lines.length + 2];
        boolean[] startSeen = new boolean[lines.length + 2];
        int level = 0;
        int heredocFrom = -1;
        for (Token t : tokens) {
            int line = t.range().start().line();
            if (line <= lines.length && !startSeen[line] && t.type() != TokenType.NEWLINE) {
                startSeen[line] = true;
                depth[line] = level;
                closes[line] = t.is(TokenType.RBRACE) || t.is(TokenType.RBRACK) || t.is(TokenType.RPAREN);
            }
            switch (t.type()) {
                case LBRACE, LBRACK, LPAREN -> level++;
                case RBRACE, RBRACK, RPAREN -> level = Math.max(0, level - 1);
                case OHEREDOC -> heredocFrom = line + 1;
                case CHEREDOC -> {
                    for (int l = heredocFrom; l <= t.range().start().line(); l++) {
                        verbatim[l] = true; // heredoc text and its closing marker keep their own layout
                    }
                    heredocFrom = -1;
                }
                default -> { }
            }
        }
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= lines.length; i++) {
            String raw = lines[i - 1];
            if (verbatim[i]) {
                out.add(raw.stripTrailing());
                continue;
            }
            String text = raw.strip();
            if (text.isEmpty()) {
                out.add("");
                continue;
            }
            int d = startSeen[i] ? depth[i] - (closes[i] ? 1 : 0) : depth[i];
            out.add("  ".repeat(Math.max(0, d)) + normaliseEquals(text));
        }
        align(out, depth, verbatim);
        while (out.size() > 1 && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return String.join("\n", out) + "\n";
    }

    /** Line {@code k} (0-based) is a one-line argument: "name = value" whose value ends on the line. */
    private static boolean alignable(List<String> out, int[] depth, boolean[] verbatim, int k) {
        boolean continues = k + 2 < depth.length && k + 1 < out.size() && depth[k + 2] > depth[k + 1];
        return !verbatim[k + 1] && !continues && argumentEquals(out.get(k).strip()) >= 0;
    }

    /** "name   =value" -> "name = value" for an argument line (not for "==", "=>" or "!="). */
    private static String normaliseEquals(String text) {
        int eq = argumentEquals(text);
        if (eq < 0) {
            return text;
        }
        return text.substring(0, eq).stripTrailing() + " = " + text.substring(eq + 1).stripLeading();
    }

    /** The index of the "=" of a line that starts with "name =" (or "\"name\" ="), or -1. */
    private static int argumentEquals(String text) {
        int i = 0;
        if (text.startsWith("\"")) {
            int close = text.indexOf('"', 1);
            if (close < 0) {
                return -1;
            }
            i = close + 1;
        } else {
            while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_'
                    || text.charAt(i) == '-')) {
                i++;
            }
            if (i == 0) {
                return -1;
            }
        }
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        if (i < text.length() && text.charAt(i) == '=' && (i + 1 >= text.length()
                || (text.charAt(i + 1) != '=' && text.charAt(i + 1) != '>'))) {
            return i;
        }
        return -1;
    }

    /**
     * Aligns the "=" of consecutive one-line arguments at the same depth, as terraform fmt does; an argument whose
     * value goes on over more lines stands alone.
     */
    private static void align(List<String> out, int[] depth, boolean[] verbatim) {
        int i = 0;
        while (i < out.size()) {
            if (!alignable(out, depth, verbatim, i)) {
                i++;
                continue;
            }
            int indent = out.get(i).length() - out.get(i).stripLeading().length();
            int end = i;
            while (end + 1 < out.size() && alignable(out, depth, verbatim, end + 1)
                    && out.get(end + 1).length() - out.get(end + 1).stripLeading().length() == indent) {
                end++;
            }
            int width = 0;
            for (int k = i; k <= end; k++) {
                String t = out.get(k).strip();
                width = Math.max(width, t.substring(0, argumentEquals(t)).stripTrailing().length());
            }
            for (int k = i; k <= end; k++) {
                String t = out.get(k).strip();
                int eq = argumentEquals(t);
                String name = t.substring(0, eq).stripTrailing();
                out.set(k, " ".repeat(indent) + name + " ".repeat(width - name.length()) + " = "
                        + t.substring(eq + 1).stripLeading());
            }
            i = end + 1;
        }
    }
}

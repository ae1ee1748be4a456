package dev.peerform.syntax;

import dev.peerform.diag.Diagnostics;

/** The text of a literal token: quoted strings' backslash escapes, and the doubled {@code $${} and {@code %%{}. */
final class StringLiterals {

    private StringLiterals() {
    }

    /** A quoted string's text with its escapes decoded; a bad escape is reported at the token and left out. */
    static String decodeQuoted(Token t, Diagnostics diags) {
        String s = t.text();
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '$' && s.startsWith("$${", i)) {
                b.append("${");
                i += 2;
            } else if (c == '%' && s.startsWith("%%{", i)) {
                b.append("%{");
                i += 2;
            } else if (c != '\\') {
                b.append(c);
            } else if (i + 1 >= s.length()) {
                b.append(c);
            } else {
                char e = s.charAt(++i);
                switch (e) {
                    case 'n' -> b.append('\n');
                    case 'r' -> b.append('\r');
                    case 't' -> b.append('\t');
                    case '"' -> b.append('"');
                    case '\\' -> b.append('\\');
                    case 'u', 'U' -> i += unicodeEscape(s, i, e, b, t, diags);
                    default -> diags.error("Invalid escape sequence", "The symbol \"" + e + "\" is not a valid "
                            + "escape sequence selector: use \\n, \\r, \\t, \\\", \\\\, \\uNNNN or \\UNNNNNNNN.",
                            t.range());
                }
            }
        }
        return b.toString();
    }

    /** {@code \}{@code uNNNN} or {@code \UNNNNNNNN} after index {@code i}; returns how many digits it used. */
    private static int unicodeEscape(String s, int i, char e, StringBuilder b, Token t, Diagnostics diags) {
        int digits = e == 'u' ? 4 : 8;
        String hex = i + 1 + digits <= s.length() ? s.substring(i + 1, i + 1 + digits) : "";
        if (hex.length() != digits || !hex.chars().allMatch(ch -> Character.digit(ch, 16) >= 0)) {
            diags.error("Invalid escape sequence", "The \\" + e + " escape needs exactly " + digits
                    + " hexadecimal digits.", t.range());
            return 0;
        }
        int cp = Integer.parseInt(hex, 16);
        if (!Character.isValidCodePoint(cp)) {
            diags.error("Invalid escape sequence", "\\" + e + hex + " is not a Unicode character.", t.range());
        } else {
            b.appendCodePoint(cp);
        }
        return digits;
    }

    /** A heredoc's text: only the doubled template openers are escapes there. */
    static String unescapeSequences(String s) {
        return s.indexOf("$${") < 0 && s.indexOf("%%{") < 0 ? s : s.replace("$${", "${").replace("%%{", "%{");
    }
}

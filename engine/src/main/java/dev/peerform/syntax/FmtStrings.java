package dev.peerform.syntax;

/**
 * A quoted label's text read to its value and written back in canonical form, as hclwrite rewrites block
 * labels: {@code \n \r \t \" \\} escaped, {@code ${} and {@code %{} doubled, other invisible characters as
 * {@code \}{@code uXXXX} (lower-case hex), everything else as it is.
 */
final class FmtStrings {

    private FmtStrings() {
    }

    /**
     * How many literal tokens Terraform's lexer makes of a quoted string's text: it cuts the text before and
     * after every "$" and "%" (keeping "$${" and "%%{" whole). hclwrite re-reads a block label only when it is
     * one such token and leaves out any other: {@code resource "a" "x$y" {}} loses its second label in
     * {@code terraform fmt}, which this formatter reproduces.
     */
    static int literalPieces(String text) {
        int pieces = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '$' || c == '%') {
                boolean escapedIntro = text.startsWith(c + "" + c + "{", i);
                i += escapedIntro ? 3 : 1;
                if (escapedIntro && i < text.length() && text.charAt(i) == '~') {
                    i++; // "$${~" is one token too
                }
            } else {
                while (i < text.length() && text.charAt(i) != '$' && text.charAt(i) != '%') {
                    i += text.charAt(i) == '\\' && i + 1 < text.length() ? 2 : 1;
                }
            }
            pieces++;
        }
        return Math.max(pieces, 1);
    }

    /** The value of a quoted literal's text; an escape it does not know is kept as written. */
    static String unescape(String text) {
        StringBuilder b = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if ((c == '$' || c == '%') && text.startsWith(c + "" + c + "{", i)) {
                b.append(c).append('{');
                i += 3;
            } else if (c == '\\' && i + 1 < text.length()) {
                char e = text.charAt(i + 1);
                int hex = e == 'u' ? 4 : e == 'U' ? 8 : 0;
                switch (e) {
                    case 'n' -> b.append('\n');
                    case 'r' -> b.append('\r');
                    case 't' -> b.append('\t');
                    case '"' -> b.append('"');
                    case '\\' -> b.append('\\');
                    default -> {
                        if (hex == 0 || i + 2 + hex > text.length()) {
                            b.append(c).append(e);
                        } else {
                            b.appendCodePoint(Integer.parseInt(text.substring(i + 2, i + 2 + hex), 16));
                            i += hex;
                        }
                    }
                }
                i += 2;
            } else {
                b.append(c);
                i++;
            }
        }
        return b.toString();
    }

    static String escape(String value) {
        StringBuilder b = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            i += Character.charCount(cp);
            switch (cp) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '$', '%' -> {
                    b.appendCodePoint(cp);
                    if (i < value.length() && value.charAt(i) == '{') {
                        b.appendCodePoint(cp);
                    }
                }
                default -> {
                    if (printable(cp)) {
                        b.appendCodePoint(cp);
                    } else if (cp < 0x10000) {
                        b.append(String.format("\\u%04x", cp));
                    } else {
                        b.append(String.format("\\U%08x", cp));
                    }
                }
            }
        }
        return b.toString();
    }

    /** Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
    private static boolean printable(int cp) {
        if (cp == ' ') {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                    Character.UNASSIGNED, Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR -> false;
            default -> true;
        };
    }
}

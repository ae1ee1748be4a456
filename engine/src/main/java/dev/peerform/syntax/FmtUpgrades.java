package dev.peerform.syntax;

import java.util.ArrayList;
import java.util.List;

/**
 * The rewrites {@code terraform fmt} makes beyond whitespace, on the bodies of the file and of its blocks (never
 * inside an expression): an attribute whose whole value is one interpolation, {@code "${var.x}"}, becomes the
 * bare expression; a top-level variable block's {@code type = "string"}, {@code "list"}, {@code "map"} (Terraform
 * 0.11's quoted types) become {@code string}, {@code list(string)}, {@code map(string)}, and a bare {@code list},
 * {@code map} or {@code set} gets its element type {@code any}; block labels are written quoted, without the
 * comments that may stand between them. Works on a syntactically valid file's tokens.
 */
final class FmtUpgrades {

    private final List<FmtToken> in;
    private final List<FmtToken> out = new ArrayList<>();
    private int pos;

    private FmtUpgrades(List<FmtToken> in) {
        this.in = in;
    }

    static List<FmtToken> apply(List<FmtToken> tokens) {
        FmtUpgrades u = new FmtUpgrades(tokens);
        u.body(List.of());
        while (u.pos < tokens.size()) {
            u.out.add(tokens.get(u.pos++)); // only reached for input the parser would reject
        }
        return u.out;
    }

    /** Copies a body up to (not including) the brace that closes it, or to the end of the file. */
    private void body(List<String> blocks) {
        while (pos < in.size()) {
            FmtToken t = in.get(pos);
            if (t.is(TokenType.RBRACE)) {
                return;
            }
            if (!t.is(TokenType.IDENT)) {
                out.add(in.get(pos++));
                continue;
            }
            int next = skipComments(pos + 1);
            if (next < in.size() && in.get(next).is(TokenType.EQUAL)) {
                attribute(t.text, blocks, next);
            } else {
                block(t.text, blocks);
            }
        }
    }

    private int skipComments(int i) {
        while (i < in.size() && in.get(i).is(TokenType.COMMENT) && !in.get(i).endsLine()) {
            i++;
        }
        return i;
    }

    private void attribute(String name, List<String> blocks, int equals) {
        while (pos <= equals) {
            out.add(in.get(pos++));
        }
        int end = pos;
        int depth = 0;
        while (end < in.size()) {
            FmtToken t = in.get(end);
            if (depth == 0 && (t.endsLine() || t.is(TokenType.RBRACE))) {
                break;
            }
            depth += switch (t.type) {
                case OQUOTE, OHEREDOC -> 1;
                case CQUOTE, CHEREDOC -> -1;
                default -> t.bracketChange();
            };
            end++;
        }
        while (end > pos && in.get(end - 1).is(TokenType.COMMENT)) {
            end--; // a comment after the value belongs to the line, not to the expression
        }
        List<FmtToken> expr = in.subList(pos, end);
        boolean variableType = blocks.size() == 1 && blocks.get(0).equals("variable") && name.equals("type");
        out.addAll(variableType ? typeExpr(expr) : valueExpr(expr));
        pos = end;
    }

    private void block(String type, List<String> blocks) {
        out.add(in.get(pos++));
        while (pos < in.size() && !in.get(pos).is(TokenType.LBRACE)) {
            FmtToken t = in.get(pos);
            if (t.is(TokenType.IDENT)) {
                out.addAll(quoted(t.text));
                pos++;
            } else if (t.is(TokenType.OQUOTE)) {
                label();
            } else if (t.is(TokenType.COMMENT) && !t.endsLine()) {
                pos++;
            } else {
                return; // not a block header after all: leave the rest to the plain copy
            }
        }
        if (pos >= in.size()) {
            return;
        }
        out.add(in.get(pos++));
        List<String> inner = new ArrayList<>(blocks);
        inner.add(type);
        body(inner);
        if (pos < in.size()) {
            out.add(in.get(pos++));
        }
    }

    /** A quoted label, written again from its value as hclwrite does (escapes in their canonical form). */
    private void label() {
        int close = pos + 1;
        while (close < in.size() && !in.get(close).is(TokenType.CQUOTE)) {
            close++;
        }
        if (close == pos + 2 && in.get(pos + 1).is(TokenType.QUOTED_LIT)) {
            String text = in.get(pos + 1).text;
            if (FmtStrings.literalPieces(text) == 1) {
                out.addAll(quoted(FmtStrings.unescape(text)));
            } // else dropped, as Terraform drops it: see literalPieces
        } else if (close == pos + 1) {
            out.addAll(quoted(""));
        } else {
            out.addAll(in.subList(pos, Math.min(close + 1, in.size())));
        }
        pos = close + 1;
    }

    private static List<FmtToken> quoted(String value) {
        List<FmtToken> q = new ArrayList<>();
        q.add(new FmtToken(TokenType.OQUOTE, "\""));
        String text = FmtStrings.escape(value);
        if (!text.isEmpty()) {
            q.add(new FmtToken(TokenType.QUOTED_LIT, text));
        }
        q.add(new FmtToken(TokenType.CQUOTE, "\""));
        return q;
    }

    /** {@code "${x}"} -> {@code x}, when the quotes hold that one interpolation and nothing else. */
    static List<FmtToken> valueExpr(List<FmtToken> expr) {
        int n = expr.size();
        if (n < 5 || !expr.get(0).is(TokenType.OQUOTE) || !expr.get(1).is(TokenType.TEMPLATE_INTERP)
                || !expr.get(n - 2).is(TokenType.TEMPLATE_SEQ_END) || !expr.get(n - 1).is(TokenType.CQUOTE)) {
            return expr;
        }
        List<FmtToken> inside = expr.subList(2, n - 2);
        int quotes = 0;
        for (FmtToken t : inside) {
            if (t.is(TokenType.OQUOTE)) {
                quotes++;
            } else if (t.is(TokenType.CQUOTE)) {
                quotes--;
            } else if (quotes == 0 && (t.is(TokenType.TEMPLATE_INTERP) || t.is(TokenType.TEMPLATE_SEQ_END)
                    || t.is(TokenType.QUOTED_LIT))) {
                return expr; // "${a}${b}" or "${a} text": a real template
            }
        }
        int from = 0;
        int to = inside.size();
        while (from < to && inside.get(from).is(TokenType.NEWLINE)) {
            from++;
        }
        while (to > from && inside.get(to - 1).is(TokenType.NEWLINE)) {
            to--;
        }
        List<FmtToken> trimmed = new ArrayList<>(inside.subList(from, to));
        boolean multiLine = trimmed.stream().skip(1).anyMatch(t -> t.is(TokenType.NEWLINE));
        boolean parenthesised = trimmed.size() > 1 && trimmed.get(0).is(TokenType.LPAREN)
                && trimmed.get(trimmed.size() - 1).is(TokenType.RPAREN);
        if (multiLine && !parenthesised) {
            trimmed.add(0, new FmtToken(TokenType.LPAREN, "("));
            trimmed.add(new FmtToken(TokenType.RPAREN, ")")); // a multi-line conditional needs them to parse
        }
        return trimmed;
    }

    private static List<FmtToken> typeExpr(List<FmtToken> expr) {
        if (expr.size() == 1 && expr.get(0).is(TokenType.IDENT)) {
            String kw = expr.get(0).text;
            if (kw.equals("list") || kw.equals("map") || kw.equals("set")) {
                return collection(kw, "any");
            }
        } else if (expr.size() == 3 && expr.get(0).is(TokenType.OQUOTE) && expr.get(1).is(TokenType.QUOTED_LIT)
                && expr.get(2).is(TokenType.CQUOTE)) {
            // Terraform 0.11 converted numbers to strings freely: string elements keep such a module working
            switch (expr.get(1).text) {
                case "string" -> {
                    return List.of(new FmtToken(TokenType.IDENT, "string"));
                }
                case "list", "map" -> {
                    return collection(expr.get(1).text, "string");
                }
                default -> { }
            }
        }
        return expr;
    }

    private static List<FmtToken> collection(String kind, String element) {
        return List.of(new FmtToken(TokenType.IDENT, kind), new FmtToken(TokenType.LPAREN, "("),
                new FmtToken(TokenType.IDENT, element), new FmtToken(TokenType.RPAREN, ")"));
    }
}

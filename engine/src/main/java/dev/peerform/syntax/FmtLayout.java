package dev.peerform.syntax;

import java.util.ArrayList;
import java.util.List;

/**
 * The whitespace of {@code terraform fmt} (hclwrite's rules), decided token by token. Each line is cut into up
 * to three cells: the lead, the assignment (from an "=" whose right-hand side closes every bracket it opens on
 * that line) and a trailing line comment. Then, in three passes: the lead's first token is indented two spaces
 * per bracket level still open; the tokens inside each cell are spaced by {@link #spaceAfter}; and the "=" of
 * consecutive lines that have an assignment cell, and the comments of consecutive lines that have a comment
 * cell, are padded into one column. Any line without such a cell (blank, comment only, opening a block or a
 * multi-line value) ends the run. Token text is never changed.
 */
final class FmtLayout {

    /** One line's cells; the lists are views on the line's tokens. */
    private static final class Line {
        List<FmtToken> lead;
        List<FmtToken> assign;
        List<FmtToken> comment;
    }

    private FmtLayout() {
    }

    /** Sets every token's spaces, then writes them out. */
    static String layout(List<FmtToken> tokens) {
        List<Line> lines = lines(tokens);
        indent(lines);
        space(lines);
        align(lines);
        StringBuilder out = new StringBuilder();
        for (FmtToken t : tokens) {
            out.append(" ".repeat(t.spacesBefore)).append(t.text);
        }
        return out.toString();
    }

    private static List<Line> lines(List<FmtToken> tokens) {
        List<Line> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).endsLine()) {
                lines.add(line(tokens.subList(start, i + 1)));
                start = i + 1;
            }
        }
        if (start < tokens.size()) {
            lines.add(line(tokens.subList(start, tokens.size())));
        }
        return lines;
    }

    private static Line line(List<FmtToken> tokens) {
        Line line = new Line();
        line.lead = tokens;
        if (tokens.size() > 1 && tokens.get(tokens.size() - 1).is(TokenType.COMMENT)) {
            line.comment = tokens.subList(tokens.size() - 1, tokens.size());
            line.lead = tokens.subList(0, tokens.size() - 1);
        }
        for (int i = 1; i < line.lead.size(); i++) {
            if (line.lead.get(i).is(TokenType.EQUAL)) {
                if (net(line.lead.subList(i, line.lead.size()), false) == 0) {
                    line.assign = line.lead.subList(i, line.lead.size());
                    line.lead = line.lead.subList(0, i);
                }
                break;
            }
        }
        return line;
    }

    /** The net bracket change of some tokens; with {@code toHeredoc}, not counting past a heredoc's opening. */
    private static int net(List<FmtToken> tokens, boolean toHeredoc) {
        int n = 0;
        for (FmtToken t : tokens) {
            n += t.bracketChange();
            if (toHeredoc && t.is(TokenType.OHEREDOC)) {
                break;
            }
        }
        return n;
    }

    /**
     * A line that opens brackets is indented at the current level and pushes one level; a line that closes
     * them pops as many levels as it closes, then is indented at what is left.
     */
    private static void indent(List<Line> lines) {
        List<Integer> levels = new ArrayList<>();
        for (Line line : lines) {
            if (line.lead.isEmpty()) {
                continue;
            }
            FmtToken first = line.lead.get(0);
            if (first.is(TokenType.NEWLINE)) {
                first.spacesBefore = 0;
                continue;
            }
            int net = net(line.lead, true) + (line.assign == null ? 0 : net(line.assign, false));
            if (net > 0) {
                first.spacesBefore = 2 * levels.size();
                levels.add(net);
                continue;
            }
            int closed = -net;
            while (closed > 0 && !levels.isEmpty()) {
                int top = levels.get(levels.size() - 1);
                if (closed >= top) {
                    closed -= top;
                    levels.remove(levels.size() - 1);
                } else {
                    levels.set(levels.size() - 1, top - closed);
                    closed = 0;
                }
            }
            first.spacesBefore = 2 * levels.size();
        }
    }

    private static void space(List<Line> lines) {
        for (Line line : lines) {
            spaceCell(line.lead);
            if (line.assign != null) {
                line.assign.get(0).spacesBefore = 1;
                spaceCell(line.assign);
            }
        }
    }

    private static void spaceCell(List<FmtToken> cell) {
        for (int i = 0; i + 1 < cell.size(); i++) {
            FmtToken before = i > 0 ? cell.get(i - 1) : null;
            cell.get(i + 1).spacesBefore = spaceAfter(cell.get(i), before, cell.get(i + 1)) ? 1 : 0;
        }
    }

    /** Whether one space separates {@code subject} from {@code after}; {@code before} is null at a cell's start. */
    static boolean spaceAfter(FmtToken subject, FmtToken before, FmtToken after) {
        TokenType s = subject.type;
        TokenType a = after.type;
        if (a == TokenType.NEWLINE) {
            return false;
        }
        if (s == TokenType.IDENT && a == TokenType.LPAREN) {
            return false; // a function's name and its parenthesis
        }
        if (s == TokenType.DOT || a == TokenType.DOT || a == TokenType.COMMA || a == TokenType.ELLIPSIS) {
            return false;
        }
        if (s == TokenType.COMMA) {
            return true;
        }
        if (s == TokenType.QUOTED_LIT || s == TokenType.HEREDOC_LIT || s == TokenType.OQUOTE
                || s == TokenType.OHEREDOC || a == TokenType.QUOTED_LIT || a == TokenType.HEREDOC_LIT
                || a == TokenType.CQUOTE || a == TokenType.CHEREDOC) {
            return false; // nothing is added inside a template's text
        }
        if (subject.is(TokenType.IDENT) && subject.text.equals("in") && before != null && before.is(TokenType.IDENT)) {
            return true; // "for x in [a]": the keyword, not an index of a variable named "in"
        }
        if (a == TokenType.LBRACK && (s == TokenType.IDENT || s == TokenType.NUMBER || subject.bracketChange() < 0)) {
            return false; // an index
        }
        if (s == TokenType.BANG) {
            return false;
        }
        if (s == TokenType.MINUS) {
            return before != null && !negationFollows(before.type); // "a - b" but "-b"
        }
        if (s == TokenType.LBRACE || a == TokenType.RBRACE) {
            return !(s == TokenType.LBRACE && a == TokenType.RBRACE); // "{ a = 1 }" and "{}"
        }
        if ((s == TokenType.TEMPLATE_INTERP || s == TokenType.TEMPLATE_CONTROL) && a == TokenType.LBRACE) {
            return true;
        }
        if (s == TokenType.RBRACE && a == TokenType.TEMPLATE_SEQ_END) {
            return true;
        }
        if (s == TokenType.TEMPLATE_SEQ_END && (a == TokenType.TEMPLATE_INTERP || a == TokenType.TEMPLATE_CONTROL)) {
            return false;
        }
        return subject.bracketChange() <= 0 && after.bracketChange() >= 0;
    }

    /** Tokens after which a minus is a negation: nothing an expression can end with. */
    private static boolean negationFollows(TokenType before) {
        return switch (before) {
            case LPAREN, LBRACE, LBRACK, EQUAL, COLON, COMMA, QUESTION, PLUS, STAR, SLASH, PERCENT, MINUS,
                    EQUAL_EQUAL, NOT_EQUAL, GREATER, GREATER_EQUAL, LESS, LESS_EQUAL, AND, OR, BANG -> true;
            default -> false;
        };
    }

    /** Pads the "=" cells, then the comment cells, of each run of consecutive lines that have one. */
    private static void align(List<Line> lines) {
        int start = -1;
        int max = 0;
        for (int i = 0; i <= lines.size(); i++) {
            Line line = i < lines.size() ? lines.get(i) : null;
            if (line == null || line.assign == null) {
                for (int k = start; start >= 0 && k < i; k++) {
                    lines.get(k).assign.get(0).spacesBefore = max - columns(lines.get(k).lead) + 1;
                }
                start = -1;
                max = 0;
            } else {
                start = start < 0 ? i : start;
                max = Math.max(max, columns(line.lead));
            }
        }
        for (int i = 0; i <= lines.size(); i++) {
            Line line = i < lines.size() ? lines.get(i) : null;
            if (line == null || line.comment == null) {
                for (int k = start; start >= 0 && k < i; k++) {
                    lines.get(k).comment.get(0).spacesBefore = max - beforeComment(lines.get(k)) + 1;
                }
                start = -1;
                max = 0;
            } else {
                start = start < 0 ? i : start;
                max = Math.max(max, beforeComment(line));
            }
        }
    }

    private static int beforeComment(Line line) {
        return columns(line.lead) + (line.assign == null ? 0 : columns(line.assign));
    }

    private static int columns(List<FmtToken> cell) {
        int n = 0;
        for (FmtToken t : cell) {
            n += t.columns();
        }
        return n;
    }
}

package dev.peerform.syntax;

import dev.peerform.diag.Diagnostics;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One token as {@code fmt} sees it: its kind, its exact source bytes, and the spaces to write before it. The
 * formatter changes only those spaces (and, for the legacy upgrades, which tokens there are), never a token's
 * text, which is how heredocs, block comments and strings keep their layout and a CRLF file keeps its line ends.
 */
final class FmtToken {

    private static final Pattern GRAPHEME = Pattern.compile("\\X");

    final TokenType type;
    final String text;
    int spacesBefore;

    FmtToken(TokenType type, String text) {
        this.type = type;
        this.text = text;
    }

    boolean is(TokenType t) {
        return type == t;
    }

    /**
     * Ends a line: a newline, or a line comment, which as in hclsyntax carries its own newline (so a comment
     * at the end of a line is the last token of that line).
     */
    boolean endsLine() {
        return type == TokenType.NEWLINE || (type == TokenType.COMMENT && text.endsWith("\n"));
    }

    /** +1 for what opens a bracket (an interpolation and a directive count), -1 for what closes one. */
    int bracketChange() {
        return switch (type) {
            case LBRACE, LBRACK, LPAREN, TEMPLATE_INTERP, TEMPLATE_CONTROL -> 1;
            case RBRACE, RBRACK, RPAREN, TEMPLATE_SEQ_END -> -1;
            default -> 0;
        };
    }

    /** Columns the token takes with its leading spaces: user-perceived characters, not bytes or chars. */
    int columns() {
        int n = 0;
        Matcher m = GRAPHEME.matcher(text);
        while (m.find()) {
            n++;
        }
        return spacesBefore + n;
    }

    /**
     * The source as fmt's tokens: the scanner's tokens with their text taken from the source itself (a heredoc's
     * closing line keeps its carriage return), a line comment joined to the newline that ends it, no EOF.
     */
    static List<FmtToken> lex(String filename, String source) {
        List<Token> tokens = new Scanner(filename, source, new Diagnostics()).scan();
        List<FmtToken> out = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.is(TokenType.EOF)) {
                break;
            }
            int from = t.range().start().offset();
            int to = t.range().end().offset();
            if (t.is(TokenType.COMMENT) && !t.text().startsWith("/*") && i + 1 < tokens.size()
                    && tokens.get(i + 1).is(TokenType.NEWLINE)) {
                to = tokens.get(++i).range().end().offset();
            }
            out.add(new FmtToken(t.type(), source.substring(from, to)));
        }
        return out;
    }

    @Override
    public String toString() {
        return type + " " + text;
    }
}

package dev.peerform.syntax;

import dev.peerform.diag.SourceRange;

/** One token: its kind, its exact source text, and where it stands. */
record Token(TokenType type, String text, SourceRange range) {

    boolean is(TokenType t) {
        return type == t;
    }

    boolean isKeyword(String word) {
        return type == TokenType.IDENT && text.equals(word);
    }

    /** The token as a diagnostic quotes it. */
    String describe() {
        return switch (type) {
            case IDENT -> "identifier \"" + text + "\"";
            case NUMBER -> "number " + text;
            case NEWLINE, EOF, QUOTED_LIT, HEREDOC_LIT, COMMENT, INVALID -> type.display();
            default -> "\"" + text.strip() + "\"";
        };
    }
}

package dev.peerform.syntax;

import java.util.ArrayList;
import java.util.List;

/** Tuple and object constructors, and the for expressions written inside their brackets. */
final class CollectionParser {

    private final TokenCursor tokens;
    private final ExpressionParser expressions;

    CollectionParser(TokenCursor tokens, ExpressionParser expressions) {
        this.tokens = tokens;
        this.expressions = expressions;
    }

    Expr tupleOrFor() {
        Token open = tokens.next();
        tokens.pushNewlines(true);
        try {
            if (tokens.peek().isKeyword("for") && tokens.peekAt(1).is(TokenType.IDENT)) {
                return forExpr(open, false);
            }
            List<Expr> elements = new ArrayList<>();
            while (!tokens.peek().is(TokenType.RBRACK)) {
                if (tokens.peek().is(TokenType.EOF)) {
                    tokens.error("Unterminated tuple constructor expression", "There is no corresponding closing "
                            + "bracket before the end of the file. This may be caused by incorrect bracket nesting "
                            + "elsewhere in this file.", open.range());
                }
                elements.add(expressions.expression());
                if (tokens.peek().is(TokenType.COMMA)) {
                    tokens.next();
                } else if (tokens.peek().is(TokenType.EOF)) {
                    continue; // reported as an unterminated tuple above
                } else if (!tokens.peek().is(TokenType.RBRACK)) {
                    tokens.error("Missing item separator", "Expected a comma to mark the beginning of the next "
                            + "item, or "
                            + "\"]\" to close the list opened at " + open.range() + ".", tokens.peek().range());
                }
            }
            Token close = tokens.next();
            return new Expr.TupleCons(elements, open.range().to(close.range()));
        } finally {
            tokens.popNewlines();
        }
    }

    Expr objectOrFor() {
        Token open = tokens.next();
        if (tokens.peekIgnoringNewlines().isKeyword("for") && tokens.peekAtIgnoringNewlines(1).is(TokenType.IDENT)) {
            tokens.pushNewlines(true);
            try {
                return forExpr(open, true);
            } finally {
                tokens.popNewlines();
            }
        }
        tokens.pushNewlines(false);
        try {
            List<Expr.ObjectItem> items = new ArrayList<>();
            while (true) {
                while (tokens.peek().is(TokenType.NEWLINE)) {
                    tokens.next();
                }
                if (tokens.peek().is(TokenType.RBRACE)) {
                    break;
                }
                if (tokens.peek().is(TokenType.EOF)) {
                    tokens.error("Unterminated object constructor expression", "There is no corresponding closing "
                            + "brace before the end of the file. This may be caused by incorrect brace nesting "
                            + "elsewhere in this file.", open.range());
                }
                tokens.pushNewlines(true);
                Expr key;
                try {
                    key = expressions.expression();
                } finally {
                    tokens.popNewlines();
                }
                Token sep = tokens.peek();
                if (!sep.is(TokenType.EQUAL) && !sep.is(TokenType.COLON)) {
                    tokens.error("Missing key/value separator", "Expected an equals sign (\"=\") to mark the "
                            + "beginning of "
                            + "the attribute value.", sep.range());
                }
                tokens.next();
                tokens.pushNewlines(true);
                Expr value;
                try {
                    value = expressions.expression();
                } finally {
                    tokens.popNewlines();
                }
                boolean bare = key instanceof Expr.ScopeTraversal s && s.steps().isEmpty();
                items.add(new Expr.ObjectItem(key, value, bare));
                Token after = tokens.peek();
                if (after.is(TokenType.COMMA) || after.is(TokenType.NEWLINE)) {
                    tokens.next();
                } else if (!after.is(TokenType.RBRACE) && !after.is(TokenType.EOF)) {
                    tokens.error("Missing attribute separator", "Expected a newline or comma to mark the beginning of "
                            + "the next attribute.", after.range());
                }
            }
            Token close = tokens.next();
            return new Expr.ObjectCons(items, open.range().to(close.range()));
        } finally {
            tokens.popNewlines();
        }
    }

    private Expr forExpr(Token open, boolean object) {
        tokens.next(); // "for"
        Token first = tokens.expect(TokenType.IDENT, "Invalid 'for' expression",
                "For expression requires a variable name after 'for'.");
        String keyVar = null;
        String valueVar = first.text();
        if (tokens.peek().is(TokenType.COMMA)) {
            tokens.next();
            Token second = tokens.expect(TokenType.IDENT, "Invalid 'for' expression",
                    "For expression requires a value variable name after the comma.");
            keyVar = first.text();
            valueVar = second.text();
        }
        if (!tokens.peek().isKeyword("in")) {
            tokens.error("Invalid 'for' expression", "For expression requires the 'in' keyword after its names.",
                    tokens.peek().range());
        }
        tokens.next();
        Expr collection = expressions.expression();
        tokens.expect(TokenType.COLON, "Invalid 'for' expression", "For expression requires a colon after the "
                + "collection "
                + "expression.");
        Expr key = null;
        Expr value;
        boolean grouping = false;
        if (object) {
            key = expressions.expression();
            tokens.expect(TokenType.FAT_ARROW, "Invalid 'for' expression", "Key expression is required when "
                    + "building an "
                    + "object: write key => value.");
            value = expressions.expression();
            if (tokens.peek().is(TokenType.ELLIPSIS)) {
                tokens.next();
                grouping = true;
            }
        } else {
            value = expressions.expression();
        }
        Expr condition = null;
        if (tokens.peek().isKeyword("if")) {
            tokens.next();
            condition = expressions.expression();
        }
        TokenType closing = object ? TokenType.RBRACE : TokenType.RBRACK;
        Token close = tokens.expect(closing, "Invalid 'for' expression", "Extra characters after the end of the 'for' "
                + "expression; expected \"" + closing.display() + "\".");
        return new Expr.For(keyVar, valueVar, collection, key, value, condition, grouping,
                open.range().to(close.range()));
    }
}

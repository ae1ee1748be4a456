package dev.peerform.syntax;

import dev.peerform.diag.Diagnostics;
import dev.peerform.diag.SourceRange;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The parsers' position in the token list, with the one piece of context the grammar needs: whether newlines
 * are insignificant here (inside parentheses, brackets and interpolations). Also bounds how deeply the parsers
 * may nest, so that hostile input gets a diagnostic instead of exhausting the stack.
 */
final class TokenCursor {

    /**
     * How deeply brackets, parentheses, braces, blocks, templates and operator chains may nest. Hand-written and
     * generated configurations stay below a few dozen; the bound leaves the stack room for the evaluator and the
     * walkers that follow the same tree.
     */
    static final int MAX_NESTING = 128;

    /** Thrown to unwind to the nearest statement after a diagnostic has been recorded. */
    static final class Bail extends RuntimeException {
        Bail() {
            super(null, null, false, false);
        }
    }

    private final List<Token> tokens;
    private final Diagnostics diags;
    private final Deque<Boolean> ignoreNewlines = new ArrayDeque<>();
    private int p;
    private int depth;
    /** Set when the nesting bound refused a level: recovery must count the statement's brackets from its start. */
    private boolean refusedNesting;

    TokenCursor(List<Token> scanned, Diagnostics diags) {
        List<Token> kept = new ArrayList<>(scanned.size());
        for (Token t : scanned) {
            if (t.type() != TokenType.COMMENT) {
                kept.add(t);
            }
        }
        this.tokens = kept;
        this.diags = diags;
        ignoreNewlines.push(false);
    }

    Diagnostics diags() {
        return diags;
    }

    int position() {
        return p;
    }

    void skipOne() {
        p++;
    }

    Token at(int index) {
        return tokens.get(index);
    }

    Token first() {
        return tokens.get(0);
    }

    Token last() {
        return tokens.get(tokens.size() - 1);
    }

    /** The raw token at the position, newline or not. */
    Token current() {
        return tokens.get(p);
    }

    Token previous() {
        return tokens.get(p - 1);
    }

    Token previousOrFirst() {
        return tokens.get(Math.max(0, p - 1));
    }

    void pushNewlines(boolean ignored) {
        ignoreNewlines.push(ignored);
    }

    void popNewlines() {
        ignoreNewlines.pop();
    }

    /** How many newline contexts are open, for {@link #skipStatement} to return to. */
    int newlineContexts() {
        return ignoreNewlines.size();
    }

    /** Index of the next significant token at or after i; newlines are skipped only where they are ignored. */
    private int significant(int i) {
        if (ignoreNewlines.peek()) {
            while (tokens.get(i).is(TokenType.NEWLINE)) {
                i++;
            }
        }
        return i;
    }

    Token peek() {
        return tokens.get(significant(p));
    }

    Token peekAt(int ahead) {
        int i = significant(p);
        for (int n = 0; n < ahead && i < tokens.size() - 1; n++) {
            i = significant(i + 1);
        }
        return tokens.get(i);
    }

    Token peekIgnoringNewlines() {
        return peekAtIgnoringNewlines(0);
    }

    Token peekAtIgnoringNewlines(int ahead) {
        ignoreNewlines.push(true);
        try {
            return peekAt(ahead);
        } finally {
            ignoreNewlines.pop();
        }
    }

    Token next() {
        int i = significant(p);
        Token t = tokens.get(i);
        p = t.is(TokenType.EOF) ? i : i + 1;
        return t;
    }

    Token expect(TokenType type, String summary, String detail) {
        Token t = peek();
        if (!t.is(type)) {
            error(summary, detail + " Found " + t.describe() + ".", t.range());
        }
        return next();
    }

    void error(String summary, String detail, SourceRange range) {
        diags.error(summary, detail, range);
        throw new Bail();
    }

    /** One level deeper, at {@code where}; refused past {@link #MAX_NESTING}. Pair with {@link #leave()}. */
    void enter(SourceRange where) {
        if (depth >= MAX_NESTING) {
            refusedNesting = true;
            error("Too deeply nested", "This expression or block is nested more than " + MAX_NESTING
                    + " levels deep. Split it into local values or smaller expressions.", where);
        }
        depth++;
    }

    void leave() {
        depth--;
    }

    /**
     * Skips to the end of the broken statement that began at {@code start}: the next newline outside any
     * brackets, or a closing brace. Counting starts where the error was, so that a statement with a bracket left
     * open loses only its own line; after a refused nesting level it starts at the statement's beginning, so
     * that the many closing brackets of the deep statement are not taken for stray ones.
     */
    void skipStatement(int start, int newlines) {
        while (ignoreNewlines.size() > newlines) {
            ignoreNewlines.pop(); // what the bail unwound through may not have restored its context
        }
        if (refusedNesting) {
            p = start;
            refusedNesting = false;
        }
        int open = 0;
        while (true) {
            Token t = tokens.get(p);
            switch (t.type()) {
                case EOF -> {
                    return;
                }
                case NEWLINE -> {
                    if (open <= 0) {
                        p++;
                        return;
                    }
                }
                case LBRACE, LBRACK, LPAREN, OQUOTE, OHEREDOC, TEMPLATE_INTERP, TEMPLATE_CONTROL -> open++;
                case RBRACE -> {
                    if (open <= 0) {
                        return;
                    }
                    open--;
                }
                case RBRACK, RPAREN, CQUOTE, CHEREDOC, TEMPLATE_SEQ_END -> open--;
                default -> { }
            }
            p++;
        }
    }
}

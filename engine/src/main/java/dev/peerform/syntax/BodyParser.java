package dev.peerform.syntax;

import dev.peerform.diag.SourceRange;
import dev.peerform.syntax.TokenCursor.Bail;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Bodies: arguments and blocks, one statement a line. A syntax error inside a statement is reported once and
 * parsing resumes at the next line, so one run reports every independent mistake in a file.
 */
final class BodyParser {

    private final TokenCursor tokens;
    private final ExpressionParser expressions;
    private final TemplateParser templates;

    BodyParser(TokenCursor tokens) {
        this.tokens = tokens;
        this.expressions = new ExpressionParser(tokens);
        this.templates = expressions.templates();
    }


    Body body(boolean topLevel) {
        List<Attribute> attributes = new ArrayList<>();
        List<Block> blocks = new ArrayList<>();
        Map<String, Attribute> seen = new HashMap<>();
        Token first = tokens.peek();
        while (true) {
            Token t = tokens.peek();
            if (t.is(TokenType.NEWLINE)) {
                tokens.next();
                continue;
            }
            if (t.is(TokenType.EOF) || (!topLevel && t.is(TokenType.RBRACE))) {
                break;
            }
            int start = tokens.position();
            int newlines = tokens.newlineContexts();
            try {
                if (!t.is(TokenType.IDENT)) {
                    tokens.error("Argument or block definition required",
                            "An argument or block definition is required here."
                                    + (t.is(TokenType.RBRACE) ? " This closing brace has no block to close." : ""),
                            t.range());
                }
                Token name = tokens.next();
                if (tokens.peek().is(TokenType.EQUAL)) {
                    tokens.next();
                    Attribute a = attributeRest(name);
                    Attribute before = seen.putIfAbsent(a.name(), a);
                    if (before != null) {
                        tokens.diags().error("Attribute redefined", "The argument \"" + a.name() + "\" was "
                                + "already set at "
                                + before.nameRange() + ". Each argument may be set only once.", a.nameRange());
                    } else {
                        attributes.add(a);
                    }
                    endOfStatement("argument");
                } else {
                    blocks.add(blockRest(name));
                }
            } catch (Bail b) {
                tokens.skipStatement(start, newlines);
                if (tokens.position() == start) {
                    tokens.skipOne(); // a stray closing brace: step over it, or recovery would never move on
                }
            }
        }
        SourceRange range = first.range().to(tokens.previousOrFirst().range());
        return new Body(attributes, blocks, range);
    }

    private Attribute attributeRest(Token name) {
        Expr value = expressions.expression();
        return new Attribute(name.text(), value, name.range(), name.range().to(value.range()));
    }

    private Block blockRest(Token type) {
        List<String> labels = new ArrayList<>();
        List<SourceRange> labelRanges = new ArrayList<>();
        while (!tokens.peek().is(TokenType.LBRACE)) {
            Token t = tokens.peek();
            if (t.is(TokenType.IDENT)) {
                tokens.next();
                labels.add(t.text());
                labelRanges.add(t.range());
            } else if (t.is(TokenType.OQUOTE)) {
                Expr.Template label = (Expr.Template) templates.quoted();
                String text = label.literalText();
                if (text == null) {
                    tokens.error("Invalid block label", "Template sequences are not allowed in block labels: write the "
                            + "label as plain text.", label.range());
                }
                labels.add(text);
                labelRanges.add(label.range());
            } else {
                tokens.error(t.is(TokenType.EQUAL) ? "Invalid argument" : "Invalid block definition",
                        "Either a quoted string block label or an opening brace (\"{\") is expected here, after \""
                                + type.text() + "\". Found " + t.describe() + ".", t.range());
            }
        }
        Token open = tokens.next();
        Body body;
        tokens.enter(open.range());
        try {
            if (tokens.peek().is(TokenType.NEWLINE) || tokens.peek().is(TokenType.RBRACE)) {
                body = body(false);
            } else {
                body = oneLineBody(open);
            }
        } finally {
            tokens.leave();
        }
        Token close = tokens.peek();
        if (!close.is(TokenType.RBRACE)) {
            tokens.diags().error("Unclosed configuration block", "There is no closing brace for this block "
                    + "before the end "
                    + "of the file. This may be caused by incorrect brace nesting elsewhere in this file.",
                    open.range());
            throw new Bail();
        }
        tokens.next();
        Block block = new Block(type.text(), labels, labelRanges, body, type.range(), type.range().to(close.range()));
        endOfStatement("block definition");
        return block;
    }

    /** {@code block { name = value }} on one line: at most one argument, no nested blocks. */
    private Body oneLineBody(Token open) {
        Token name = tokens.peek();
        if (!name.is(TokenType.IDENT)) {
            tokens.error("Invalid single-argument block definition",
                    "A single-line block definition must contain a single argument definition.", name.range());
        }
        tokens.next();
        if (!tokens.peek().is(TokenType.EQUAL)) {
            tokens.error("Invalid single-argument block definition", "A single-line block definition can contain "
                    + "only a "
                    + "single argument. To define nested blocks, use a block over several "
                    + "lines.", tokens.peek().range());
        }
        tokens.next();
        Attribute a = attributeRest(name);
        if (!tokens.peek().is(TokenType.RBRACE)) {
            tokens.error("Invalid single-argument block definition", "A single-line block definition can contain "
                    + "only a "
                    + "single argument. To define several, put each on its own line.", tokens.peek().range());
        }
        return new Body(List.of(a), List.of(), open.range().to(a.range()));
    }

    private void endOfStatement(String what) {
        Token t = tokens.peek();
        if (!(t.is(TokenType.NEWLINE) || t.is(TokenType.EOF) || t.is(TokenType.RBRACE))) {
            tokens.error("Missing newline after " + what,
                    "An " + what + " must end with a newline. Found " + t.describe() + ".", t.range());
        }
        if (t.is(TokenType.NEWLINE)) {
            tokens.next();
        }
    }
}

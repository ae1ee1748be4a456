package dev.peerform.syntax;

import dev.peerform.diag.SourceRange;
import dev.peerform.syntax.Expr.TemplatePart;
import dev.peerform.syntax.TokenCursor.Bail;
import dev.peerform.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Templates: quoted strings, heredocs and whole template files, with their interpolations, {@code %{if}} and
 * {@code %{for}} directives and the {@code ~} strip markers.
 */
final class TemplateParser {

    private final TokenCursor tokens;
    private final ExpressionParser expressions;
    /** Set by a closing {@code ~}: the next literal loses its leading whitespace. */
    private boolean stripNextText;

    TemplateParser(TokenCursor tokens, ExpressionParser expressions) {
        this.tokens = tokens;
        this.expressions = expressions;
    }

    /** A whole text as one template, up to the end of the file. */
    Expr file() {
        Token first = tokens.first();
        try {
            TemplateBody body = parts(TokenType.EOF, null, Map.of());
            return new Expr.Template(body.parts, first.range().to(tokens.last().range()));
        } catch (Bail b) {
            return new Expr.Literal(Value.DYNAMIC_UNKNOWN, first.range());
        }
    }

    Expr quoted() {
        return delimited(TokenType.CQUOTE, Map.of());
    }

    Expr heredoc() {
        boolean indented = tokens.peek().text().startsWith("<<-");
        Token open = tokens.next();
        return delimited(TokenType.CHEREDOC, indented ? HeredocIndent.of(tokens) : Map.of(), open);
    }

    private Expr delimited(TokenType end, Map<Integer, Integer> strip) {
        return delimited(end, strip, tokens.next());
    }

    private Expr delimited(TokenType end, Map<Integer, Integer> strip, Token open) {
        tokens.pushNewlines(false);
        try {
            TemplateBody body = parts(end, null, strip);
            return new Expr.Template(body.parts, open.range().to(tokens.previous().range()));
        } finally {
            tokens.popNewlines();
        }
    }

    private record TemplateBody(List<TemplatePart> parts, String terminator, Token terminatorToken) {
    }

    /**
     * Parses template parts up to {@code end}, or up to one of the directives in {@code stopAt} (else, endif,
     * endfor) when inside a directive's body; returns the parts and what stopped them.
     */
    private TemplateBody parts(TokenType end, List<String> stopAt, Map<Integer, Integer> indentStrip) {
        List<TemplatePart> parts = new ArrayList<>();
        while (true) {
            int index = tokens.position();
            Token t = tokens.current();
            if (t.is(end)) {
                tokens.skipOne();
                if (stopAt != null) {
                    tokens.diags().error("Unterminated template directive", "The template ends before this "
                            + "directive is closed: add %{ " + stopAt.get(stopAt.size() - 1) + " }.", t.range());
                    throw new Bail();
                }
                return new TemplateBody(parts, null, t);
            }
            switch (t.type()) {
                case QUOTED_LIT -> {
                    tokens.skipOne();
                    addText(parts, StringLiterals.decodeQuoted(t, tokens.diags()), t.range());
                }
                case HEREDOC_LIT -> {
                    tokens.skipOne();
                    String text = t.text();
                    Integer cut = indentStrip.get(index);
                    if (cut != null) {
                        text = text.substring(cut);
                    }
                    addText(parts, StringLiterals.unescapeSequences(text), t.range());
                }
                case TEMPLATE_INTERP -> {
                    tokens.skipOne();
                    stripPrevious(parts, t);
                    Expr e = directiveExpression();
                    Token close = closeSequence("Extra characters in interpolation",
                            "Expected a closing brace to end the interpolation expression.");
                    parts.add(new TemplatePart.Interpolation(e, t.range().to(close.range())));
                }
                case TEMPLATE_CONTROL -> {
                    tokens.skipOne();
                    stripPrevious(parts, t);
                    Token keyword = tokens.peek();
                    String word = keyword.is(TokenType.IDENT) ? keyword.text() : "";
                    if (stopAt != null && stopAt.contains(word)) {
                        tokens.next();
                        closeSequence("Invalid template directive", "Expected the end of the %{" + word
                                + "} directive.");
                        return new TemplateBody(parts, word, keyword);
                    }
                    switch (word) {
                        case "if" -> parts.add(nested(t, () -> ifDirective(t, end, indentStrip)));
                        case "for" -> parts.add(nested(t, () -> forDirective(t, end, indentStrip)));
                        default -> tokens.error("Invalid template directive", "A template directive keyword "
                                + "(\"if\", \"for\", etc) is expected at the beginning of a %{ sequence; found "
                                + keyword.describe() + ".", keyword.range());
                    }
                }
                case EOF -> throw new Bail(); // the scanner has already reported the unterminated template
                default -> tokens.error("Invalid template", "Unexpected " + t.describe() + " in template.",
                        t.range());
            }
        }
    }

    private interface Directive {
        TemplatePart parse();
    }

    /** A directive nests its body: one level of the parsers' bound. */
    private TemplatePart nested(Token open, Directive directive) {
        tokens.enter(open.range());
        try {
            return directive.parse();
        } finally {
            tokens.leave();
        }
    }

    /** The expression of an interpolation or directive, where newlines do not matter. */
    private Expr directiveExpression() {
        tokens.pushNewlines(true);
        try {
            return expressions.expression();
        } finally {
            tokens.popNewlines();
        }
    }

    /** The closing brace of a sequence; a {@code ~} there strips the text after it. */
    private Token closeSequence(String summary, String detail) {
        Token close = tokens.expect(TokenType.TEMPLATE_SEQ_END, summary, detail);
        stripNextText = close.text().startsWith("~");
        return close;
    }

    private TemplatePart ifDirective(Token open, TokenType end, Map<Integer, Integer> indentStrip) {
        tokens.next(); // if
        Expr condition = directiveExpression();
        closeSequence("Invalid template directive", "Expected the end of the %{if} directive.");
        TemplateBody whenTrue = parts(end, List.of("else", "endif"), indentStrip);
        List<TemplatePart> whenFalse = List.of();
        TemplateBody last = whenTrue;
        if ("else".equals(whenTrue.terminator)) {
            last = parts(end, List.of("endif"), indentStrip);
            whenFalse = last.parts;
        }
        return new TemplatePart.If(condition, whenTrue.parts, whenFalse, open.range().to(last.terminatorToken.range()));
    }

    private TemplatePart forDirective(Token open, TokenType end, Map<Integer, Integer> indentStrip) {
        tokens.next(); // for
        tokens.pushNewlines(true);
        String keyVar = null;
        String valueVar;
        Expr collection;
        try {
            Token first = tokens.expect(TokenType.IDENT, "Invalid template directive",
                    "A variable name is required after 'for'.");
            valueVar = first.text();
            if (tokens.peek().is(TokenType.COMMA)) {
                tokens.next();
                keyVar = valueVar;
                valueVar = tokens.expect(TokenType.IDENT, "Invalid template directive",
                        "A value variable name is required after the comma.").text();
            }
            if (!tokens.peek().isKeyword("in")) {
                tokens.error("Invalid template directive", "The 'in' keyword is required after the names in "
                        + "%{for}.", tokens.peek().range());
            }
            tokens.next();
            collection = expressions.expression();
        } finally {
            tokens.popNewlines();
        }
        closeSequence("Invalid template directive", "Expected the end of the %{for} directive.");
        TemplateBody body = parts(end, List.of("endfor"), indentStrip);
        return new TemplatePart.For(keyVar, valueVar, collection, body.parts,
                open.range().to(body.terminatorToken.range()));
    }

    private void addText(List<TemplatePart> parts, String text, SourceRange range) {
        if (stripNextText) {
            text = text.stripLeading();
            stripNextText = false;
        }
        // one part per literal token: a strip marker acts on the adjacent token only, as in hclsyntax
        parts.add(new TemplatePart.Text(text, range));
    }

    /** {@code ${~} and {@code %{~} strip the whitespace before them. */
    private void stripPrevious(List<TemplatePart> parts, Token opener) {
        stripNextText = false;
        if (opener.text().endsWith("~") && !parts.isEmpty()
                && parts.get(parts.size() - 1) instanceof TemplatePart.Text prev) {
            parts.set(parts.size() - 1, new TemplatePart.Text(prev.text().stripTrailing(), prev.range()));
        }
    }
}

package dev.peerform.syntax;

import dev.peerform.diag.SourceRange;
import dev.peerform.value.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Expressions, one method per rule of the hclsyntax grammar: conditional, binary operators by precedence level,
 * unary, primary terms with their postfix traversals and splats, function calls, tuple and object constructors
 * and for expressions. Templates are parsed by {@link TemplateParser}, tuple and object constructors and for
 * expressions by {@link CollectionParser}; both call back here for the expressions inside them.
 */
final class ExpressionParser {

    private static final TokenType[][] BINARY_LEVELS = {
        {TokenType.OR},
        {TokenType.AND},
        {TokenType.EQUAL_EQUAL, TokenType.NOT_EQUAL},
        {TokenType.LESS, TokenType.LESS_EQUAL, TokenType.GREATER, TokenType.GREATER_EQUAL},
        {TokenType.PLUS, TokenType.MINUS},
        {TokenType.STAR, TokenType.SLASH, TokenType.PERCENT},
    };

    private final TokenCursor tokens;
    private final TemplateParser templates;
    private final CollectionParser collections;

    ExpressionParser(TokenCursor tokens) {
        this.tokens = tokens;
        this.templates = new TemplateParser(tokens, this);
        this.collections = new CollectionParser(tokens, this);
    }

    TemplateParser templates() {
        return templates;
    }


    /** expression = conditional; each one is a level of nesting (brackets, parentheses, arguments all recurse here). */
    Expr expression() {
        tokens.enter(tokens.peek().range());
        try {
            return conditional();
        } finally {
            tokens.leave();
        }
    }

    private Expr conditional() {
        Expr condition = binary(0);
        if (!tokens.peek().is(TokenType.QUESTION)) {
            return condition;
        }
        tokens.next();
        Expr whenTrue = expression();
        tokens.expect(TokenType.COLON, "Missing false expression in conditional",
                "The conditional operator (...?...:...) requires a false expression, delimited by a colon.");
        Expr whenFalse = expression();
        return new Expr.Conditional(condition, whenTrue, whenFalse, condition.range().to(whenFalse.range()));
    }

    private Expr binary(int level) {
        if (level == BINARY_LEVELS.length) {
            return unary();
        }
        Expr left = binary(level + 1);
        // a chain builds a tree as deep as it is long, which the evaluator and the walkers recurse into
        int chain = 0;
        try {
            while (true) {
                Expr.Operator op = binaryOperator(tokens.peek(), BINARY_LEVELS[level]);
                if (op == null) {
                    return left;
                }
                tokens.enter(tokens.peek().range());
                chain++;
                tokens.next();
                Expr right = binary(level + 1);
                left = new Expr.Binary(op, left, right, left.range().to(right.range()));
            }
        } finally {
            for (; chain > 0; chain--) {
                tokens.leave();
            }
        }
    }

    private static Expr.Operator binaryOperator(Token t, TokenType[] candidates) {
        for (TokenType c : candidates) {
            if (t.is(c)) {
                return switch (c) {
                    case OR -> Expr.Operator.OR;
                    case AND -> Expr.Operator.AND;
                    case EQUAL_EQUAL -> Expr.Operator.EQUAL;
                    case NOT_EQUAL -> Expr.Operator.NOT_EQUAL;
                    case LESS -> Expr.Operator.LESS;
                    case LESS_EQUAL -> Expr.Operator.LESS_EQUAL;
                    case GREATER -> Expr.Operator.GREATER;
                    case GREATER_EQUAL -> Expr.Operator.GREATER_EQUAL;
                    case PLUS -> Expr.Operator.ADD;
                    case MINUS -> Expr.Operator.SUBTRACT;
                    case STAR -> Expr.Operator.MULTIPLY;
                    case SLASH -> Expr.Operator.DIVIDE;
                    case PERCENT -> Expr.Operator.MODULO;
                    default -> throw new IllegalStateException(c.name());
                };
            }
        }
        return null;
    }

    private Expr unary() {
        Token t = tokens.peek();
        if (t.is(TokenType.BANG) || t.is(TokenType.MINUS)) {
            tokens.next();
            tokens.enter(t.range());
            Expr operand;
            try {
                operand = unary();
            } finally {
                tokens.leave();
            }
            return new Expr.Unary(t.is(TokenType.BANG) ? Expr.Operator.NOT : Expr.Operator.NEGATE, operand,
                    t.range().to(operand.range()));
        }
        return postfix(primary());
    }

    private Expr primary() {
        Token t = tokens.peek();
        switch (t.type()) {
            case NUMBER -> {
                tokens.next();
                return new Expr.Literal(Value.of(new BigDecimal(t.text())), t.range());
            }
            case IDENT -> {
                tokens.next();
                switch (t.text()) {
                    case "true" -> {
                        return new Expr.Literal(Value.TRUE, t.range());
                    }
                    case "false" -> {
                        return new Expr.Literal(Value.FALSE, t.range());
                    }
                    case "null" -> {
                        return new Expr.Literal(Value.NULL, t.range());
                    }
                    default -> {
                        if (tokens.peek().is(TokenType.LPAREN)) {
                            return functionCall(t);
                        }
                        return new Expr.ScopeTraversal(t.text(), List.of(), t.range());
                    }
                }
            }
            case OQUOTE -> {
                return templates.quoted();
            }
            case OHEREDOC -> {
                return templates.heredoc();
            }
            case LPAREN -> {
                tokens.next();
                Enclosed inner = enclosed(TokenType.RPAREN, "Unbalanced parentheses",
                        "Expected a closing parenthesis to terminate the expression.");
                return new Expr.Parens(inner.expr(), t.range().to(inner.close().range()));
            }
            case LBRACK -> {
                return collections.tupleOrFor();
            }
            case LBRACE -> {
                return collections.objectOrFor();
            }
            default -> {
                if (t.is(TokenType.EOF)) {
                    tokens.error("Missing expression", "Expected the start of an expression, but found the end of the "
                            + "file.", t.range());
                }
                tokens.error("Invalid expression", "Expected the start of an expression, but found "
                        + "" + t.describe() + ".",
                        t.range());
                return null; // unreachable: tokens.error() throws
            }
        }
    }

    /** Traversals of a reference stay one flat list; on any other value each step nests one level deeper. */
    private Expr postfix(Expr e) {
        int chain = 0;
        try {
            while (true) {
                Token t = tokens.peek();
                if (!(e instanceof Expr.ScopeTraversal) && (t.is(TokenType.DOT) || t.is(TokenType.LBRACK))) {
                    tokens.enter(t.range());
                    chain++;
                }
                if (t.is(TokenType.DOT)) {
                    tokens.next();
                    Token name = tokens.peek();
                    if (name.is(TokenType.IDENT)) {
                        tokens.next();
                        e = attr(e, name.text(), name.range());
                    } else if (name.is(TokenType.NUMBER)) {
                        tokens.next();
                        e = legacyIndex(e, name);
                    } else if (name.is(TokenType.STAR)) {
                        tokens.next();
                        e = attrSplat(e, name);
                    } else {
                        tokens.error("Invalid attribute name", "An attribute name is required after a dot.",
                                name.range());
                    }
                } else if (t.is(TokenType.LBRACK)) {
                    if (tokens.peekAt(1).is(TokenType.STAR) && tokens.peekAt(2).is(TokenType.RBRACK)) {
                        tokens.next();
                        tokens.next();
                        Token close = tokens.next();
                        e = fullSplat(e, close);
                    } else {
                        tokens.next();
                        Enclosed key = indexKey();
                        e = index(e, key.expr(), t.range().to(key.close().range()));
                    }
                } else {
                    return e;
                }
            }
        } finally {
            for (; chain > 0; chain--) {
                tokens.leave();
            }
        }
    }

    /** An expression inside brackets or parentheses, with the token that closed it. */
    private record Enclosed(Expr expr, Token close) {
    }

    /** After an opener: an expression where newlines do not matter, then the closer. */
    private Enclosed enclosed(TokenType closer, String summary, String detail) {
        tokens.pushNewlines(true);
        Expr inner = expression();
        Token close = tokens.expect(closer, summary, detail);
        tokens.popNewlines();
        return new Enclosed(inner, close);
    }

    private Enclosed indexKey() {
        return enclosed(TokenType.RBRACK, "Missing close bracket on index",
                "The index operator must end with a closing bracket (\"]\").");
    }

    private static Expr attr(Expr e, String name, SourceRange nameRange) {
        if (e instanceof Expr.ScopeTraversal s) {
            List<Expr.Step> steps = new ArrayList<>(s.steps());
            steps.add(new Expr.AttrStep(name, nameRange));
            return new Expr.ScopeTraversal(s.root(), steps, s.range().to(nameRange));
        }
        return new Expr.GetAttr(e, name, e.range().to(nameRange));
    }

    private static Expr index(Expr e, Expr key, SourceRange bracketRange) {
        Value literal = literalKey(key);
        if (e instanceof Expr.ScopeTraversal s && literal != null) {
            List<Expr.Step> steps = new ArrayList<>(s.steps());
            steps.add(new Expr.IndexStep(literal, bracketRange));
            return new Expr.ScopeTraversal(s.root(), steps, s.range().to(bracketRange));
        }
        return new Expr.Index(e, key, e.range().to(bracketRange));
    }

    private static Value literalKey(Expr key) {
        if (key instanceof Expr.Literal l && !l.value().isNull()) {
            return l.value();
        }
        if (key instanceof Expr.Template t && t.literalText() != null) {
            return Value.of(t.literalText());
        }
        return null;
    }

    /** {@code a.0} and {@code a.0.1} (scanned as the number "0.1"): Terraform 0.11's index syntax. */
    private Expr legacyIndex(Expr e, Token number) {
        for (String part : number.text().split("\\.")) {
            if (!part.chars().allMatch(Character::isDigit)) {
                tokens.error("Invalid legacy index", "A legacy index (.0) must be a whole number.", number.range());
            }
            e = index(e, new Expr.Literal(Value.of(new BigDecimal(part)), number.range()), number.range());
        }
        return e;
    }

    /** {@code source.*.a.b}: only attribute steps continue the splat. */
    private Expr attrSplat(Expr source, Token star) {
        List<Expr.SplatStep> each = new ArrayList<>();
        SourceRange end = star.range();
        while (tokens.peek().is(TokenType.DOT) && tokens.peekAt(1).is(TokenType.IDENT)) {
            tokens.next();
            Token name = tokens.next();
            each.add(new Expr.SplatAttr(name.text(), name.range()));
            end = name.range();
        }
        return new Expr.Splat(source, each, source.range().to(end));
    }

    /** {@code source[*].a[0].b}: attribute and index steps continue the splat. */
    private Expr fullSplat(Expr source, Token close) {
        List<Expr.SplatStep> each = new ArrayList<>();
        SourceRange end = close.range();
        while (true) {
            if (tokens.peek().is(TokenType.DOT) && tokens.peekAt(1).is(TokenType.IDENT)) {
                tokens.next();
                Token name = tokens.next();
                each.add(new Expr.SplatAttr(name.text(), name.range()));
                end = name.range();
            } else if (tokens.peek().is(TokenType.LBRACK) && !tokens.peekAt(1).is(TokenType.STAR)) {
                Token open = tokens.next();
                Enclosed key = indexKey();
                each.add(new Expr.SplatIndex(key.expr(), open.range().to(key.close().range())));
                end = key.close().range();
            } else {
                return new Expr.Splat(source, each, source.range().to(end));
            }
        }
    }

    private Expr functionCall(Token name) {
        Token open = tokens.next();
        tokens.pushNewlines(true);
        List<Expr> args = new ArrayList<>();
        boolean expand = false;
        while (!tokens.peek().is(TokenType.RPAREN)) {
            if (tokens.peek().is(TokenType.EOF)) {
                tokens.error("Unterminated function call", "There is no closing parenthesis for this function call "
                        + "before the end of the file.", open.range());
            }
            args.add(expression());
            if (tokens.peek().is(TokenType.ELLIPSIS)) {
                tokens.next();
                expand = true;
                if (!tokens.peek().is(TokenType.RPAREN)) {
                    tokens.error("Missing closing parenthesis",
                            "An expanded function argument (with \"...\") must be immediately followed by the "
                                    + "closing parenthesis.", tokens.peek().range());
                }
                break;
            }
            if (tokens.peek().is(TokenType.COMMA)) {
                tokens.next();
            } else if (!tokens.peek().is(TokenType.RPAREN)) {
                tokens.error("Missing argument separator", "A comma is required to separate each function argument "
                        + "from the next.", tokens.peek().range());
            }
        }
        Token close = tokens.next();
        tokens.popNewlines();
        return new Expr.FunctionCall(name.text(), args, expand, name.range(), name.range().to(close.range()));
    }
}

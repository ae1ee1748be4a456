package dev.peerform.syntax;

import dev.peerform.diag.Diagnostics;
import dev.peerform.diag.SourceRange;
import dev.peerform.syntax.Expr.TemplatePart;
import dev.peerform.value.Value;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Recursive-descent parser for HCL's native syntax, one method per grammar rule of the hclsyntax specification.
 * A syntax error inside an attribute is reported once and parsing resumes at the next line, so one run reports
 * every independent mistake in a file.
 */
public final class Parser {

    /** Thrown to unwind to the nearest statement after a diagnostic has been recorded. */
    private static final class Bail extends RuntimeException {
        Bail() {
            super(null, null, false, false);
        }
    }

    private static final TokenType[][] BINARY_LEVELS = {
        {TokenType.OR},
        {TokenType.AND},
        {TokenType.EQUAL_EQUAL, TokenType.NOT_EQUAL},
        {TokenType.LESS, TokenType.LESS_EQUAL, TokenType.GREATER, TokenType.GREATER_EQUAL},
        {TokenType.PLUS, TokenType.MINUS},
        {TokenType.STAR, TokenType.SLASH, TokenType.PERCENT},
    };

    private final String filename;
    private final List<Token> tokens;
    private final Diagnostics diags;
    /** Top: whether newlines are insignificant here (inside parentheses, brackets and interpolations). */
    private final Deque<Boolean> ignoreNewlines = new ArrayDeque<>();
    private int p;
    private boolean stripNextText;

    private Parser(String filename, String source, Diagnostics diags) {
        this(filename, new Scanner(filename, source, diags), diags);
    }

    private Parser(String filename, Scanner scanner, Diagnostics diags) {
        this.filename = filename;
        this.diags = diags;
        List<Token> all = scanner.scan();
        List<Token> kept = new ArrayList<>(all.size());
        for (Token t : all) {
            if (t.type() != TokenType.COMMENT) {
                kept.add(t);
            }
        }
        this.tokens = kept;
        ignoreNewlines.push(false);
    }

    /** Parses a whole configuration file; syntax errors are added to {@code diags}. */
    public static ConfigFile parseFile(String filename, String source, Diagnostics diags) {
        Parser parser = new Parser(filename, source, diags);
        Body body = parser.body(true);
        return new ConfigFile(filename, source, body);
    }

    /** Parses one expression, such as a {@code -var} value or a console line. */
    public static Expr parseExpression(String filename, String source, Diagnostics diags) {
        Parser parser = new Parser(filename, source, diags);
        parser.ignoreNewlines.push(true);
        try {
            Expr e = parser.expression();
            if (!parser.peek().is(TokenType.EOF)) {
                parser.error("Extra characters after expression",
                        "An expression was successfully parsed, but extra characters were found after it.",
                        parser.peek().range());
            }
            return e;
        } catch (Bail b) {
            return new Expr.Literal(Value.DYNAMIC_UNKNOWN, parser.peek().range());
        }
    }

    /** Parses a whole text as one template, as templatefile reads its file. */
    public static Expr parseTemplate(String filename, String source, Diagnostics diags) {
        Parser parser = new Parser(filename, Scanner.forTemplate(filename, source, diags), diags);
        Token first = parser.tokens.get(0);
        try {
            TemplateBody body = parser.templateParts(TokenType.EOF, null, Map.of());
            return new Expr.Template(body.parts, first.range().to(parser.tokens.get(parser.tokens.size() - 1).range()));
        } catch (Bail b) {
            return new Expr.Literal(Value.DYNAMIC_UNKNOWN, first.range());
        }
    }

    // ---- bodies -------------------------------------------------------------------------------------------

    private Body body(boolean topLevel) {
        List<Attribute> attributes = new ArrayList<>();
        List<Block> blocks = new ArrayList<>();
        Map<String, Attribute> seen = new HashMap<>();
        Token first = peek();
        while (true) {
            Token t = peek();
            if (t.is(TokenType.NEWLINE)) {
                next();
                continue;
            }
            if (t.is(TokenType.EOF) || (!topLevel && t.is(TokenType.RBRACE))) {
                break;
            }
            int start = p;
            try {
                if (!t.is(TokenType.IDENT)) {
                    error("Argument or block definition required",
                            "An argument or block definition is required here."
                                    + (t.is(TokenType.RBRACE) ? " This closing brace has no block to close." : ""),
                            t.range());
                }
                Token name = next();
                if (peek().is(TokenType.EQUAL)) {
                    next();
                    Attribute a = attributeRest(name);
                    Attribute before = seen.putIfAbsent(a.name(), a);
                    if (before != null) {
                        diags.error("Attribute redefined", "The argument \"" + a.name() + "\" was already set at "
                                + before.nameRange() + ". Each argument may be set only once.", a.nameRange());
                    } else {
                        attributes.add(a);
                    }
                    endOfStatement("argument");
                } else {
                    blocks.add(blockRest(name));
                }
            } catch (Bail b) {
                recover();
                if (p == start) {
                    p++; // a stray closing brace: step over it, or recovery would never move on
                }
            }
        }
        SourceRange range = first.range().to(previousOrFirst().range());
        return new Body(attributes, blocks, range);
    }

    private Attribute attributeRest(Token name) {
        Expr value = expression();
        return new Attribute(name.text(), value, name.range(), name.range().to(value.range()));
    }

    private Block blockRest(Token type) {
        List<String> labels = new ArrayList<>();
        List<SourceRange> labelRanges = new ArrayList<>();
        while (!peek().is(TokenType.LBRACE)) {
            Token t = peek();
            if (t.is(TokenType.IDENT)) {
                next();
                labels.add(t.text());
                labelRanges.add(t.range());
            } else if (t.is(TokenType.OQUOTE)) {
                Expr.Template label = (Expr.Template) quotedTemplate();
                String text = label.literalText();
                if (text == null) {
                    error("Invalid block label", "Template sequences are not allowed in block labels: write the "
                            + "label as plain text.", label.range());
                }
                labels.add(text);
                labelRanges.add(label.range());
            } else {
                error(t.is(TokenType.EQUAL) ? "Invalid argument" : "Invalid block definition",
                        "Either a quoted string block label or an opening brace (\"{\") is expected here, after \""
                                + type.text() + "\". Found " + t.describe() + ".", t.range());
            }
        }
        Token open = next();
        Body body;
        if (peek().is(TokenType.NEWLINE) || peek().is(TokenType.RBRACE)) {
            body = body(false);
        } else {
            body = oneLineBody(open);
        }
        Token close = peek();
        if (!close.is(TokenType.RBRACE)) {
            diags.error("Unclosed configuration block", "There is no closing brace for this block before the end "
                    + "of the file. This may be caused by incorrect brace nesting elsewhere in this file.",
                    open.range());
            throw new Bail();
        }
        next();
        Block block = new Block(type.text(), labels, labelRanges, body, type.range(), type.range().to(close.range()));
        endOfStatement("block definition");
        return block;
    }

    /** {@code block { name = value }} on one line: at most one argument, no nested blocks. */
    private Body oneLineBody(Token open) {
        Token name = peek();
        if (!name.is(TokenType.IDENT)) {
            error("Invalid single-argument block definition",
                    "A single-line block definition must contain a single argument definition.", name.range());
        }
        next();
        if (!peek().is(TokenType.EQUAL)) {
            error("Invalid single-argument block definition", "A single-line block definition can contain only a "
                    + "single argument. To define nested blocks, use a block over several lines.", peek().range());
        }
        next();
        Attribute a = attributeRest(name);
        if (!peek().is(TokenType.RBRACE)) {
            error("Invalid single-argument block definition", "A single-line block definition can contain only a "
                    + "single argument. To define several, put each on its own line.", peek().range());
        }
        return new Body(List.of(a), List.of(), open.range().to(a.range()));
    }

    private void endOfStatement(String what) {
        Token t = peek();
        if (!(t.is(TokenType.NEWLINE) || t.is(TokenType.EOF) || t.is(TokenType.RBRACE))) {
            error("Missing newline after " + what,
                    "An " + what + " must end with a newline. Found " + t.describe() + ".", t.range());
        }
        if (t.is(TokenType.NEWLINE)) {
            next();
        }
    }

    /** Skips to the end of the broken statement: the next newline outside any brackets, or a closing brace. */
    private void recover() {
        int depth = 0;
        while (true) {
            Token t = tokens.get(p);
            switch (t.type()) {
                case EOF -> {
                    return;
                }
                case NEWLINE -> {
                    if (depth <= 0) {
                        p++;
                        return;
                    }
                }
                case LBRACE, LBRACK, LPAREN, OQUOTE, OHEREDOC, TEMPLATE_INTERP, TEMPLATE_CONTROL -> depth++;
                case RBRACE -> {
                    if (depth <= 0) {
                        return;
                    }
                    depth--;
                }
                case RBRACK, RPAREN, CQUOTE, CHEREDOC, TEMPLATE_SEQ_END -> depth--;
                default -> { }
            }
            p++;
        }
    }

    // ---- expressions --------------------------------------------------------------------------------------

    private Expr expression() {
        Expr condition = binary(0);
        if (!peek().is(TokenType.QUESTION)) {
            return condition;
        }
        next();
        Expr whenTrue = expression();
        expect(TokenType.COLON, "Missing false expression in conditional",
                "The conditional operator (...?...:...) requires a false expression, delimited by a colon.");
        Expr whenFalse = expression();
        return new Expr.Conditional(condition, whenTrue, whenFalse, condition.range().to(whenFalse.range()));
    }

    private Expr binary(int level) {
        if (level == BINARY_LEVELS.length) {
            return unary();
        }
        Expr left = binary(level + 1);
        while (true) {
            Expr.Operator op = binaryOperator(peek(), BINARY_LEVELS[level]);
            if (op == null) {
                return left;
            }
            next();
            Expr right = binary(level + 1);
            left = new Expr.Binary(op, left, right, left.range().to(right.range()));
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
        Token t = peek();
        if (t.is(TokenType.BANG) || t.is(TokenType.MINUS)) {
            next();
            Expr operand = unary();
            return new Expr.Unary(t.is(TokenType.BANG) ? Expr.Operator.NOT : Expr.Operator.NEGATE, operand,
                    t.range().to(operand.range()));
        }
        return postfix(primary());
    }

    private Expr primary() {
        Token t = peek();
        switch (t.type()) {
            case NUMBER -> {
                next();
                return new Expr.Literal(Value.of(new BigDecimal(t.text())), t.range());
            }
            case IDENT -> {
                next();
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
                        if (peek().is(TokenType.LPAREN)) {
                            return functionCall(t);
                        }
                        return new Expr.ScopeTraversal(t.text(), List.of(), t.range());
                    }
                }
            }
            case OQUOTE -> {
                return quotedTemplate();
            }
            case OHEREDOC -> {
                return heredocTemplate();
            }
            case LPAREN -> {
                next();
                ignoreNewlines.push(true);
                Expr inner = expression();
                Token close = expect(TokenType.RPAREN, "Unbalanced parentheses",
                        "Expected a closing parenthesis to terminate the expression.");
                ignoreNewlines.pop();
                return new Expr.Parens(inner, t.range().to(close.range()));
            }
            case LBRACK -> {
                return tupleOrFor();
            }
            case LBRACE -> {
                return objectOrFor();
            }
            default -> {
                if (t.is(TokenType.EOF)) {
                    error("Missing expression", "Expected the start of an expression, but found the end of the "
                            + "file.", t.range());
                }
                error("Invalid expression", "Expected the start of an expression, but found " + t.describe() + ".",
                        t.range());
                return null; // unreachable: error() throws
            }
        }
    }

    private Expr postfix(Expr e) {
        while (true) {
            Token t = peek();
            if (t.is(TokenType.DOT)) {
                next();
                Token name = peek();
                if (name.is(TokenType.IDENT)) {
                    next();
                    e = attr(e, name.text(), name.range());
                } else if (name.is(TokenType.NUMBER)) {
                    next();
                    e = legacyIndex(e, name);
                } else if (name.is(TokenType.STAR)) {
                    next();
                    e = attrSplat(e, name);
                } else {
                    error("Invalid attribute name", "An attribute name is required after a dot.", name.range());
                }
            } else if (t.is(TokenType.LBRACK)) {
                if (peekAt(1).is(TokenType.STAR) && peekAt(2).is(TokenType.RBRACK)) {
                    next();
                    next();
                    Token close = next();
                    e = fullSplat(e, close);
                } else {
                    next();
                    ignoreNewlines.push(true);
                    Expr key = expression();
                    Token close = expect(TokenType.RBRACK, "Missing close bracket on index",
                            "The index operator must end with a closing bracket (\"]\").");
                    ignoreNewlines.pop();
                    e = index(e, key, t.range().to(close.range()));
                }
            } else {
                return e;
            }
        }
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
                error("Invalid legacy index", "A legacy index (.0) must be a whole number.", number.range());
            }
            e = index(e, new Expr.Literal(Value.of(new BigDecimal(part)), number.range()), number.range());
        }
        return e;
    }

    /** {@code source.*.a.b}: only attribute steps continue the splat. */
    private Expr attrSplat(Expr source, Token star) {
        List<Expr.SplatStep> each = new ArrayList<>();
        SourceRange end = star.range();
        while (peek().is(TokenType.DOT) && peekAt(1).is(TokenType.IDENT)) {
            next();
            Token name = next();
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
            if (peek().is(TokenType.DOT) && peekAt(1).is(TokenType.IDENT)) {
                next();
                Token name = next();
                each.add(new Expr.SplatAttr(name.text(), name.range()));
                end = name.range();
            } else if (peek().is(TokenType.LBRACK) && !peekAt(1).is(TokenType.STAR)) {
                Token open = next();
                ignoreNewlines.push(true);
                Expr key = expression();
                Token rb = expect(TokenType.RBRACK, "Missing close bracket on index",
                        "The index operator must end with a closing bracket (\"]\").");
                ignoreNewlines.pop();
                each.add(new Expr.SplatIndex(key, open.range().to(rb.range())));
                end = rb.range();
            } else {
                return new Expr.Splat(source, each, source.range().to(end));
            }
        }
    }

    private Expr functionCall(Token name) {
        Token open = next();
        ignoreNewlines.push(true);
        List<Expr> args = new ArrayList<>();
        boolean expand = false;
        while (!peek().is(TokenType.RPAREN)) {
            if (peek().is(TokenType.EOF)) {
                error("Unterminated function call", "There is no closing parenthesis for this function call "
                        + "before the end of the file.", open.range());
            }
            args.add(expression());
            if (peek().is(TokenType.ELLIPSIS)) {
                next();
                expand = true;
                if (!peek().is(TokenType.RPAREN)) {
                    error("Missing closing parenthesis",
                            "An expanded function argument (with \"...\") must be immediately followed by the "
                                    + "closing parenthesis.", peek().range());
                }
                break;
            }
            if (peek().is(TokenType.COMMA)) {
                next();
            } else if (!peek().is(TokenType.RPAREN)) {
                error("Missing argument separator", "A comma is required to separate each function argument "
                        + "from the next.", peek().range());
            }
        }
        Token close = next();
        ignoreNewlines.pop();
        return new Expr.FunctionCall(name.text(), args, expand, name.range(), name.range().to(close.range()));
    }

    private Expr tupleOrFor() {
        Token open = next();
        ignoreNewlines.push(true);
        try {
            if (peek().isKeyword("for") && peekAt(1).is(TokenType.IDENT)) {
                return forExpr(open, false);
            }
            List<Expr> elements = new ArrayList<>();
            while (!peek().is(TokenType.RBRACK)) {
                if (peek().is(TokenType.EOF)) {
                    error("Unterminated tuple constructor expression", "There is no corresponding closing "
                            + "bracket before the end of the file. This may be caused by incorrect bracket nesting "
                            + "elsewhere in this file.", open.range());
                }
                elements.add(expression());
                if (peek().is(TokenType.COMMA)) {
                    next();
                } else if (peek().is(TokenType.EOF)) {
                    continue; // reported as an unterminated tuple above
                } else if (!peek().is(TokenType.RBRACK)) {
                    error("Missing item separator", "Expected a comma to mark the beginning of the next item, or "
                            + "\"]\" to close the list opened at " + open.range() + ".", peek().range());
                }
            }
            Token close = next();
            return new Expr.TupleCons(elements, open.range().to(close.range()));
        } finally {
            ignoreNewlines.pop();
        }
    }

    private Expr objectOrFor() {
        Token open = next();
        if (peekIgnoringNewlines().isKeyword("for") && peekAtIgnoringNewlines(1).is(TokenType.IDENT)) {
            ignoreNewlines.push(true);
            try {
                return forExpr(open, true);
            } finally {
                ignoreNewlines.pop();
            }
        }
        ignoreNewlines.push(false);
        try {
            List<Expr.ObjectItem> items = new ArrayList<>();
            while (true) {
                while (peek().is(TokenType.NEWLINE)) {
                    next();
                }
                if (peek().is(TokenType.RBRACE)) {
                    break;
                }
                if (peek().is(TokenType.EOF)) {
                    error("Unterminated object constructor expression", "There is no corresponding closing "
                            + "brace before the end of the file. This may be caused by incorrect brace nesting "
                            + "elsewhere in this file.", open.range());
                }
                ignoreNewlines.push(true);
                Expr key;
                try {
                    key = expression();
                } finally {
                    ignoreNewlines.pop();
                }
                Token sep = peek();
                if (!sep.is(TokenType.EQUAL) && !sep.is(TokenType.COLON)) {
                    error("Missing key/value separator", "Expected an equals sign (\"=\") to mark the beginning of "
                            + "the attribute value.", sep.range());
                }
                next();
                ignoreNewlines.push(true);
                Expr value;
                try {
                    value = expression();
                } finally {
                    ignoreNewlines.pop();
                }
                boolean bare = key instanceof Expr.ScopeTraversal s && s.steps().isEmpty();
                items.add(new Expr.ObjectItem(key, value, bare));
                Token after = peek();
                if (after.is(TokenType.COMMA) || after.is(TokenType.NEWLINE)) {
                    next();
                } else if (!after.is(TokenType.RBRACE) && !after.is(TokenType.EOF)) {
                    error("Missing attribute separator", "Expected a newline or comma to mark the beginning of "
                            + "the next attribute.", after.range());
                }
            }
            Token close = next();
            return new Expr.ObjectCons(items, open.range().to(close.range()));
        } finally {
            ignoreNewlines.pop();
        }
    }

    private Expr forExpr(Token open, boolean object) {
        next(); // "for"
        Token first = expect(TokenType.IDENT, "Invalid 'for' expression",
                "For expression requires a variable name after 'for'.");
        String keyVar = null;
        String valueVar = first.text();
        if (peek().is(TokenType.COMMA)) {
            next();
            Token second = expect(TokenType.IDENT, "Invalid 'for' expression",
                    "For expression requires a value variable name after the comma.");
            keyVar = first.text();
            valueVar = second.text();
        }
        if (!peek().isKeyword("in")) {
            error("Invalid 'for' expression", "For expression requires the 'in' keyword after its names.",
                    peek().range());
        }
        next();
        Expr collection = expression();
        expect(TokenType.COLON, "Invalid 'for' expression", "For expression requires a colon after the collection "
                + "expression.");
        Expr key = null;
        Expr value;
        boolean grouping = false;
        if (object) {
            key = expression();
            expect(TokenType.FAT_ARROW, "Invalid 'for' expression", "Key expression is required when building an "
                    + "object: write key => value.");
            value = expression();
            if (peek().is(TokenType.ELLIPSIS)) {
                next();
                grouping = true;
            }
        } else {
            value = expression();
        }
        Expr condition = null;
        if (peek().isKeyword("if")) {
            next();
            condition = expression();
        }
        TokenType closing = object ? TokenType.RBRACE : TokenType.RBRACK;
        Token close = expect(closing, "Invalid 'for' expression", "Extra characters after the end of the 'for' "
                + "expression; expected \"" + closing.display() + "\".");
        return new Expr.For(keyVar, valueVar, collection, key, value, condition, grouping,
                open.range().to(close.range()));
    }

    // ---- templates ----------------------------------------------------------------------------------------

    private Expr quotedTemplate() {
        Token open = next();
        ignoreNewlines.push(false);
        try {
            TemplateBody body = templateParts(TokenType.CQUOTE, null, Map.of());
            Token end = tokens.get(p - 1);
            return new Expr.Template(body.parts, open.range().to(end.range()));
        } finally {
            ignoreNewlines.pop();
        }
    }

    private Expr heredocTemplate() {
        Token open = next();
        boolean indented = open.text().startsWith("<<-");
        Map<Integer, Integer> strip = indented ? heredocIndentation() : Map.of();
        ignoreNewlines.push(false);
        try {
            TemplateBody body = templateParts(TokenType.CHEREDOC, null, strip);
            Token end = tokens.get(p - 1);
            return new Expr.Template(body.parts, open.range().to(end.range()));
        } finally {
            ignoreNewlines.pop();
        }
    }

    /**
     * For {@code <<-EOT}: the smallest indentation of the heredoc's lines, to be removed from each line. Returns
     * token index -> characters to remove, for the literal tokens that start lines.
     */
    private Map<Integer, Integer> heredocIndentation() {
        Map<Integer, Integer> lineStarts = new HashMap<>();
        int depth = 0;
        boolean atLineStart = true;
        int min = Integer.MAX_VALUE;
        for (int i = p; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.is(TokenType.CHEREDOC) && depth == 0) {
                break;
            }
            if (t.is(TokenType.EOF)) {
                break;
            }
            if (t.is(TokenType.TEMPLATE_INTERP) || t.is(TokenType.TEMPLATE_CONTROL)) {
                if (depth == 0 && atLineStart) {
                    min = 0;
                }
                depth++;
                atLineStart = false;
                continue;
            }
            if (t.is(TokenType.TEMPLATE_SEQ_END)) {
                depth--;
                continue;
            }
            if (depth == 0 && t.is(TokenType.HEREDOC_LIT)) {
                Token after = tokens.get(i + 1);
                boolean strippedByNext = (after.is(TokenType.TEMPLATE_INTERP) || after.is(TokenType.TEMPLATE_CONTROL))
                        && after.text().endsWith("~") && t.text().isBlank() && !t.text().contains("\n");
                if (atLineStart && strippedByNext) {
                    min = 0; // strip markers apply first, leaving this line with no indentation
                } else if (atLineStart) {
                    String text = t.text();
                    int n = 0;
                    while (n < text.length() && (text.charAt(n) == ' ' || text.charAt(n) == '\t')) {
                        n++;
                    }
                    boolean blank = text.substring(n).isBlank();
                    if (!blank) {
                        min = Math.min(min, n);
                    }
                    lineStarts.put(i, n);
                }
                atLineStart = t.text().endsWith("\n");
            }
        }
        int remove = min == Integer.MAX_VALUE ? 0 : min;
        Map<Integer, Integer> result = new HashMap<>();
        lineStarts.forEach((i, n) -> result.put(i, Math.min(n, remove)));
        return result;
    }

    private record TemplateBody(List<TemplatePart> parts, String terminator, Token terminatorToken) {
    }

    /**
     * Parses template parts up to {@code end}, or up to one of the directives in {@code stopAt} (else, endif,
     * endfor) when inside a directive's body; returns the parts and what stopped them.
     */
    private TemplateBody templateParts(TokenType end, List<String> stopAt, Map<Integer, Integer> indentStrip) {
        List<TemplatePart> parts = new ArrayList<>();
        while (true) {
            int index = p;
            Token t = tokens.get(p);
            if (t.is(end)) {
                p++;
                if (stopAt != null) {
                    diags.error("Unterminated template directive", "The template ends before this directive is "
                            + "closed: add %{ " + stopAt.get(stopAt.size() - 1) + " }.", t.range());
                    throw new Bail();
                }
                return new TemplateBody(parts, null, t);
            }
            switch (t.type()) {
                case QUOTED_LIT -> {
                    p++;
                    addText(parts, decodeQuoted(t), t.range());
                }
                case HEREDOC_LIT -> {
                    p++;
                    String text = t.text();
                    Integer cut = indentStrip.get(index);
                    if (cut != null) {
                        text = text.substring(cut);
                    }
                    addText(parts, unescapeSequences(text), t.range());
                }
                case TEMPLATE_INTERP -> {
                    p++;
                    stripPrevious(parts, t);
                    ignoreNewlines.push(true);
                    Expr e;
                    try {
                        e = expression();
                    } finally {
                        ignoreNewlines.pop();
                    }
                    Token close = expect(TokenType.TEMPLATE_SEQ_END, "Extra characters in interpolation",
                            "Expected a closing brace to end the interpolation expression.");
                    stripNextText = close.text().startsWith("~");
                    parts.add(new TemplatePart.Interpolation(e, t.range().to(close.range())));
                }
                case TEMPLATE_CONTROL -> {
                    p++;
                    stripPrevious(parts, t);
                    Token keyword = peek();
                    String word = keyword.is(TokenType.IDENT) ? keyword.text() : "";
                    if (stopAt != null && stopAt.contains(word)) {
                        next();
                        Token close = expect(TokenType.TEMPLATE_SEQ_END, "Invalid template directive",
                                "Expected the end of the %{" + word + "} directive.");
                        stripNextText = close.text().startsWith("~");
                        return new TemplateBody(parts, word, keyword);
                    }
                    switch (word) {
                        case "if" -> parts.add(ifDirective(t, end, indentStrip));
                        case "for" -> parts.add(forDirective(t, end, indentStrip));
                        default -> error("Invalid template directive", "A template directive keyword (\"if\", "
                                + "\"for\", etc) is expected at the beginning of a %{ sequence; found "
                                + keyword.describe() + ".", keyword.range());
                    }
                }
                case EOF -> {
                    throw new Bail(); // the scanner has already reported the unterminated template
                }
                default -> {
                    error("Invalid template", "Unexpected " + t.describe() + " in template.", t.range());
                }
            }
        }
    }

    private TemplatePart ifDirective(Token open, TokenType end, Map<Integer, Integer> indentStrip) {
        next(); // if
        ignoreNewlines.push(true);
        Expr condition;
        try {
            condition = expression();
        } finally {
            ignoreNewlines.pop();
        }
        Token close = expect(TokenType.TEMPLATE_SEQ_END, "Invalid template directive",
                "Expected the end of the %{if} directive.");
        stripNextText = close.text().startsWith("~");
        TemplateBody whenTrue = templateParts(end, List.of("else", "endif"), indentStrip);
        List<TemplatePart> whenFalse = List.of();
        TemplateBody last = whenTrue;
        if ("else".equals(whenTrue.terminator)) {
            last = templateParts(end, List.of("endif"), indentStrip);
            whenFalse = last.parts;
        }
        return new TemplatePart.If(condition, whenTrue.parts, whenFalse, open.range().to(last.terminatorToken.range()));
    }

    private TemplatePart forDirective(Token open, TokenType end, Map<Integer, Integer> indentStrip) {
        next(); // for
        ignoreNewlines.push(true);
        String keyVar = null;
        String valueVar;
        Expr collection;
        try {
            Token first = expect(TokenType.IDENT, "Invalid template directive",
                    "A variable name is required after 'for'.");
            valueVar = first.text();
            if (peek().is(TokenType.COMMA)) {
                next();
                keyVar = valueVar;
                valueVar = expect(TokenType.IDENT, "Invalid template directive",
                        "A value variable name is required after the comma.").text();
            }
            if (!peek().isKeyword("in")) {
                error("Invalid template directive", "The 'in' keyword is required after the names in %{for}.",
                        peek().range());
            }
            next();
            collection = expression();
        } finally {
            ignoreNewlines.pop();
        }
        Token close = expect(TokenType.TEMPLATE_SEQ_END, "Invalid template directive",
                "Expected the end of the %{for} directive.");
        stripNextText = close.text().startsWith("~");
        TemplateBody body = templateParts(end, List.of("endfor"), indentStrip);
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

    private String decodeQuoted(Token t) {
        String s = t.text();
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '$' && s.startsWith("$${", i)) {
                b.append("${");
                i += 2;
            } else if (c == '%' && s.startsWith("%%{", i)) {
                b.append("%{");
                i += 2;
            } else if (c != '\\') {
                b.append(c);
            } else if (i + 1 >= s.length()) {
                b.append(c);
            } else {
                char e = s.charAt(++i);
                switch (e) {
                    case 'n' -> b.append('\n');
                    case 'r' -> b.append('\r');
                    case 't' -> b.append('\t');
                    case '"' -> b.append('"');
                    case '\\' -> b.append('\\');
                    case 'u', 'U' -> {
                        int digits = e == 'u' ? 4 : 8;
                        String hex = i + 1 + digits <= s.length() ? s.substring(i + 1, i + 1 + digits) : "";
                        if (hex.length() != digits || !hex.chars().allMatch(ch -> Character.digit(ch, 16) >= 0)) {
                            diags.error("Invalid escape sequence", "The \\" + e + " escape needs exactly " + digits
                                    + " hexadecimal digits.", t.range());
                        } else {
                            int cp = Integer.parseInt(hex, 16);
                            if (!Character.isValidCodePoint(cp)) {
                                diags.error("Invalid escape sequence", "\\" + e + hex + " is not a Unicode "
                                        + "character.", t.range());
                            } else {
                                b.appendCodePoint(cp);
                            }
                            i += digits;
                        }
                    }
                    default -> diags.error("Invalid escape sequence", "The symbol \"" + e + "\" is not a valid "
                            + "escape sequence selector: use \\n, \\r, \\t, \\\", \\\\, \\uNNNN or \\UNNNNNNNN.",
                            t.range());
                }
            }
        }
        return b.toString();
    }

    private static String unescapeSequences(String s) {
        return s.indexOf("$${") < 0 && s.indexOf("%%{") < 0 ? s : s.replace("$${", "${").replace("%%{", "%{");
    }

    // ---- tokens -------------------------------------------------------------------------------------------

    /** Index of the next significant token at or after i; newlines are skipped only where they are ignored. */
    private int significant(int i) {
        if (ignoreNewlines.peek()) {
            while (tokens.get(i).is(TokenType.NEWLINE)) {
                i++;
            }
        }
        return i;
    }

    private Token peek() {
        return tokens.get(significant(p));
    }

    private Token peekAt(int ahead) {
        int i = significant(p);
        for (int n = 0; n < ahead && i < tokens.size() - 1; n++) {
            i = significant(i + 1);
        }
        return tokens.get(i);
    }

    private Token peekIgnoringNewlines() {
        return peekAtIgnoringNewlines(0);
    }

    private Token peekAtIgnoringNewlines(int ahead) {
        ignoreNewlines.push(true);
        try {
            return peekAt(ahead);
        } finally {
            ignoreNewlines.pop();
        }
    }

    private Token next() {
        int i = significant(p);
        Token t = tokens.get(i);
        p = t.is(TokenType.EOF) ? i : i + 1;
        return t;
    }

    private Token previousOrFirst() {
        return tokens.get(Math.max(0, p - 1));
    }

    private Token expect(TokenType type, String summary, String detail) {
        Token t = peek();
        if (!t.is(type)) {
            error(summary, detail + " Found " + t.describe() + ".", t.range());
        }
        return next();
    }

    private void error(String summary, String detail, SourceRange range) {
        diags.error(summary, detail, range);
        throw new Bail();
    }

    String filename() {
        return filename;
    }
}

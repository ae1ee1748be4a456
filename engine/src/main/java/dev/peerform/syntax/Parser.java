package dev.peerform.syntax;

import dev.peerform.diag.Diagnostics;
import dev.peerform.syntax.TokenCursor.Bail;
import dev.peerform.value.Value;

/**
 * The entry points to HCL's native syntax: a whole file, one expression, or a whole text as a template. The
 * grammar itself is recursive descent in {@link BodyParser}, {@link ExpressionParser} and {@link TemplateParser},
 * one method per rule of the hclsyntax specification, over a {@link TokenCursor}.
 */
public final class Parser {

    private Parser() {
    }

    /** Parses a whole configuration file; syntax errors are added to {@code diags}. */
    public static ConfigFile parseFile(String filename, String source, Diagnostics diags) {
        TokenCursor tokens = new TokenCursor(new Scanner(filename, source, diags).scan(), diags);
        return new ConfigFile(filename, source, new BodyParser(tokens).body(true));
    }

    /** Parses one expression, such as a {@code -var} value or a console line. */
    public static Expr parseExpression(String filename, String source, Diagnostics diags) {
        TokenCursor tokens = new TokenCursor(new Scanner(filename, source, diags).scan(), diags);
        tokens.pushNewlines(true);
        try {
            Expr e = new ExpressionParser(tokens).expression();
            if (!tokens.peek().is(TokenType.EOF)) {
                tokens.error("Extra characters after expression",
                        "An expression was successfully parsed, but extra characters were found after it.",
                        tokens.peek().range());
            }
            return e;
        } catch (Bail b) {
            return new Expr.Literal(Value.DYNAMIC_UNKNOWN, tokens.peek().range());
        }
    }

    /** Parses a whole text as one template, as templatefile reads its file. */
    public static Expr parseTemplate(String filename, String source, Diagnostics diags) {
        TokenCursor tokens = new TokenCursor(Scanner.forTemplate(filename, source, diags).scan(), diags);
        return new ExpressionParser(tokens).templates().file();
    }
}

package dev.peerform.syntax;

/** The kinds of token of HCL's native syntax, as hclsyntax's specification names them. */
enum TokenType {
    LBRACE("{"), RBRACE("}"), LBRACK("["), RBRACK("]"), LPAREN("("), RPAREN(")"),
    COMMA(","), DOT("."), COLON(":"), QUESTION("?"), EQUAL("="), ELLIPSIS("..."), FAT_ARROW("=>"),
    PLUS("+"), MINUS("-"), STAR("*"), SLASH("/"), PERCENT("%"),
    AND("&&"), OR("||"), BANG("!"), EQUAL_EQUAL("=="), NOT_EQUAL("!="),
    LESS("<"), LESS_EQUAL("<="), GREATER(">"), GREATER_EQUAL(">="),
    IDENT("identifier"), NUMBER("number"),
    /** {@code "}: opens a quoted template. */
    OQUOTE("opening quote"),
    /** {@code "}: closes a quoted template. */
    CQUOTE("closing quote"),
    /** Literal text of a quoted template, escapes not yet decoded. */
    QUOTED_LIT("string"),
    /** Literal text of a heredoc template, taken as it is. */
    HEREDOC_LIT("heredoc text"),
    /** {@code <<EOT} or {@code <<-EOT}. */
    OHEREDOC("heredoc"),
    CHEREDOC("end of heredoc"),
    /** {@code ${} or {@code ${~}. */
    TEMPLATE_INTERP("${"),
    /** {@code %{} or {@code %{~}. */
    TEMPLATE_CONTROL("%{"),
    /** {@code }} or {@code ~}} closing an interpolation or a directive. */
    TEMPLATE_SEQ_END("}"),
    COMMENT("comment"),
    NEWLINE("newline"),
    INVALID("invalid character"),
    EOF("end of file");

    private final String display;

    TokenType(String display) {
        this.display = display;
    }

    /** How a diagnostic names this kind of token. */
    String display() {
        return display;
    }
}

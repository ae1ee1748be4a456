package dev.peerform.syntax;

import dev.peerform.diag.Diagnostics;
import dev.peerform.diag.SourcePos;
import dev.peerform.diag.SourceRange;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns HCL source text into tokens in one linear pass. Templates nest inside expressions and expressions inside
 * templates, so the scanner keeps a stack of what is open: a brace, an interpolation, a quoted template or a
 * heredoc. Problems become diagnostics and an INVALID token; scanning always reaches the end.
 */
final class Scanner {

    private enum Mode { BRACE, INTERP, QUOTED, HEREDOC }

    private record Open(Mode mode, String marker, boolean indented, SourceRange where) {
    }

    private final String filename;
    private final String src;
    private final Diagnostics diags;
    private final List<Token> tokens;
    private final Deque<Open> stack = new ArrayDeque<>();
    /** Short token texts seen so far, each kept once (see {@link #text}). */
    private final Map<String, String> texts = new HashMap<>();
    private static final int MAX_SHARED_TEXT = 32;

    private int pos;
    private int line = 1;
    private int col = 1;
    /** In a heredoc: true when the next character starts a line (where the closing marker may stand). */
    private boolean heredocLineStart;

    Scanner(String filename, String src, Diagnostics diags) {
        this.filename = filename;
        this.src = src;
        this.diags = diags;
        this.tokens = new ArrayList<>(Math.max(16, src.length() / 3)); // about one token per three characters
    }

    /** A scanner for a whole file that is one template (templatefile): heredoc rules, no closing marker. */
    static Scanner forTemplate(String filename, String src, Diagnostics diags) {
        Scanner s = new Scanner(filename, src, diags);
        s.stack.push(new Open(Mode.HEREDOC, null, false, null));
        s.heredocLineStart = true;
        return s;
    }

    List<Token> scan() {
        while (pos < src.length()) {
            Open top = stack.peek();
            if (top != null && top.mode == Mode.QUOTED) {
                scanQuoted();
            } else if (top != null && top.mode == Mode.HEREDOC) {
                scanHeredoc(top);
            } else {
                scanNormal();
            }
        }
        for (Open open : stack) {
            switch (open.mode) {
                case QUOTED -> diags.error("Unterminated template string",
                        "This string is never closed: add the closing quote (\") on the same line.", open.where);
                case HEREDOC -> {
                    if (open.marker != null) {
                        diags.error("Unterminated template string",
                                "This heredoc is never closed: add a line holding only \"" + open.marker + "\".",
                                open.where);
                    }
                }
                case INTERP -> diags.error("Unterminated template sequence",
                        "This template sequence is never closed: add \"}\".", open.where);
                default -> { } // an unclosed brace is the parser's to report: it knows what the brace opened
            }
        }
        SourcePos end = here();
        tokens.add(new Token(TokenType.EOF, "", new SourceRange(filename, end, end)));
        return tokens;
    }

    private void scanNormal() {
        char c = src.charAt(pos);
        switch (c) {
            case ' ', '\t' -> advance(1);
            case '\r' -> {
                if (peekAt(1) == '\n') {
                    emit(TokenType.NEWLINE, 2);
                } else {
                    advance(1);
                }
            }
            case '\n' -> emit(TokenType.NEWLINE, 1);
            case '#' -> lineComment();
            case '/' -> {
                if (peekAt(1) == '/') {
                    lineComment();
                } else if (peekAt(1) == '*') {
                    blockComment();
                } else {
                    emit(TokenType.SLASH, 1);
                }
            }
            case '{' -> {
                stack.push(new Open(Mode.BRACE, null, false, null));
                emit(TokenType.LBRACE, 1);
            }
            case '}' -> closeBrace();
            case '~' -> {
                if (peekAt(1) == '}' && stack.peek() != null && stack.peek().mode == Mode.INTERP) {
                    closeBrace();
                } else {
                    invalid(1, "The character \"~\" is only valid before \"}\" closing a template sequence.");
                }
            }
            case '[' -> emit(TokenType.LBRACK, 1);
            case ']' -> emit(TokenType.RBRACK, 1);
            case '(' -> emit(TokenType.LPAREN, 1);
            case ')' -> emit(TokenType.RPAREN, 1);
            case ',' -> emit(TokenType.COMMA, 1);
            case ':' -> emit(TokenType.COLON, 1);
            case '?' -> emit(TokenType.QUESTION, 1);
            case '+' -> emit(TokenType.PLUS, 1);
            case '-' -> emit(TokenType.MINUS, 1);
            case '*' -> emit(TokenType.STAR, 1);
            case '%' -> emit(TokenType.PERCENT, 1);
            case '.' -> {
                if (peekAt(1) == '.' && peekAt(2) == '.') {
                    emit(TokenType.ELLIPSIS, 3);
                } else {
                    emit(TokenType.DOT, 1);
                }
            }
            case '=' -> {
                if (peekAt(1) == '=') {
                    emit(TokenType.EQUAL_EQUAL, 2);
                } else if (peekAt(1) == '>') {
                    emit(TokenType.FAT_ARROW, 2);
                } else {
                    emit(TokenType.EQUAL, 1);
                }
            }
            case '!' -> emit(peekAt(1) == '=' ? TokenType.NOT_EQUAL : TokenType.BANG, peekAt(1) == '=' ? 2 : 1);
            case '<' -> {
                if (peekAt(1) == '<' && heredocStart()) {
                    return;
                }
                emit(peekAt(1) == '=' ? TokenType.LESS_EQUAL : TokenType.LESS, peekAt(1) == '=' ? 2 : 1);
            }
            case '>' -> emit(peekAt(1) == '=' ? TokenType.GREATER_EQUAL : TokenType.GREATER,
                    peekAt(1) == '=' ? 2 : 1);
            case '&' -> {
                if (peekAt(1) == '&') {
                    emit(TokenType.AND, 2);
                } else {
                    invalid(1, "Did you mean \"&&\"? A single \"&\" is not an operator.");
                }
            }
            case '|' -> {
                if (peekAt(1) == '|') {
                    emit(TokenType.OR, 2);
                } else {
                    invalid(1, "Did you mean \"||\"? A single \"|\" is not an operator.");
                }
            }
            case '"' -> {
                SourcePos start = here();
                emit(TokenType.OQUOTE, 1);
                stack.push(new Open(Mode.QUOTED, null, false, new SourceRange(filename, start, here())));
            }
            default -> {
                if (c >= '0' && c <= '9') {
                    number();
                } else if (Character.isLetter(c) || c == '_') {
                    identifier();
                } else if (c == '\'') {
                    invalid(1, "Single quotes are not valid. Use double quotes (\") to enclose strings.");
                } else {
                    int width = Character.charCount(src.codePointAt(pos));
                    invalid(width, "This character is not used within the language.");
                }
            }
        }
    }

    private void closeBrace() {
        Open top = stack.peek();
        int width = src.charAt(pos) == '~' ? 2 : 1;
        if (top != null && top.mode == Mode.INTERP) {
            stack.pop();
            emit(TokenType.TEMPLATE_SEQ_END, width);
        } else {
            if (top != null && top.mode == Mode.BRACE) {
                stack.pop();
            }
            emit(TokenType.RBRACE, 1);
        }
    }

    private void lineComment() {
        int start = pos;
        while (pos < src.length() && src.charAt(pos) != '\n' && !(src.charAt(pos) == '\r' && peekAt(1) == '\n')) {
            pos++;
        }
        SourcePos from = new SourcePos(line, col, start);
        col += pos - start;
        tokens.add(new Token(TokenType.COMMENT, src.substring(start, pos), new SourceRange(filename, from, here())));
    }

    private void blockComment() {
        SourcePos from = here();
        int start = pos;
        int close = src.indexOf("*/", pos + 2);
        if (close < 0) {
            advance(src.length() - pos);
            diags.error("Unterminated comment", "This comment is never closed: add \"*/\".",
                    new SourceRange(filename, from, from));
            return;
        }
        advance(close + 2 - pos);
        tokens.add(new Token(TokenType.COMMENT, src.substring(start, pos), new SourceRange(filename, from, here())));
    }

    private void number() {
        int start = pos;
        while (isDigit(peekAt(0))) {
            pos++;
        }
        if (peekAt(0) == '.' && isDigit(peekAt(1))) {
            pos++;
            while (isDigit(peekAt(0))) {
                pos++;
            }
        }
        if ((peekAt(0) == 'e' || peekAt(0) == 'E')
                && (isDigit(peekAt(1)) || ((peekAt(1) == '+' || peekAt(1) == '-') && isDigit(peekAt(2))))) {
            pos += 2;
            while (isDigit(peekAt(0))) {
                pos++;
            }
        }
        finish(TokenType.NUMBER, start);
    }

    private void identifier() {
        int start = pos;
        pos++;
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (Character.isLetterOrDigit(c) || c == '_' || c == '-' || isIdentifierMark(c)) {
                pos++;
            } else if (c == ':' && peekAt(1) == ':' && pos + 2 < src.length()
                    && Character.isLetter(src.charAt(pos + 2))) {
                pos += 2; // provider-namespaced function: provider::name::function
            } else {
                break;
            }
        }
        finish(TokenType.IDENT, start);
    }

    /** {@code <<EOT} or {@code <<-EOT} followed by a newline; returns false when "<<" is not a heredoc. */
    private boolean heredocStart() {
        int p = pos + 2;
        boolean indented = p < src.length() && src.charAt(p) == '-';
        if (indented) {
            p++;
        }
        int nameStart = p;
        while (p < src.length() && (Character.isLetterOrDigit(src.charAt(p)) || src.charAt(p) == '_')) {
            p++;
        }
        if (p == nameStart || !(Character.isLetter(src.charAt(nameStart)) || src.charAt(nameStart) == '_')) {
            return false;
        }
        int eol = p;
        if (eol < src.length() && src.charAt(eol) == '\r') {
            eol++;
        }
        if (eol >= src.length() || src.charAt(eol) != '\n') {
            return false;
        }
        String marker = src.substring(nameStart, p);
        SourcePos start = here();
        emit(TokenType.OHEREDOC, eol + 1 - pos);
        stack.push(new Open(Mode.HEREDOC, marker, indented, new SourceRange(filename, start, start)));
        heredocLineStart = true;
        return true;
    }

    private void scanQuoted() {
        int start = pos;
        SourcePos from = here();
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '"') {
                flushLiteral(TokenType.QUOTED_LIT, start, from);
                emit(TokenType.CQUOTE, 1);
                stack.pop();
                return;
            }
            if (c == '\n' || (c == '\r' && peekAt(1) == '\n')) {
                flushLiteral(TokenType.QUOTED_LIT, start, from);
                Open open = stack.pop();
                diags.error("Unterminated template string",
                        "A quoted string must end on the line where it starts: add the closing quote (\"), or use a "
                                + "heredoc (<<EOT) for text over several lines.", open.where);
                return;
            }
            if (c == '\\' && pos + 1 < src.length()) {
                advanceInline(2);
                continue;
            }
            if (startsTemplateSequence()) {
                flushLiteral(TokenType.QUOTED_LIT, start, from);
                openSequence();
                return;
            }
            skipEscapedSequenceIntro();
        }
        flushLiteral(TokenType.QUOTED_LIT, start, from);
    }

    private void scanHeredoc(Open top) {
        if (heredocLineStart && top.marker != null) {
            int eol = src.indexOf('\n', pos);
            int lineEnd = eol < 0 ? src.length() : eol;
            String lineText = src.substring(pos, lineEnd);
            if (lineText.endsWith("\r")) {
                lineText = lineText.substring(0, lineText.length() - 1);
            }
            if (lineText.strip().equals(top.marker)) {
                SourcePos from = here();
                advance(lineEnd - pos);
                tokens.add(new Token(TokenType.CHEREDOC, lineText, new SourceRange(filename, from, here())));
                stack.pop();
                heredocLineStart = false;
                return;
            }
        }
        heredocLineStart = false;
        int start = pos;
        SourcePos from = here();
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '\n') {
                pos++;
                line++;
                col = 1;
                heredocLineStart = true;
                finish(TokenType.HEREDOC_LIT, start, from);
                return;
            }
            if (startsTemplateSequence()) {
                flushLiteral(TokenType.HEREDOC_LIT, start, from);
                openSequence();
                return;
            }
            skipEscapedSequenceIntro();
        }
        flushLiteral(TokenType.HEREDOC_LIT, start, from);
    }

    /** {@code $${} and {@code %%{} are literal "${" and "%{": step over them whole. */
    private void skipEscapedSequenceIntro() {
        if ((src.startsWith("$${", pos) || src.startsWith("%%{", pos))) {
            advanceInline(3);
        } else {
            advanceInline(1);
        }
    }

    private boolean startsTemplateSequence() {
        return src.startsWith("${", pos) || src.startsWith("%{", pos);
    }

    private void openSequence() {
        SourcePos from = here();
        boolean interp = src.charAt(pos) == '$';
        int width = peekAt(2) == '~' ? 3 : 2;
        emit(interp ? TokenType.TEMPLATE_INTERP : TokenType.TEMPLATE_CONTROL, width);
        stack.push(new Open(Mode.INTERP, null, false, new SourceRange(filename, from, here())));
    }

    private void flushLiteral(TokenType type, int start, SourcePos from) {
        if (pos > start) {
            tokens.add(new Token(type, text(start, pos), new SourceRange(filename, from, here())));
        }
    }

    private void finish(TokenType type, int start) {
        SourcePos from = new SourcePos(line, col, start);
        col += pos - start;
        tokens.add(new Token(type, text(start, pos), new SourceRange(filename, from, here())));
    }

    private void finish(TokenType type, int start, SourcePos from) {
        tokens.add(new Token(type, text(start, pos), new SourceRange(filename, from, here())));
    }

    private void emit(TokenType type, int width) {
        SourcePos from = here();
        String text = text(pos, pos + width);
        advance(width);
        tokens.add(new Token(type, text, new SourceRange(filename, from, here())));
    }

    private void invalid(int width, String detail) {
        SourcePos from = here();
        String text = src.substring(pos, pos + width);
        advance(width);
        SourceRange range = new SourceRange(filename, from, here());
        diags.error("Invalid character", detail, range);
        tokens.add(new Token(TokenType.INVALID, text, range));
    }

    /** Moves over characters that may include newlines, keeping line and column right. */
    private void advance(int n) {
        for (int i = 0; i < n; i++) {
            if (src.charAt(pos) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
            pos++;
        }
    }

    /** Moves over characters known to hold no newline. */
    private void advanceInline(int n) {
        pos += n;
        col += n;
    }

    private char peekAt(int offset) {
        int p = pos + offset;
        return p < src.length() ? src.charAt(p) : '\0';
    }

    /**
     * The rest of Unicode's ID_Continue, as hclsyntax accepts it after the first letter: combining marks (a
     * decomposed "e\u0301"), connector punctuation and letter numbers.
     */
    private static boolean isIdentifierMark(char c) {
        return switch (Character.getType(c)) {
            case Character.NON_SPACING_MARK, Character.COMBINING_SPACING_MARK, Character.CONNECTOR_PUNCTUATION,
                    Character.LETTER_NUMBER -> true;
            default -> false;
        };
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * The source text from {@code start} to {@code end}, one string per distinct short text: a configuration
     * repeats its punctuation, keywords, attribute names and references thousands of times, and the syntax tree
     * keeps the identifiers (a file of 50,000 resources scans 2.8 million tokens, most of them repeats).
     */
    private String text(int start, int end) {
        String t = src.substring(start, end);
        return end - start > MAX_SHARED_TEXT ? t : texts.computeIfAbsent(t, k -> k);
    }

    private SourcePos here() {
        return new SourcePos(line, col, pos);
    }
}

package dev.peerform.syntax;

import java.util.HashMap;
import java.util.Map;

/** What {@code <<-EOT} removes: the smallest indentation of the heredoc's lines, from each line. */
final class HeredocIndent {

    private HeredocIndent() {
    }

    /**
     * Reads ahead from the cursor's position to the heredoc's end; returns token index -> characters to remove,
     * for the literal tokens that start lines.
     */
    static Map<Integer, Integer> of(TokenCursor tokens) {
        Map<Integer, Integer> lineStarts = new HashMap<>();
        int depth = 0;
        boolean atLineStart = true;
        int min = Integer.MAX_VALUE;
        for (int i = tokens.position(); ; i++) {
            Token t = tokens.at(i);
            if ((t.is(TokenType.CHEREDOC) && depth == 0) || t.is(TokenType.EOF)) {
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
                Token after = tokens.at(i + 1);
                boolean strippedByNext = (after.is(TokenType.TEMPLATE_INTERP) || after.is(TokenType.TEMPLATE_CONTROL))
                        && after.text().endsWith("~") && t.text().isBlank() && !t.text().contains("\n");
                if (atLineStart && strippedByNext) {
                    min = 0; // strip markers apply first, leaving this line with no indentation
                } else if (atLineStart) {
                    int n = leadingBlanks(t.text());
                    if (!t.text().substring(n).isBlank()) {
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

    private static int leadingBlanks(String text) {
        int n = 0;
        while (n < text.length() && (text.charAt(n) == ' ' || text.charAt(n) == '\t')) {
            n++;
        }
        return n;
    }
}

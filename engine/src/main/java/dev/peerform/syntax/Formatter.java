package dev.peerform.syntax;

import dev.peerform.diag.Diagnostics;
import java.util.List;

/**
 * {@code fmt}: the bytes {@code terraform fmt} writes for a file. Like Terraform (hclwrite), it works on tokens, not
 * on the syntax tree: the legacy upgrades of {@link FmtUpgrades}, then the whitespace of {@link FmtLayout}. Only
 * whitespace between tokens changes otherwise, so strings, heredocs and comments keep their text and a CRLF
 * file its line ends. Blank lines stay, and a missing final newline stays missing (printing to stdout adds it).
 * A file with syntax errors is not formatted: its diagnostics are reported instead.
 */
public final class Formatter {

    private Formatter() {
    }

    /** The formatted text, or null when the source has syntax errors (added to {@code diags}). */
    public static String format(String filename, String source, Diagnostics diags) {
        Diagnostics parse = new Diagnostics();
        Parser.parseFile(filename, source, parse);
        if (parse.hasErrors()) {
            diags.addAll(parse);
            return null;
        }
        List<FmtToken> tokens = FmtUpgrades.apply(FmtToken.lex(filename, source));
        return FmtLayout.layout(tokens);
    }
}

package dev.peerform.syntax;

import dev.peerform.diag.SourceRange;
import java.util.List;

/** {@code type "label" ... { body }}. */
public record Block(String type, List<String> labels, List<SourceRange> labelRanges, Body body,
        SourceRange typeRange, SourceRange range) {

    public Block {
        labels = List.copyOf(labels);
        labelRanges = List.copyOf(labelRanges);
    }

    /** Where a diagnostic about the whole block points: its type and labels, not its body. */
    public SourceRange headerRange() {
        return labelRanges.isEmpty() ? typeRange : typeRange.to(labelRanges.get(labelRanges.size() - 1));
    }
}

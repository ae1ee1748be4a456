package dev.peerform.syntax;

import dev.peerform.diag.SourceRange;
import java.util.List;
import java.util.Optional;

/** The contents of a file or a block: attributes and nested blocks, in source order. */
public record Body(List<Attribute> attributes, List<Block> blocks, SourceRange range) {

    public Body {
        attributes = List.copyOf(attributes);
        blocks = List.copyOf(blocks);
    }

    public Optional<Attribute> attribute(String name) {
        for (Attribute a : attributes) {
            if (a.name().equals(name)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    public List<Block> blocks(String type) {
        return blocks.stream().filter(b -> b.type().equals(type)).toList();
    }
}

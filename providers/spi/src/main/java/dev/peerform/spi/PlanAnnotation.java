package dev.peerform.spi;

import java.util.List;
import java.util.Objects;

/**
 * What a provider adds to a plan beside the changes, such as their cost: lines printed after the ordered actions,
 * and a JSON object the plan JSON carries under {@code key} (for example {@code peerform_cost}). The engine prints
 * and embeds them without reading them, so it stays provider-neutral.
 *
 * @param json a JSON object, as text
 */
public record PlanAnnotation(String key, List<String> lines, String json) {

    public PlanAnnotation {
        Objects.requireNonNull(key, "key");
        lines = List.copyOf(lines);
        Objects.requireNonNull(json, "json");
    }
}

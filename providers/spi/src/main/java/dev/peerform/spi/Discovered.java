package dev.peerform.spi;

import dev.peerform.value.ObjectValue;

/**
 * An object found in the cloud that can be taken over: its resource type, the id an import block names it by, the
 * name a person gave it (null when none), and its state as {@link ConfiguredProvider#importResource} reads it.
 */
public record Discovered(String type, String importId, String name, ObjectValue state) {
}

package dev.peerform.render.hcl;

/** How much of an object a written block spells out. */
public enum Style {
    /** Terraform's {@code -generate-config-out}: every argument, sorted, null where the object has none. */
    EVERY_ARGUMENT,
    /** {@code adopt}: what a person would write; nulls, defaults, empty values and deprecated arguments left out. */
    AS_WRITTEN
}

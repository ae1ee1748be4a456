package dev.peerform.cli;

import dev.peerform.spi.Phase;

/**
 * Terraform's words for one half of a resource's change, which scripts and log parsers match: "Creating...",
 * "Creation complete after 2s [id=...]", "Still creating... [10s elapsed]". {@code idOnStart}: Terraform names the
 * object when it starts to change or destroy it (it has no id before a create); {@code idOnEnd}: and when it has
 * made, changed or read it (a destroyed object has none).
 */
enum ProgressWords {
    CREATE("Creating", "Creation complete", "creating", false, true),
    UPDATE("Modifying", "Modifications complete", "modifying", true, true),
    DESTROY("Destroying", "Destruction complete", "destroying", true, false),
    READ("Reading", "Read complete", "reading", false, true);

    final String starting;
    final String complete;
    final String still;
    final boolean idOnStart;
    final boolean idOnEnd;

    ProgressWords(String starting, String complete, String still, boolean idOnStart, boolean idOnEnd) {
        this.starting = starting;
        this.complete = complete;
        this.still = still;
        this.idOnStart = idOnStart;
        this.idOnEnd = idOnEnd;
    }

    static ProgressWords of(Phase phase) {
        return switch (phase) {
            case CREATE -> CREATE;
            case UPDATE -> UPDATE;
            case DESTROY -> DESTROY;
            case READ -> READ;
        };
    }
}

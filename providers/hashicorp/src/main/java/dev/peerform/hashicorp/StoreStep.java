package dev.peerform.hashicorp;

import dev.peerform.spi.StepKind;

/** The steps of a value made in this process: make it, keep the new arguments, forget it. */
enum StoreStep implements StepKind {
    CREATE("create"),
    UPDATE("update"),
    DELETE("delete");

    private final String id;

    StoreStep(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }
}

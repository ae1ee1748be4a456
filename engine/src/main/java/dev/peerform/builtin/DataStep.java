package dev.peerform.builtin;

import dev.peerform.spi.StepKind;

/** The steps of a {@code terraform_data}: store the input, store a new input, forget the stored value. */
enum DataStep implements StepKind {
    CREATE("create"),
    UPDATE("update"),
    DELETE("delete");

    private final String id;

    DataStep(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }
}

package dev.peerform.alicloud.resources;

import dev.peerform.spi.StepKind;

/** The steps of a router interface: created, its attributes or bandwidth changed in place, suspended then deleted. */
public enum InterfaceStep implements StepKind {
    CREATE("create"),
    MODIFY("modify"),
    SPEC("spec"),
    SUSPEND("suspend"),
    DELETE("delete");

    private final String id;

    InterfaceStep(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }
}

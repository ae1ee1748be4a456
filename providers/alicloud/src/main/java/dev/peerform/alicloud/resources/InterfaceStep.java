package dev.peerform.alicloud.resources;

import dev.peerform.spi.StepKind;

/** The steps of a router interface: created, its attributes or bandwidth changed in place, its subscription renewed, suspended then deleted. */
public enum InterfaceStep implements StepKind {
    CREATE("create"),
    MODIFY("modify"),
    SPEC("spec"),
    RENEW("renew"),
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

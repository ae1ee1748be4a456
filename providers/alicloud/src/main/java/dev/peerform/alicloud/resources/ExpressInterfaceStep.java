package dev.peerform.alicloud.resources;

import dev.peerform.spi.StepKind;

/**
 * The steps of an {@code alicloud_express_connect_router_interface}: created (and, in fast-link mode, connected by
 * the cloud), its attributes or bandwidth changed, suspended or resumed through {@code status}, deleted.
 */
public enum ExpressInterfaceStep implements StepKind {
    CREATE("create"),
    MODIFY("modify"),
    SPEC("spec"),
    STATUS("status"),
    DELETE("delete");

    private final String id;

    ExpressInterfaceStep(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }
}

package dev.peerform.alicloud.resources;

import dev.peerform.spi.StepKind;

/** The steps of a BGP object on a VBR: created, changed in place with its Modify action, deleted. */
public enum BgpStep implements StepKind {
    CREATE("create"),
    MODIFY("modify"),
    DELETE("delete");

    private final String id;

    BgpStep(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }
}

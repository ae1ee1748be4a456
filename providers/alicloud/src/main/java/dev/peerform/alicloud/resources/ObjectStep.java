package dev.peerform.alicloud.resources;

import dev.peerform.spi.StepKind;

/** The steps of an object created and deleted whole whose only in-place change is its name (VPC, VBR). */
public enum ObjectStep implements StepKind {
    CREATE("create"),
    RENAME("rename"),
    DELETE("delete");

    private final String id;

    ObjectStep(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }
}

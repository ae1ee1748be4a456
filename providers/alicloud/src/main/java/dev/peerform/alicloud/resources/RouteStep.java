package dev.peerform.alicloud.resources;

import dev.peerform.spi.StepKind;

/** The steps of a route entry: added, or deleted (each waits for the table to finish). */
public enum RouteStep implements StepKind {
    CREATE("create"),
    DELETE("delete");

    private final String id;

    RouteStep(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }
}

package dev.peerform.alicloud.resources;

import dev.peerform.spi.StepKind;

/** The steps of one end's connection: set its opposite information, connect (or await), resume, suspend. */
public enum ConnectionStep implements StepKind {
    SET_OPPOSITE("set-opposite"),
    CONNECT("connect"),
    RESUME("resume"),
    SUSPEND("suspend");

    private final String id;

    ConnectionStep(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }
}

package dev.peerform.vpcapi.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * A router interface's role in its connection, fixed at creation (domain.md, "Roles"): the initiator connects, the
 * acceptor waits; a VBR's interface is always the initiator.
 */
public enum Role {
    INITIATOR("InitiatingSide"),
    ACCEPTOR("AcceptingSide");

    private final String apiName;

    Role(String apiName) {
        this.apiName = apiName;
    }

    /** The API's spelling, as requests and answers carry it. */
    public String apiName() {
        return apiName;
    }

    /** Exact match of the API's spelling; empty for anything else. */
    public static Optional<Role> fromApiName(String name) {
        return Arrays.stream(values()).filter(r -> r.apiName.equals(name)).findFirst();
    }

    /** True when {@code name} is this role's API spelling (null is no role). */
    public boolean is(String name) {
        return apiName.equals(name);
    }
}

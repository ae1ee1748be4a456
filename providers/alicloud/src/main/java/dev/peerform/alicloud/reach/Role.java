package dev.peerform.alicloud.reach;

/** The role of a router interface, fixed at creation. */
public enum Role {
    INITIATOR("InitiatingSide"), ACCEPTOR("AcceptingSide");

    private final String api;

    Role(String api) {
        this.api = api;
    }

    public String api() {
        return api;
    }

    public static Role parse(String api) {
        for (Role r : values()) {
            if (r.api.equals(api)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown router interface role \"" + api + "\"");
    }
}

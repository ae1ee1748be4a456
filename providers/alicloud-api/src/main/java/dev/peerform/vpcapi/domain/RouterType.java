package dev.peerform.vpcapi.domain;

import java.util.Arrays;
import java.util.Optional;

/** The kind of router an interface is on: a VPC's VRouter or a virtual border router. */
public enum RouterType {
    VROUTER("VRouter"),
    VBR("VBR");

    private final String apiName;

    RouterType(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }

    public static Optional<RouterType> fromApiName(String name) {
        return Arrays.stream(values()).filter(t -> t.apiName.equals(name)).findFirst();
    }

    /** True when {@code name} is this type's API spelling (null is no type). */
    public boolean is(String name) {
        return apiName.equals(name);
    }
}

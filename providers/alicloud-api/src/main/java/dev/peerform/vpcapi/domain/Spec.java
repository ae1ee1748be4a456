package dev.peerform.vpcapi.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A router interface's specification: the bandwidth of the connection, as the VPC API (2016-04-28) lists it.
 * {@link #NEGATIVE} is the acceptor's: its bandwidth follows the initiator's.
 */
public enum Spec {
    MINI_2("Mini.2", 2),
    MINI_5("Mini.5", 5),
    SMALL_1("Small.1", 10),
    SMALL_2("Small.2", 20),
    SMALL_5("Small.5", 50),
    MIDDLE_1("Middle.1", 100),
    MIDDLE_2("Middle.2", 200),
    MIDDLE_5("Middle.5", 500),
    LARGE_1("Large.1", 1000),
    LARGE_2("Large.2", 2000),
    LARGE_5("Large.5", 5000),
    XLARGE_1("Xlarge.1", 10000),
    NEGATIVE("Negative", 0);

    /** Same-region VPC interconnection's default. */
    public static final Spec DEFAULT_SAME_REGION = LARGE_2;

    private final String apiName;
    private final int mbps;

    Spec(String apiName, int mbps) {
        this.apiName = apiName;
        this.mbps = mbps;
    }

    public String apiName() {
        return apiName;
    }

    /** Bandwidth in Mbit/s; 0 for {@link #NEGATIVE}, whose bandwidth is the initiator's. */
    public int mbps() {
        return mbps;
    }

    /** Exact, case-sensitive match of the API's spelling, as the cloud checks it. */
    public static Optional<Spec> fromApiName(String name) {
        return Arrays.stream(values()).filter(s -> s.apiName.equals(name)).findFirst();
    }

    /** The specs an initiator may have: every one but {@link #NEGATIVE}, in bandwidth order. */
    public static List<Spec> initiatorSpecs() {
        return Arrays.stream(values()).filter(s -> s != NEGATIVE).toList();
    }
}

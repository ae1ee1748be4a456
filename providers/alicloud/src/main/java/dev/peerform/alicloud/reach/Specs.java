package dev.peerform.alicloud.reach;

import java.util.Map;
import java.util.OptionalInt;

/** Bandwidth of a router interface spec, Mbit/s (the API's list in domain.md, "Specs"); finer steps are unknown. */
final class Specs {

    private static final Map<String, Integer> MBPS = Map.ofEntries(Map.entry("Mini.2", 2), Map.entry("Mini.5", 5),
            Map.entry("Small.1", 10), Map.entry("Small.2", 20), Map.entry("Small.5", 50),
            Map.entry("Middle.1", 100), Map.entry("Middle.2", 200), Map.entry("Middle.5", 500),
            Map.entry("Large.1", 1000), Map.entry("Large.2", 2000), Map.entry("Large.5", 5000),
            Map.entry("Xlarge.1", 10000));

    private Specs() {
    }

    static OptionalInt mbps(String spec) {
        Integer v = spec == null ? null : MBPS.get(spec);
        return v == null ? OptionalInt.empty() : OptionalInt.of(v);
    }
}

package dev.peerform.spi;

import java.util.List;

/**
 * What one provider configuration found in its account and region: the objects it can take over (in an order in
 * which each comes after the objects it refers to) and those it cannot, with why.
 */
public record Discovery(String region, List<Discovered> found, List<Unadoptable> unadoptable) {

    public Discovery {
        found = List.copyOf(found);
        unadoptable = List.copyOf(unadoptable);
    }
}

package dev.peerform.alicloud.billing;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A price table as loaded and checked: where each price comes from, the region groups its entries name, the
 * entries, and what is known to be unknown. {@code origin} says where it was read: {@code builtin} or a path.
 */
public record PriceTable(String name, String origin, String currency, Map<String, Source> sources,
        Map<String, RegionGroup> regionGroups, List<PriceEntry> entries, List<KnownUnknown> unknown) {

    public PriceTable {
        sources = Map.copyOf(sources);
        regionGroups = Map.copyOf(regionGroups);
        entries = List.copyOf(entries);
        unknown = List.copyOf(unknown);
    }

    /** A published statement a price rests on; {@code url} may be null when only its title is known. */
    public record Source(String id, String title, String url) {
    }

    /** Regions named together, such as mainland China. */
    public record RegionGroup(String id, String name, Set<String> regions, String source) {

        public RegionGroup {
            regions = Set.copyOf(regions);
        }
    }

    /**
     * Prices the table knows it does not have, and why, shown with an unknown charge of that {@code distance}
     * (null: any).
     */
    public record KnownUnknown(String what, String why, PriceEntry.Distance distance, String source) {
    }
}

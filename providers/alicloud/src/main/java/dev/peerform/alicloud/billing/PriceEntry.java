package dev.peerform.alicloud.billing;

import dev.peerform.vpcapi.billing.ChargeType;
import dev.peerform.vpcapi.domain.RouterType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * One row of a price table: the initiators it prices and their monthly charge. A null match field matches
 * anything. A promotion has an end date; while it runs it wins over the standard price.
 *
 * @param regionGroup      both ends in this group (with {@code distance}), or null
 * @param between          the two regions of the ends, in either order, or empty
 * @param bandwidthMbps    exactly this bandwidth, or null
 * @param maxBandwidthMbps this bandwidth or less, or null
 * @param from             first day it applies (billing calendar, UTC+8), or null
 * @param until            last day it applies, inclusive, or null
 * @param line             where the entry starts in its file, for messages
 */
public record PriceEntry(String id, Kind kind, Distance distance, String regionGroup, List<String> between,
        RouterType routerType, Integer bandwidthMbps, Integer maxBandwidthMbps, Set<ChargeType> chargeTypes,
        BigDecimal monthly, LocalDate from, LocalDate until, String source, int line) {

    public PriceEntry {
        between = List.copyOf(between);
        chargeTypes = Set.copyOf(chargeTypes);
    }

    public enum Kind {
        PRICE, PROMOTION
    }

    public enum Distance {
        SAME_REGION, CROSS_REGION
    }

    /** True on every day from {@code from} to {@code until}. */
    boolean appliesOn(LocalDate date) {
        return (from == null || !date.isBefore(from)) && (until == null || !date.isAfter(until));
    }
}

package dev.peerform.alicloud.billing;

import dev.peerform.alicloud.billing.MonthlyCharge.Known;
import dev.peerform.alicloud.billing.MonthlyCharge.Unknown;
import dev.peerform.alicloud.billing.PriceEntry.Distance;
import dev.peerform.alicloud.billing.PriceEntry.Kind;
import dev.peerform.vpcapi.billing.ChargeRules;
import dev.peerform.vpcapi.domain.Spec;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The monthly charge of one router interface on a given day, from a price table. Only the initiator is charged.
 * When several rows match, a running promotion beats a price, then a row naming the router type beats one that
 * does not, then a row naming the two regions beats a region group, then an exact bandwidth beats a range; two rows
 * still equal make the charge unknown rather than a pick.
 */
public final class PriceCalculator {

    private final PriceTable table;

    public PriceCalculator(PriceTable table) {
        this.table = table;
    }

    public PriceTable table() {
        return table;
    }

    /** The charge of {@code ri} on {@code date}; {@code ri} null means the interface does not exist then. */
    public MonthlyCharge monthly(BilledInterface ri, LocalDate date) {
        if (ri == null) {
            return MonthlyCharge.absent();
        }
        if (ri.role() == null) {
            return new Unknown("the interface's role is known only after apply");
        }
        if (!ChargeRules.isCharged(ri.role())) {
            return new Known(BigDecimal.ZERO, "acceptor: only the initiator is charged", null, null);
        }
        if (ri.spec() == null) {
            return new Unknown("the initiator's bandwidth (spec) is known only after apply");
        }
        Optional<Spec> spec = Spec.fromApiName(ri.spec()).filter(s -> s != Spec.NEGATIVE);
        if (spec.isEmpty()) {
            return new Unknown("\"" + ri.spec() + "\" is not a bandwidth the price table can price");
        }
        if (ri.region() == null || ri.oppositeRegion() == null) {
            return new Unknown("the regions of the two ends are known only after apply");
        }
        if (ri.chargeType() == null) {
            return new Unknown("the billing method is known only after apply");
        }
        Distance distance = ri.region().equals(ri.oppositeRegion()) ? Distance.SAME_REGION : Distance.CROSS_REGION;
        List<PriceEntry> matching = table.entries().stream()
                .filter(e -> matches(e, ri, spec.get(), distance)).toList();
        List<PriceEntry> today = matching.stream().filter(e -> e.appliesOn(date))
                .sorted((a, b) -> LEXICAL.compare(rank(a), rank(b))).toList();
        String what = spec.get().apiName() + " initiator " + where(ri, distance);
        if (today.isEmpty()) {
            return new Unknown(noPrice(what, date, distance, matching));
        }
        PriceEntry best = today.get(0);
        if (today.size() > 1 && rank(today.get(1)).equals(rank(best))) {
            return new Unknown("rows \"" + best.id() + "\" and \"" + today.get(1).id() + "\" of the price table ("
                    + table.origin() + ") both price a " + what + "; make one of them narrower");
        }
        String basis = what + (best.kind() == Kind.PROMOTION ? ", promotion until " + best.until() : "");
        return new Known(best.monthly(), basis, best.id(), best.source());
    }

    private boolean matches(PriceEntry e, BilledInterface ri, Spec spec, Distance distance) {
        if (e.distance() != null && e.distance() != distance) {
            return false;
        }
        if (e.routerType() != null && e.routerType() != ri.routerType()) {
            return false;
        }
        if (!e.chargeTypes().isEmpty() && !e.chargeTypes().contains(ri.chargeType())) {
            return false;
        }
        if (e.bandwidthMbps() != null && e.bandwidthMbps() != spec.mbps()) {
            return false;
        }
        if (e.maxBandwidthMbps() != null && spec.mbps() > e.maxBandwidthMbps()) {
            return false;
        }
        if (e.regionGroup() != null) {
            var regions = table.regionGroups().get(e.regionGroup()).regions();
            if (!regions.contains(ri.region()) || !regions.contains(ri.oppositeRegion())) {
                return false;
            }
        }
        return e.between().isEmpty() || (e.between().contains(ri.region()) && e.between().contains(ri.oppositeRegion()));
    }

    /** Lower is more specific: see the class comment. */
    private static List<Integer> rank(PriceEntry e) {
        return List.of(e.kind() == Kind.PROMOTION ? 0 : 1, e.routerType() != null ? 0 : 1,
                !e.between().isEmpty() ? 0 : e.regionGroup() != null ? 1 : 2,
                e.bandwidthMbps() != null ? 0 : e.maxBandwidthMbps() != null ? 1 : 2);
    }

    private static final Comparator<List<Integer>> LEXICAL = (a, b) -> {
        for (int i = 0; i < a.size(); i++) {
            int c = Integer.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    };

    private static String where(BilledInterface ri, Distance distance) {
        return distance == Distance.SAME_REGION ? "same-region (" + ri.region() + ")"
                : "cross-region (" + ri.region() + " -> " + ri.oppositeRegion() + ")";
    }

    private String noPrice(String what, LocalDate date, Distance distance, List<PriceEntry> outOfDate) {
        StringBuilder b = new StringBuilder("the price table (").append(table.origin()).append(") has no price for a ")
                .append(what).append(" on ").append(date);
        String ended = outOfDate.stream().filter(e -> e.until() != null && date.isAfter(e.until()))
                .map(e -> e.id() + " ended " + e.until()).collect(Collectors.joining(", "));
        if (!ended.isEmpty()) {
            b.append(" (").append(ended).append(')');
        }
        for (PriceTable.KnownUnknown u : table.unknown()) {
            if (u.distance() == null || u.distance() == distance) {
                b.append("; ").append(u.what()).append(": ").append(u.why());
            }
        }
        return b.toString();
    }
}

package dev.peerform.alicloud.rules;

import dev.peerform.diag.Diagnostics;
import dev.peerform.spi.ChangeView;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The cloud's rules that span resources, checked over the whole planned set (what is created and what stays)
 * before anything is applied, in this order: one connection between two routers, interfaces per router and per
 * account, no overlapping peered VPCs, one route per destination and next hops on the table's own router, routes
 * that do not come back (a warning), destinations the cloud's tables already have, advertised ranges, and
 * vSwitches or security groups replaced under an instance that stays (a warning). Each names the resources and
 * says how to fix it.
 */
public final class PlanChecks {

    private PlanChecks() {
    }

    /** The route tables whose routes the checks read, by provider: to be listed before they run. */
    public static Map<String, Set<String>> routeTablesRead(List<ChangeView> all) {
        return UnmanagedRoutes.tablesAsked(all);
    }

    public static void check(List<ChangeView> all, Existing existing, int perRouter, int perAccount,
            Diagnostics diags) {
        PlannedSet plan = new PlannedSet(all);
        for (PlanRule rule : List.of(new OneConnectionPerRouterPair(), new InterfacesPerRouter(existing, perRouter),
                new InterfacesPerAccount(existing, perAccount), new OverlappingPeers(), new RouteTables(),
                new OneWayRouting(), new UnmanagedRoutes(existing), new AdvertisedRangesMatchStaticRoutes(),
                new ReplacedUnderAnInstance())) {
            rule.check(plan, diags);
        }
    }
}

package dev.peerform.alicloud.rules;

import static dev.peerform.alicloud.rules.Plans.emptyCloud;
import static dev.peerform.alicloud.rules.Plans.existingVpc;
import static dev.peerform.alicloud.rules.Plans.newConnection;
import static dev.peerform.alicloud.rules.Plans.newInterface;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peerform.diag.Diagnostic;
import dev.peerform.diag.Diagnostics;
import dev.peerform.spi.ChangeView;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlanChecksTest {

    private static final String INIT = "InitiatingSide";
    private static final String ACC = "AcceptingSide";

    private static List<ChangeView> twoPairs(String secondRouter) {
        return List.of(
                existingVpc("a", "vpc-a", "vrt-a", "10.0.0.0/16"),
                existingVpc("b", "vpc-b", "vrt-b", "10.1.0.0/16"),
                newInterface("a1", "alicloud_vpc.a", "vrt-a", INIT),
                newInterface("b1", "alicloud_vpc.b", "vrt-b", ACC),
                newConnection("a1", "a1", "b1"),
                newConnection("b1", "b1", "a1"),
                newInterface("a2", secondRouter, secondRouter.startsWith("vrt-") ? null : "vrt-a", INIT),
                newInterface("b2", "alicloud_vpc.b", "vrt-b", ACC),
                newConnection("a2", "a2", "b2"),
                newConnection("b2", "b2", "a2"));
    }

    private static List<Diagnostic> errors(Diagnostics d, String summary) {
        return d.list().stream().filter(x -> x.isError() && x.summary().equals(summary)).toList();
    }

    @Test
    void secondPairBetweenTheSameRoutersIsRefusedWhenBothNameTheRouterByReference() {
        Diagnostics d = new Diagnostics();
        PlanChecks.check(twoPairs("alicloud_vpc.a"), emptyCloud(), 5, 10, d);
        assertFalse(errors(d, "Two connections between the same two routers").isEmpty(), d.toString());
    }

    @Test
    void secondPairBetweenTheSameRoutersIsRefusedWhenOneNamesTheRouterByLiteralId() {
        Diagnostics d = new Diagnostics();
        PlanChecks.check(twoPairs("vrt-a"), emptyCloud(), 5, 10, d);
        assertFalse(errors(d, "Two connections between the same two routers").isEmpty(), d.toString());
    }

    @Test
    void interfacesNamingOneRouterByLiteralIdAndByReferenceCountOnTheSameRouter() {
        Diagnostics d = new Diagnostics();
        // two interfaces on vrt-a (one by reference, one by id) against a limit of one per router
        PlanChecks.check(twoPairs("vrt-a"), emptyCloud(), 1, 10, d);
        assertTrue(errors(d, "Too many interfaces on one router").stream()
                .anyMatch(x -> x.detail().contains("alicloud_router_interface.a1")
                        && x.detail().contains("alicloud_router_interface.a2")), d.toString());
    }

    @Test
    void quotaChecksWarnWhenTheCloudCannotBeAskedInsteadOfCountingZero() {
        Existing unreadable = new Existing() {
            @Override
            public Count onRouter(String provider, String routerId, Set<String> managedIds) {
                return Count.unreadable("reading the interfaces on " + routerId + " failed with ServiceUnavailable");
            }

            @Override
            public Count inAccount(String provider, Set<String> managedIds) {
                return Count.unreadable("reading the account's interfaces failed with ServiceUnavailable");
            }

            @Override
            public String account(String provider) {
                return "12345678";
            }

            @Override
            public Set<String> routeDestinations(String provider, String tableId) {
                return Set.of();
            }
        };
        Diagnostics d = new Diagnostics();
        PlanChecks.check(twoPairs("alicloud_vpc.a").subList(0, 6), unreadable, 5, 10, d);
        List<Diagnostic> warnings = d.list().stream().filter(x -> !x.isError()).toList();
        assertTrue(warnings.stream().anyMatch(w -> w.summary().equals("Interfaces per router not checked")
                && w.detail().contains("vrt-a") && w.detail().contains("ServiceUnavailable")), d.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.summary().equals("Interfaces per account not checked")
                && w.detail().contains("12345678")), d.toString());
        assertFalse(d.hasErrors(), "missing data is never a refusal: " + d);
    }

    @Test
    void readableQuotaChecksAddNoWarning() {
        Diagnostics d = new Diagnostics();
        PlanChecks.check(twoPairs("alicloud_vpc.a").subList(0, 6), emptyCloud(), 5, 10, d);
        assertEquals(List.of(), d.list(), d.toString());
    }
}

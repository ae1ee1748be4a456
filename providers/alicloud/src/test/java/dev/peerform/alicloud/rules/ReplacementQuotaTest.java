package dev.peerform.alicloud.rules;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.peerform.addrs.InstanceAddress;
import dev.peerform.alicloud.resources.RouterInterfaceResource;
import dev.peerform.diag.Diagnostics;
import dev.peerform.spi.ChangeAction;
import dev.peerform.spi.ChangeView;
import dev.peerform.value.ObjectValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** An interface being replaced is one interface of the quota, not two: its old id is the configuration's own. */
class ReplacementQuotaTest {

    @Test
    void aReplacedInterfaceIsNotCountedTwiceAgainstAFullAccount() {
        Set<String> inCloud = Set.of("ri-0", "ri-1", "ri-2", "ri-3", "ri-4", "ri-5", "ri-6", "ri-7", "ri-8", "ri-9");
        List<ChangeView> all = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ObjectValue before = Plans.values("id", "ri-" + i, "router_id", "vrt-" + i, "role", "InitiatingSide");
            boolean replaced = i == 9;
            ObjectValue after = replaced ? Plans.values("id", null, "router_id", "vrt-" + i, "role",
                    "InitiatingSide") : before;
            all.add(new ChangeView(InstanceAddress.parse(RouterInterfaceResource.TYPE + ".r" + i),
                    RouterInterfaceResource.TYPE, replaced ? ChangeAction.DELETE_THEN_CREATE : ChangeAction.NO_OP,
                    before, after, Map.of(), "alicloud"));
        }
        Existing full = new Existing() {
            @Override
            public Count onRouter(String provider, String routerId, Set<String> managedIds) {
                return Count.of(0);
            }

            @Override
            public Count inAccount(String provider, Set<String> managedIds) {
                return Count.of((int) inCloud.stream().filter(id -> !managedIds.contains(id)).count());
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
        PlanChecks.check(all, full, 5, 10, d);
        assertFalse(d.hasErrors(), d.toString());
    }
}

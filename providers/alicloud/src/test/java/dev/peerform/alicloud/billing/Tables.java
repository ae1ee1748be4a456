package dev.peerform.alicloud.billing;

import dev.peerform.vpcapi.billing.ChargeType;
import dev.peerform.vpcapi.domain.Role;
import dev.peerform.vpcapi.domain.RouterType;
import java.time.LocalDate;

/** Tables and interfaces the billing tests share. */
final class Tables {

    static final LocalDate TODAY = LocalDate.parse("2026-12-01");
    static final LocalDate IN_2020 = LocalDate.parse("2020-06-15");

    private Tables() {
    }

    static PriceTable builtin() {
        return PriceTableLoader.builtin().table().orElseThrow();
    }

    static PriceCalculator prices() {
        return new PriceCalculator(builtin());
    }

    /** A table made for a test, read through the same checks as a user's file. */
    static PriceTable parse(String json) {
        var r = PriceTableLoader.parse("test.json", "test.json", json);
        return r.table().orElseThrow(() -> new AssertionError(r.diagnostics().toString()));
    }

    static BilledInterface initiator(String spec, String region, String opposite) {
        return new BilledInterface(Role.INITIATOR, spec, RouterType.VROUTER, region, opposite, ChargeType.POST_PAID);
    }

    static BilledInterface sameRegion(String spec) {
        return initiator(spec, "cn-hangzhou", "cn-hangzhou");
    }
}

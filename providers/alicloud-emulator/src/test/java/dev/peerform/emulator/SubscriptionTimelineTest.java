package dev.peerform.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peerform.vpcapi.billing.SubscriptionPeriod;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bill of a subscription initiator on the emulator's clock (domain.md, "Billing"): expiry, 15 days of grace,
 * the lock, the release after 15 days of downtime, renewal, auto-renewal, next-cycle bandwidth changes.
 */
class SubscriptionTimelineTest {

    private final CloudFixture f = new CloudFixture();

    /** A connected pair whose initiator was bought for one month, with its routes over the connection. */
    private CloudFixture.Pair subscribed(String... extra) {
        CloudFixture.Vpc a = f.vpc(CloudFixture.A, "cn-hangzhou", "10.0.0.0/16");
        CloudFixture.Vpc b = f.vpc(CloudFixture.A, "cn-hangzhou", "10.1.0.0/16");
        String[] args = {"RegionId", "cn-hangzhou", "Role", "InitiatingSide", "RouterType", "VRouter", "RouterId",
                a.router(), "Spec", "Large.1", "OppositeRegionId", "cn-hangzhou", "InstanceChargeType", "PrePaid",
                "Period", "1", "PricingCycle", "Month"};
        String[] all = new String[args.length + extra.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(extra, 0, all, args.length, extra.length);
        String init = f.ok(CloudFixture.A, "CreateRouterInterface", all).get("RouterInterfaceId").asText();
        String acc = f.acceptor(CloudFixture.A, "cn-hangzhou", b.router(), "cn-hangzhou");
        f.opposite(CloudFixture.A, acc, init, a.router(), "VRouter", CloudFixture.A);
        f.opposite(CloudFixture.A, init, acc, b.router(), "VRouter", CloudFixture.A);
        f.ok(CloudFixture.A, "ConnectRouterInterface", "RouterInterfaceId", init);
        f.waitTransitions();
        f.ok(CloudFixture.A, "CreateRouteEntry", "RouteTableId", a.table(), "DestinationCidrBlock", "10.1.0.0/16",
                "NextHopType", "RouterInterface", "NextHopId", init);
        f.waitTransitions();
        return new CloudFixture.Pair(a, b, init, acc);
    }

    private JsonNode init(CloudFixture.Pair p) {
        return f.describe(CloudFixture.A, "cn-hangzhou", p.init());
    }

    private Instant endTime(CloudFixture.Pair p) {
        return Instant.parse(init(p).get("EndTime").asText());
    }

    /** Moves the clock to {@code days} after the due date (plus a second, past the boundary). */
    private void toDaysAfterDue(Instant due, int days) {
        Instant target = due.plus(Duration.ofDays(days)).plusSeconds(1);
        f.clock.advance(Duration.between(f.clock.instant(), target));
    }

    @Test
    void describeAnswersChargeTypeBusinessStatusAndEndTimeInTheApisSpellings() {
        CloudFixture.Pair p = subscribed();
        JsonNode d = init(p);
        assertEquals("PrePaid", d.get("ChargeType").asText());
        assertEquals("Normal", d.get("BusinessStatus").asText());
        assertEquals(SubscriptionPeriod.months(1).after(Instant.parse("2026-11-21T00:00:00Z")), endTime(p));
        JsonNode acc = f.describe(CloudFixture.A, "cn-hangzhou", p.acc());
        assertEquals("AfterPay", acc.get("ChargeType").asText());
        assertTrue(acc.get("EndTime") == null || acc.get("EndTime").isNull(), "a pay-as-you-go end has no due date");
    }

    @Test
    void anOverdueInitiatorKeepsForwardingForFifteenDaysAfterTheDueDate() {
        CloudFixture.Pair p = subscribed();
        Instant due = endTime(p);
        toDaysAfterDue(due, 14);
        assertEquals("Normal", init(p).get("BusinessStatus").asText());
        assertEquals("Active", init(p).get("Status").asText());
    }

    @Test
    void anInitiatorStopsForwardingFifteenDaysAfterTheDueDate() {
        CloudFixture.Pair p = subscribed();
        Instant due = endTime(p);
        toDaysAfterDue(due, 15);
        assertEquals("FinancialLocked", init(p).get("BusinessStatus").asText());
        assertEquals("Large.1", init(p).get("Spec").asText(), "a locked interface keeps its configuration");
        f.refused("IncorrectStatus.RouterInterface", CloudFixture.A, "ModifyRouterInterfaceSpec",
                "RouterInterfaceId", p.init(), "Spec", "Large.2");
    }

    @Test
    void aLockedInitiatorIsReleasedAfterFifteenDaysOfDowntimeAndItsConfigurationCleared() {
        CloudFixture.Pair p = subscribed();
        Instant due = endTime(p);
        toDaysAfterDue(due, 29);
        assertEquals("FinancialLocked", init(p).get("BusinessStatus").asText(), "day 14 of downtime: still kept");
        toDaysAfterDue(due, 30);
        assertNull(init(p), "released: the interface is gone");
        JsonNode routes = f.ok(CloudFixture.A, "DescribeRouteEntryList", "RegionId", "cn-hangzhou", "RouteTableId",
                p.initVpc().table(), "DestinationCidrBlock", "10.1.0.0/16");
        assertEquals(0, routes.get("RouteEntrys").get("RouteEntry").size(), "its routes are cleared with it");
        f.refused("InvalidInstanceId.NotFound", CloudFixture.A, "RenewInstance", "InstanceId", p.init(),
                "Period", "1");
    }

    @Test
    void aRenewalRestoresALockedInitiatorAtOnce() {
        CloudFixture.Pair p = subscribed();
        Instant due = endTime(p);
        toDaysAfterDue(due, 20);
        assertEquals("FinancialLocked", init(p).get("BusinessStatus").asText());
        JsonNode r = f.ok(CloudFixture.A, "RenewInstance", "ProductCode", "ri", "InstanceId", p.init(),
                "RenewPeriod", "1");
        assertEquals("Normal", init(p).get("BusinessStatus").asText());
        Instant renewedUntil = Instant.parse(r.get("EndTime").asText());
        assertEquals(renewedUntil, endTime(p));
        assertTrue(renewedUntil.isAfter(f.clock.instant().plus(Duration.ofDays(27))),
                "a renewal bought after the due date starts its cycle when bought");
    }

    @Test
    void aRenewalBeforeTheDueDateExtendsIt() {
        CloudFixture.Pair p = subscribed();
        Instant due = endTime(p);
        f.ok(CloudFixture.A, "RenewInstance", "ProductCode", "ri", "InstanceId", p.init(), "RenewPeriod", "12");
        assertEquals(SubscriptionPeriod.years(1).after(due), endTime(p));
    }

    @Test
    void theEarlierRenewalFormWithPeriodAndPricingCycleIsStillRead() {
        CloudFixture.Pair p = subscribed();
        Instant due = endTime(p);
        f.ok(CloudFixture.A, "RenewInstance", "InstanceId", p.init(), "Period", "1", "PricingCycle", "Year");
        assertEquals(SubscriptionPeriod.years(1).after(due), endTime(p));
    }

    @Test
    void aRenewalUnderAProductCodeThatSellsNoRouterInterfaceIsRefused() {
        CloudFixture.Pair p = subscribed();
        f.refused("ResourceNotExists", CloudFixture.A, "RenewInstance", "ProductCode", "ecs", "InstanceId",
                p.init(), "RenewPeriod", "1");
        f.refused("InvalidPeriod.Malformed", CloudFixture.A, "RenewInstance", "ProductCode", "ri", "InstanceId",
                p.init(), "RenewPeriod", "10");
    }

    @Test
    void aRenewalWithABandwidthChangeTakesEffectAtTheNextCycle() {
        CloudFixture.Pair p = subscribed();
        Instant due = endTime(p);
        f.ok(CloudFixture.A, "RenewInstance", "InstanceId", p.init(), "Period", "1", "Spec", "Large.2");
        assertEquals("Large.1", init(p).get("Spec").asText(), "not before the renewed cycle starts");
        toDaysAfterDue(due, 0);
        assertEquals("Large.2", init(p).get("Spec").asText());
    }

    @Test
    void anUpgradeTakesEffectAtOnce() {
        CloudFixture.Pair p = subscribed();
        f.ok(CloudFixture.A, "ModifyRouterInterfaceSpec", "RouterInterfaceId", p.init(), "Spec", "Large.2");
        f.waitTransitions();
        assertEquals("Large.2", init(p).get("Spec").asText());
        assertEquals(SubscriptionPeriod.months(1).after(Instant.parse("2026-11-21T00:00:00Z")), endTime(p),
                "an upgrade does not move the due date");
    }

    @Test
    void autoRenewalBuysANewCycleAtEachDueDate() {
        CloudFixture.Pair p = subscribed("AutoRenew", "true");
        Instant due = endTime(p);
        toDaysAfterDue(due, 40);
        assertEquals("Normal", init(p).get("BusinessStatus").asText());
        assertTrue(endTime(p).isAfter(f.clock.instant()));
    }

    @Test
    void aPayAsYouGoInterfaceCannotBeRenewed() {
        CloudFixture.Pair p = subscribed();
        f.refused("OperationUnsupported.PostPaid", CloudFixture.A, "RenewInstance", "InstanceId", p.acc(),
                "Period", "1");
    }

    @Test
    void aPrePaidAcceptorIsRefusedByItsRule() {
        CloudFixture.Vpc b = f.vpc(CloudFixture.A, "cn-hangzhou", "10.1.0.0/16");
        f.refused("Forbidden.AcceptRoleNotSupportPrePay", CloudFixture.A, "CreateRouterInterface", "RegionId",
                "cn-hangzhou", "Role", "AcceptingSide", "RouterType", "VRouter", "RouterId", b.router(), "Spec",
                "Negative", "OppositeRegionId", "cn-hangzhou", "InstanceChargeType", "PrePaid", "Period", "1");
    }

    @Test
    void subscriptionPeriodsAreOneToNineMonthsOrOneToThreeYears() {
        CloudFixture.Vpc a = f.vpc(CloudFixture.A, "cn-hangzhou", "10.0.0.0/16");
        for (String[] bad : new String[][] {{"10", "Month"}, {"0", "Month"}, {"4", "Year"}}) {
            f.refused("InvalidPeriod.Malformed", CloudFixture.A, "CreateRouterInterface", "RegionId", "cn-hangzhou",
                    "Role", "InitiatingSide", "RouterType", "VRouter", "RouterId", a.router(), "Spec", "Large.1",
                    "OppositeRegionId", "cn-hangzhou", "InstanceChargeType", "PrePaid", "Period", bad[0],
                    "PricingCycle", bad[1]);
        }
    }

    @Test
    void advanceMovesTheWorldsClockAndTheWorldFileKeepsIt(@TempDir Path dir) {
        Path file = dir.resolve("cloud.json");
        ManualClock host = new ManualClock(Instant.parse("2026-11-21T00:00:00Z"));
        Emulator.Options options = new Emulator.Options(host, dev.peerform.emulator.cloud.Durations.INSTANT,
                dev.peerform.emulator.cloud.Quotas.DEFAULTS, Faults.NONE);
        Emulator e = Emulator.onFile(file, Seed.emptyWorld(), options);
        Instant now = e.console().advance(Duration.ofDays(40));
        assertEquals(Instant.parse("2026-12-31T00:00:00Z"), now);
        e.close();
        assertTrue(Files.exists(file));
        Emulator again = Emulator.onFile(file, Seed.emptyWorld(), options);
        assertEquals(Duration.ofDays(40).toMillis(), (long) again.read(w -> w.clockOffsetMillis));
        again.close();
    }
}

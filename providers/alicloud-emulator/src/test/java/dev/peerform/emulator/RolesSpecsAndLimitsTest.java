package dev.peerform.emulator;

import static dev.peerform.emulator.CloudFixture.A;
import static dev.peerform.emulator.CloudFixture.B;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.peerform.emulator.cloud.Quotas;
import org.junit.jupiter.api.Test;

/** domain.md, "Roles", "Specs" and "Limits and quotas". */
class RolesSpecsAndLimitsTest {

    private final CloudFixture f = new CloudFixture();

    private void create(String code, String account, String... kv) {
        String[] all = new String[kv.length + 2];
        all[0] = "RegionId";
        System.arraycopy(kv, 0, all, 2, kv.length);
        all[1] = "cn-beijing";
        f.refused(code, account, "CreateRouterInterface", all);
    }

    @Test
    void vbrInterfaceIsAlwaysTheInitiator() {
        String vbr = f.vbr(A, 10);
        create("OperationUnsupported.VbrAcceptingSide", A, "Role", "AcceptingSide", "RouterType", "VBR", "RouterId",
                vbr, "Spec", "Negative");
        f.initiator(A, "cn-beijing", "VBR", vbr, "Large.1", "cn-hangzhou");
    }

    @Test
    void acceptorSpecIsNegativeAndInitiatorSpecIsABandwidth() {
        CloudFixture.Vpc v = f.vpc(A, "cn-beijing", "10.0.0.0/16");
        create("InvalidSpec.Malformed", A, "Role", "AcceptingSide", "RouterType", "VRouter", "RouterId", v.router(),
                "Spec", "Large.2");
        create("InvalidSpec.Malformed", A, "Role", "InitiatingSide", "RouterType", "VRouter", "RouterId",
                v.router(), "Spec", "Negative");
    }

    @Test
    void specNotInTheApiListIsRefused() {
        CloudFixture.Vpc v = f.vpc(A, "cn-beijing", "10.0.0.0/16");
        create("InvalidSpec.Malformed", A, "Role", "InitiatingSide", "RouterType", "VRouter", "RouterId",
                v.router(), "Spec", "Large.3");
    }

    @Test
    void roleAndRouterTypeMustBeKnown() {
        CloudFixture.Vpc v = f.vpc(A, "cn-beijing", "10.0.0.0/16");
        create("InvalidRole.Malformed", A, "Role", "Both", "RouterType", "VRouter", "RouterId", v.router(), "Spec",
                "Large.2");
        create("InvalidRouterType.Malformed", A, "Role", "InitiatingSide", "RouterType", "Router", "RouterId",
                v.router(), "Spec", "Large.2");
    }

    @Test
    void prepaidAcceptorIsRefused() {
        CloudFixture.Vpc v = f.vpc(A, "cn-beijing", "10.0.0.0/16");
        create("Forbidden.AcceptRoleNotSupportPrePay", A, "Role", "AcceptingSide", "RouterType", "VRouter",
                "RouterId", v.router(), "Spec", "Negative", "InstanceChargeType", "PrePaid", "Period", "1");
    }

    @Test
    void subscriptionPeriodIsOneToNineMonthsOrOneToThreeYears() {
        CloudFixture.Vpc v = f.vpc(A, "cn-beijing", "10.0.0.0/16");
        create("InvalidPeriod.Malformed", A, "Role", "InitiatingSide", "RouterType", "VRouter", "RouterId",
                v.router(), "Spec", "Large.2", "InstanceChargeType", "PrePaid", "Period", "10", "PricingCycle",
                "Month");
        create("InvalidPeriod.Malformed", A, "Role", "InitiatingSide", "RouterType", "VRouter", "RouterId",
                v.router(), "Spec", "Large.2", "InstanceChargeType", "PrePaid", "Period", "4", "PricingCycle",
                "Year");
        f.ok(A, "CreateRouterInterface", "RegionId", "cn-beijing", "Role", "InitiatingSide", "RouterType", "VRouter",
                "RouterId", v.router(), "Spec", "Large.2", "InstanceChargeType", "PrePaid", "Period", "3",
                "PricingCycle", "Year");
    }

    @Test
    void atMostFiveInterfacesPerRouter() {
        CloudFixture.Vpc v = f.vpc(A, "cn-beijing", "10.0.0.0/16");
        for (int i = 0; i < 5; i++) {
            f.initiator(A, "cn-beijing", "VRouter", v.router(), "Small.1", "cn-hangzhou");
        }
        create("LimitationExceed.InterfaceNumberOnRouter", A, "Role", "InitiatingSide", "RouterType", "VRouter",
                "RouterId", v.router(), "Spec", "Small.1");
    }

    @Test
    void atMostTenInterfacesPerAccountAndTheQuotaCanBeRaised() {
        for (int i = 0; i < 2; i++) {
            CloudFixture.Vpc v = f.vpc(A, "cn-beijing", "10." + i + ".0.0/16");
            for (int j = 0; j < 5; j++) {
                f.initiator(A, "cn-beijing", "VRouter", v.router(), "Small.1", "cn-hangzhou");
            }
        }
        CloudFixture.Vpc third = f.vpc(A, "cn-beijing", "10.9.0.0/16");
        create("QuotaExceeded", A, "Role", "InitiatingSide", "RouterType", "VRouter", "RouterId", third.router(),
                "Spec", "Small.1");
        CloudFixture raised = new CloudFixture(Quotas.DEFAULTS.withInterfacesPerAccount(11));
        for (int i = 0; i < 2; i++) {
            CloudFixture.Vpc v = raised.vpc(A, "cn-beijing", "10." + i + ".0.0/16");
            for (int j = 0; j < 5; j++) {
                raised.initiator(A, "cn-beijing", "VRouter", v.router(), "Small.1", "cn-hangzhou");
            }
        }
        CloudFixture.Vpc v = raised.vpc(A, "cn-beijing", "10.9.0.0/16");
        raised.initiator(A, "cn-beijing", "VRouter", v.router(), "Small.1", "cn-hangzhou");
    }

    @Test
    void onlyOneConnectedPairBetweenTheSameTwoRouters() {
        CloudFixture.Pair p = f.connected(A, "10.0.0.0/16", A, "10.1.0.0/16");
        String init2 = f.initiator(A, "cn-qingdao", "VRouter", p.initVpc().router(), "Small.1", "cn-beijing");
        String acc2 = f.acceptor(A, "cn-beijing", p.accVpc().router(), "cn-qingdao");
        f.opposite(A, acc2, init2, p.initVpc().router(), "VRouter", A);
        f.opposite(A, init2, acc2, p.accVpc().router(), "VRouter", A);
        f.refused("Forbidden.OnlyOneConnection", A, "ConnectRouterInterface", "RouterInterfaceId", init2);
    }

    @Test
    void overlappingVpcCidrBlocksCannotBeInterconnected() {
        CloudFixture.Pair p = f.pair(A, "cn-qingdao", "172.16.0.0/12", A, "cn-beijing", "172.16.1.0/24");
        f.refused("InvalidCidrBlock.Overlapped", A, "ConnectRouterInterface", "RouterInterfaceId", p.init());
    }

    @Test
    void physicalConnectionServesAtMostFiveVpcs() {
        for (int i = 0; i < 6; i++) {
            String vbrN = f.vbr(A, 20 + i);
            CloudFixture.Vpc v = f.vpc(B, "cn-hangzhou", "10." + i + ".0.0/16");
            String init = f.initiator(A, "cn-beijing", "VBR", vbrN, "Large.1", "cn-hangzhou");
            String acc = f.acceptor(B, "cn-hangzhou", v.router(), "cn-beijing");
            f.opposite(B, acc, init, vbrN, "VBR", A);
            f.opposite(A, init, acc, v.router(), "VRouter", B);
            if (i < 5) {
                f.ok(A, "ConnectRouterInterface", "RouterInterfaceId", init);
            } else {
                f.refused("QuotaExceeded.VpcPerPhysicalConnection", A, "ConnectRouterInterface", "RouterInterfaceId",
                        init);
            }
        }
    }

    @Test
    void interfaceOnAnInactiveVbrCannotBeCreated() {
        String vbr = f.vbr(A, 10);
        f.emulator.read(w -> w.vbrs.get(vbr).status = "terminated");
        create("IncorrectVbrStatus", A, "Role", "InitiatingSide", "RouterType", "VBR", "RouterId", vbr, "Spec",
                "Large.1");
    }

    @Test
    void healthCheckIpsGoTogetherAndOnlyOnAVpcInterfaceTowardAVbr() {
        CloudFixture.Vpc v = f.vpc(A, "cn-beijing", "10.0.0.0/16");
        create("InvalidHealthCheckIp.Malformed", A, "Role", "AcceptingSide", "RouterType", "VRouter", "RouterId",
                v.router(), "Spec", "Negative", "HealthCheckSourceIp", "10.0.0.5");
        create("OperationUnsupported.HealthCheck", A, "Role", "AcceptingSide", "RouterType", "VRouter", "RouterId",
                v.router(), "Spec", "Negative", "OppositeRouterType", "VRouter", "HealthCheckSourceIp", "10.0.0.5",
                "HealthCheckTargetIp", "10.0.0.6");
        f.ok(A, "CreateRouterInterface", "RegionId", "cn-beijing", "Role", "AcceptingSide", "RouterType", "VRouter",
                "RouterId", v.router(), "Spec", "Negative", "OppositeRouterType", "VBR", "HealthCheckSourceIp",
                "10.0.0.5", "HealthCheckTargetIp", "10.0.0.6");
    }

    @Test
    void namesStartWithALetterAndDescriptionsAreNotUrls() {
        CloudFixture.Vpc v = f.vpc(A, "cn-beijing", "10.0.0.0/16");
        create("InvalidName.Malformed", A, "Role", "InitiatingSide", "RouterType", "VRouter", "RouterId", v.router(),
                "Spec", "Large.2", "Name", "1peer");
        create("InvalidName.Malformed", A, "Role", "InitiatingSide", "RouterType", "VRouter", "RouterId", v.router(),
                "Spec", "Large.2", "Name", "p");
        create("InvalidDescription.Malformed", A, "Role", "InitiatingSide", "RouterType", "VRouter", "RouterId",
                v.router(), "Spec", "Large.2", "Description", "https://example.com");
        create("InvalidDescription.Malformed", A, "Role", "InitiatingSide", "RouterType", "VRouter", "RouterId",
                v.router(), "Spec", "Large.2", "Description", "x".repeat(257));
    }
}

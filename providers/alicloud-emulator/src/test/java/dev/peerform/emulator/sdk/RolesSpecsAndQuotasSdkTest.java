package dev.peerform.emulator.sdk;

import static dev.peerform.emulator.sdk.SdkCloud.ACC_REGION;
import static dev.peerform.emulator.sdk.SdkCloud.INIT_REGION;
import static dev.peerform.emulator.sdk.SdkCloud.connect;
import static dev.peerform.emulator.sdk.SdkCloud.newInterface;
import static dev.peerform.emulator.sdk.SdkCloud.oppositeInfo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyuncs.vpc.model.v20160428.CreateRouterInterfaceRequest;
import com.aliyuncs.vpc.model.v20160428.ModifyRouterInterfaceAttributeRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The refusals of shared/domain.md's roles, specs, statuses and quotas, through the official SDK. Where domain.md and
 * the API's error tables name no code, the test asserts a client error (400-499, {@code ClientException}) only.
 */
class RolesSpecsAndQuotasSdkTest {

    private final SdkCloud cloud = new SdkCloud();

    @AfterEach
    void stop() {
        cloud.close();
    }

    @Test
    void acceptorCreatedPrePaidIsRefusedWithForbiddenAcceptRoleNotSupportPrePay() {
        SdkCloud.Vpc vpc = cloud.vpc(cloud.b, ACC_REGION, "10.1.0.0/16");
        CreateRouterInterfaceRequest r = newInterface(ACC_REGION, "AcceptingSide", "VRouter", vpc.router(),
                "Negative", INIT_REGION);
        r.setInstanceChargeType("PrePaid");
        r.setPeriod(1);
        r.setPricingCycle("Month");
        cloud.b.refused(r).is("Forbidden.AcceptRoleNotSupportPrePay", 400);
    }

    @Test
    void subscriptionOutsideOneToNineMonthsIsRefused() {
        SdkCloud.Vpc vpc = cloud.vpc(cloud.a, INIT_REGION, "10.0.0.0/16");
        CreateRouterInterfaceRequest r = newInterface(INIT_REGION, "InitiatingSide", "VRouter", vpc.router(),
                "Large.1", ACC_REGION);
        r.setInstanceChargeType("PrePaid");
        r.setPeriod(10);
        r.setPricingCycle("Month");
        cloud.a.refused(r).isClientError();
    }

    @Test
    void unknownSpecIsRefused() {
        SdkCloud.Vpc vpc = cloud.vpc(cloud.a, INIT_REGION, "10.0.0.0/16");
        cloud.a.refused(newInterface(INIT_REGION, "InitiatingSide", "VRouter", vpc.router(), "Huge.9", ACC_REGION))
                .isClientError();
    }

    @Test
    void initiatorWithTheAcceptorsNegativeSpecIsRefused() {
        SdkCloud.Vpc vpc = cloud.vpc(cloud.a, INIT_REGION, "10.0.0.0/16");
        cloud.a.refused(newInterface(INIT_REGION, "InitiatingSide", "VRouter", vpc.router(), "Negative", ACC_REGION))
                .isClientError();
    }

    @Test
    void interfaceOnAVbrCannotBeTheAcceptor() {
        String vbr = cloud.vbr(101);
        cloud.a.refused(newInterface(ACC_REGION, "AcceptingSide", "VBR", vbr, "Negative", INIT_REGION))
                .isClientError();
        assertTrue(cloud.a.ok(newInterface(ACC_REGION, "InitiatingSide", "VBR", vbr, "Large.1", INIT_REGION))
                .getRouterInterfaceId().startsWith("ri-"), "the VBR's interface is the initiator");
    }

    @Test
    void sixthInterfaceOnOneRouterIsRefusedWithLimitationExceedInterfaceNumberOnRouter() {
        SdkCloud.Vpc vpc = cloud.vpc(cloud.a, INIT_REGION, "10.0.0.0/16");
        for (int i = 0; i < 5; i++) {
            cloud.initiator(cloud.a, vpc, "Small.1", ACC_REGION);
        }
        cloud.a.refused(newInterface(INIT_REGION, "InitiatingSide", "VRouter", vpc.router(), "Small.1", ACC_REGION))
                .is("LimitationExceed.InterfaceNumberOnRouter", 400);
    }

    @Test
    void eleventhInterfaceOfOneAccountIsRefusedWithQuotaExceeded() {
        SdkCloud.Vpc last = null;
        for (int v = 0; v < 3; v++) {
            last = cloud.vpc(cloud.a, INIT_REGION, "10." + v + ".0.0/16");
            for (int i = 0; i < (v < 2 ? 4 : 2); i++) {
                cloud.initiator(cloud.a, last, "Small.1", ACC_REGION);
            }
        }
        assertEquals(10, cloud.a.ok(SdkCloud.describeInterfaces(INIT_REGION, null)).getTotalCount());
        cloud.a.refused(newInterface(INIT_REGION, "InitiatingSide", "VRouter", last.router(), "Small.1", ACC_REGION))
                .is("QuotaExceeded", 400);
    }

    @Test
    void secondConnectionBetweenTheSameTwoRoutersIsRefusedWithForbiddenOnlyOneConnection() {
        SdkCloud.Peering first = cloud.connected();
        String init = cloud.initiator(cloud.a, first.initVpc(), "Large.1", ACC_REGION);
        String acc = cloud.acceptor(cloud.b, first.accVpc(), INIT_REGION);
        cloud.b.ok(oppositeInfo(ACC_REGION, acc, init, first.initVpc().router(), cloud.a));
        cloud.a.ok(oppositeInfo(INIT_REGION, init, acc, first.accVpc().router(), cloud.b));
        cloud.a.refused(connect(INIT_REGION, init)).is("Forbidden.OnlyOneConnection", 400);
    }

    @Test
    void connectingAnInterfaceThatIsNotIdleIsRefusedWithIncorrectRIStatus() {
        SdkCloud.Peering p = cloud.connected();
        cloud.a.refused(connect(INIT_REGION, p.init())).is("IncorrectRIStatus", 400);
    }

    @Test
    void connectingToAnAcceptorThatNamesAnotherPeerIsRefusedWithAttrMismatching() {
        SdkCloud.Peering p = cloud.ends();
        cloud.b.ok(oppositeInfo(ACC_REGION, p.acc(), "ri-m5e0someoneelse00000", p.initVpc().router(), cloud.a));
        cloud.a.ok(oppositeInfo(INIT_REGION, p.init(), p.acc(), p.accVpc().router(), cloud.b));
        Refusal r = cloud.a.refused(connect(INIT_REGION, p.init())).isClientError();
        assertTrue(r.code().startsWith("AttrMismatching.AcceptingSide"), r.toString());
    }

    @Test
    void oppositeInformationChangesOnlyWhileIdleAndIsRefusedWithIncorrectStatusRouterInterface() {
        SdkCloud.Peering p = cloud.connected();
        ModifyRouterInterfaceAttributeRequest change = oppositeInfo(INIT_REGION, p.init(), "ri-m5e0someoneelse00000",
                p.accVpc().router(), cloud.b);
        cloud.a.refused(change).is("IncorrectStatus.RouterInterface", 400);
    }

    @Test
    void overlappingVpcsCannotBeConnected() {
        SdkCloud.Vpc initVpc = cloud.vpc(cloud.a, INIT_REGION, "10.0.0.0/16");
        SdkCloud.Vpc accVpc = cloud.vpc(cloud.b, ACC_REGION, "10.0.128.0/17");
        String acc = cloud.acceptor(cloud.b, accVpc, INIT_REGION);
        String init = cloud.initiator(cloud.a, initVpc, "Large.2", ACC_REGION);
        cloud.b.ok(oppositeInfo(ACC_REGION, acc, init, initVpc.router(), cloud.a));
        cloud.a.ok(oppositeInfo(INIT_REGION, init, acc, accVpc.router(), cloud.b));
        cloud.a.refused(connect(INIT_REGION, init)).isClientError();
    }
}

package dev.peerform.emulator.sdk;

import static dev.peerform.emulator.sdk.CrossAccountPeeringSdkTest.deactivate;
import static dev.peerform.emulator.sdk.CrossAccountPeeringSdkTest.deleteInterface;
import static dev.peerform.emulator.sdk.SdkCloud.ACC_REGION;
import static dev.peerform.emulator.sdk.SdkCloud.INIT_REGION;
import static dev.peerform.emulator.sdk.SdkCloud.connect;
import static dev.peerform.emulator.sdk.SdkCloud.deleteRoute;
import static dev.peerform.emulator.sdk.SdkCloud.in;
import static dev.peerform.emulator.sdk.SdkCloud.newRoute;
import static dev.peerform.emulator.sdk.SdkCloud.oppositeInfo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.aliyuncs.vpc.model.v20160428.CreateVSwitchRequest;
import com.aliyuncs.vpc.model.v20160428.CreateVpcRequest;
import com.aliyuncs.vpc.model.v20160428.DeleteRouteEntryRequest;
import com.aliyuncs.vpc.model.v20160428.DeleteVpcRequest;
import com.aliyuncs.vpc.model.v20160428.DescribeVpcsRequest;
import dev.peerform.emulator.Seed;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The codes of shared/domain.md ("Errors": the codes the official provider acts on), each in the situation the list
 * names, with the HTTP status, as the official SDK reports them.
 */
class ErrorCodesSdkTest {

    private final SdkCloud cloud = new SdkCloud();

    @AfterEach
    void stop() {
        cloud.close();
    }

    @Test
    void deletingAnActiveInterfaceIsRefusedWithIncorrectStatus() {
        SdkCloud.Peering p = cloud.connected();
        cloud.a.refused(deleteInterface(INIT_REGION, p.init())).is("IncorrectStatus", 400);
    }

    @Test
    void deletingAnInterfaceARouteStillUsesIsRefusedWithDependencyViolation() {
        SdkCloud.Peering p = cloud.connected();
        cloud.route(cloud.a, p.initVpc(), "10.1.0.0/16", p.init());
        cloud.a.ok(deactivate(INIT_REGION, p.init()));
        cloud.pollUntil(cloud.a, INIT_REGION, p.init(), "Inactive");
        cloud.a.refused(deleteInterface(INIT_REGION, p.init()))
                .is("DependencyViolation.RouterInterfaceReferedByRouteEntry", 400);
    }

    @Test
    void deletingAMissingInterfaceAnswersInvalidInstanceIdNotFound() {
        cloud.a.refused(deleteInterface(INIT_REGION, "ri-m5e0missing000000000")).is("InvalidInstanceId.NotFound", 404);
    }

    @Test
    void deletingAnotherAccountsInterfaceAnswersInvalidInstanceIdNotFound() {
        SdkCloud.Peering p = cloud.pair();
        cloud.b.refused(deleteInterface(INIT_REGION, p.init())).is("InvalidInstanceId.NotFound", 404);
    }

    @Test
    void connectingBeforeTheInitiatorKnowsItsPeerIsRefusedWithOppositeInfoNotSet() {
        SdkCloud.Peering p = cloud.ends();
        cloud.b.ok(oppositeInfo(ACC_REGION, p.acc(), p.init(), p.initVpc().router(), cloud.a));
        cloud.a.refused(connect(INIT_REGION, p.init())).is("IncorrectOppositeInterfaceInfo.NotSet", 400);
    }

    @Test
    void connectingBeforeTheAcceptorKnowsItsPeerIsRefusedWithOppositeInfoNotSet() {
        SdkCloud.Peering p = cloud.ends();
        cloud.a.ok(oppositeInfo(INIT_REGION, p.init(), p.acc(), p.accVpc().router(), cloud.b));
        cloud.a.refused(connect(INIT_REGION, p.init())).is("IncorrectOppositeInterfaceInfo.NotSet", 400);
        assertEquals("Idle", cloud.describe(cloud.a, INIT_REGION, p.init()).getStatus(), "a refusal changes nothing");
    }

    @Test
    void routeToADestinationTheTableHasIsRefusedWithRouterEntryConflictDuplicated() {
        SdkCloud.Peering p = cloud.connected();
        cloud.route(cloud.a, p.initVpc(), "10.1.0.0/16", p.init());
        cloud.a.refused(newRoute(INIT_REGION, p.initVpc().table(), "10.1.0.0/16", p.init()))
                .is("RouterEntryConflict.Duplicated", 400);
    }

    @Test
    void routeToADestinationTheTableHasAnswersACodeTheOfficialProviderTreatsAsDuplicate() {
        SdkCloud.Peering p = cloud.connected();
        cloud.route(cloud.a, p.initVpc(), "10.1.0.0/16", p.init());
        cloud.a.refused(newRoute(INIT_REGION, p.initVpc().table(), "10.1.0.0/16", p.init()))
                .isOneOf(Set.of("RouterEntryConflict.Duplicated", "InvalidCIDRBlock.Duplicate",
                        "Duplicated.VpcNextHop"));
    }

    @Test
    void deletingAMissingRouteAnswersInvalidRouteEntryNotFound() {
        SdkCloud.Peering p = cloud.connected();
        cloud.a.refused(deleteRoute(INIT_REGION, p.initVpc().table(), "10.9.0.0/16", p.init()))
                .is("InvalidRouteEntry.NotFound", 404);
        DeleteRouteEntryRequest byId = in(INIT_REGION, new DeleteRouteEntryRequest());
        byId.setRouteEntryId("rte-m5e0missing000000000");
        cloud.a.refused(byId).is("InvalidRouteEntry.NotFound", 404);
    }

    @Test
    void routeChangeWhileAnotherIsInProgressOnTheTableIsRefusedWithTaskConflict() {
        SdkCloud.Peering p = cloud.connected();
        cloud.a.ok(newRoute(INIT_REGION, p.initVpc().table(), "10.1.0.0/16", p.init()));
        cloud.a.refused(newRoute(INIT_REGION, p.initVpc().table(), "10.2.0.0/16", p.init())).is("TaskConflict", 400);
        cloud.a.refused(deleteRoute(INIT_REGION, p.initVpc().table(), "10.1.0.0/16", p.init()))
                .is("TaskConflict", 400);
        cloud.settle();
        cloud.a.ok(newRoute(INIT_REGION, p.initVpc().table(), "10.2.0.0/16", p.init()));
    }

    @Test
    void concurrentRouteChangesOnOneTableLetOneThroughAndRefuseTheOtherWithTaskConflict() throws Exception {
        SdkCloud.Peering p = cloud.connected();
        List<SdkAccount> callers = List.of(cloud.client(Seed.ACCOUNT_A, Seed.KEY_A, Seed.SECRET_A),
                cloud.client(Seed.ACCOUNT_A, Seed.KEY_A, Seed.SECRET_A));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Optional<Refusal>>> answers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                SdkAccount caller = callers.get(i);
                String destination = "10." + (1 + i) + ".0.0/16";
                answers.add(pool.submit(() -> {
                    start.await();
                    return caller.attempt(newRoute(INIT_REGION, p.initVpc().table(), destination, p.init()));
                }));
            }
            start.countDown();
            List<Refusal> refusals = new ArrayList<>();
            for (Future<Optional<Refusal>> f : answers) {
                f.get(60, TimeUnit.SECONDS).ifPresent(refusals::add);
            }
            assertEquals(1, refusals.size(), "one of two concurrent changes goes through: " + refusals);
            refusals.get(0).is("TaskConflict", 400);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void deletingAVpcThatStillHasAVSwitchIsRefusedWithDependencyViolationVSwitch() {
        SdkCloud.Vpc vpc = cloud.vpc(cloud.a, INIT_REGION, "10.0.0.0/16");
        CreateVSwitchRequest vsw = in(INIT_REGION, new CreateVSwitchRequest());
        vsw.setVpcId(vpc.id());
        vsw.setCidrBlock("10.0.1.0/24");
        vsw.setZoneId("cn-qingdao-b");
        cloud.a.ok(vsw);
        DeleteVpcRequest delete = in(INIT_REGION, new DeleteVpcRequest());
        delete.setVpcId(vpc.id());
        cloud.a.refused(delete).is("DependencyViolation.VSwitch", 400);
    }

    @Test
    void deletingAMissingVpcAnswersAVpcNotFoundCodeTheOfficialProviderMatches() {
        DeleteVpcRequest delete = in(INIT_REGION, new DeleteVpcRequest());
        delete.setVpcId("vpc-m5e0missing000000000");
        Refusal r = cloud.a.refused(delete).isOneOf(Set.of("InvalidVpcID.NotFound", "Forbidden.VpcNotFound"));
        if (r.code().endsWith(".NotFound")) {
            r.is(r.code(), 404);
        }
    }

    @Test
    void connectingFromTheAcceptorIsRefusedWithIncorrectRoleNotInitiatingSide() {
        SdkCloud.Peering p = cloud.pair();
        cloud.b.refused(connect(ACC_REGION, p.acc())).is("IncorrectRole.NotInitiatingSide", 400);
    }

    @Test
    void wrongSecretIsRefusedWithSignatureDoesNotMatchAndChangesNothing() {
        SdkAccount forger = cloud.client(Seed.ACCOUNT_A, Seed.KEY_A, "not-the-secret");
        CreateVpcRequest create = in(INIT_REGION, new CreateVpcRequest());
        create.setCidrBlock("10.0.0.0/16");
        forger.refused(create).is("SignatureDoesNotMatch", 400);
        DescribeVpcsRequest vpcs = in(INIT_REGION, new DescribeVpcsRequest());
        assertEquals(0, cloud.a.ok(vpcs).getTotalCount());
    }

    @Test
    void unknownAccessKeyIsRefusedWithInvalidAccessKeyIdNotFound() {
        SdkAccount stranger = cloud.client("0", "LTAInobodyHasThisKey", "x");
        DescribeVpcsRequest vpcs = in(INIT_REGION, new DescribeVpcsRequest());
        stranger.refused(vpcs).is("InvalidAccessKeyId.NotFound", 404);
    }
}

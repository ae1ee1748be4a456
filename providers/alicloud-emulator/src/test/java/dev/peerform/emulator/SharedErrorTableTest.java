package dev.peerform.emulator;

import static dev.peerform.emulator.CloudFixture.A;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.peerform.vpcapi.errors.ClientAction;
import dev.peerform.vpcapi.errors.ErrorCodes;
import dev.peerform.vpcapi.wire.ApiResponse;
import org.junit.jupiter.api.Test;

/**
 * Each code of domain.md's "Errors" list, answered by the emulator in the situation the list names, and what the
 * shared table (the one peerform's provider reads) makes a client do with that answer: the two sides agree.
 */
class SharedErrorTableTest {

    private final CloudFixture f = new CloudFixture();

    private void answers(String code, ClientAction expected, String action, String... kv) {
        ApiResponse r = f.refused(code, A, action, kv);
        assertEquals(expected, ErrorCodes.of(action, r.code(), r.status(), r.body().path("Message").asText()),
                action + " answered " + r.body());
    }

    private CloudFixture.Pair connected() {
        return f.connected(A, "10.0.0.0/16", A, "10.1.0.0/16");
    }

    @Test
    void deletingAnActiveInterfaceAnswersIncorrectStatusWhichIsRetried() {
        CloudFixture.Pair p = connected();
        answers(ErrorCodes.INCORRECT_STATUS, ClientAction.RETRY, "DeleteRouterInterface", "RouterInterfaceId",
                p.init());
    }

    @Test
    void deletingAnInterfaceARouteUsesAnswersDependencyViolationWhichIsRetried() {
        CloudFixture.Pair p = connected();
        f.ok(A, "CreateRouteEntry", "RouteTableId", p.initVpc().table(), "DestinationCidrBlock", "10.1.0.0/16",
                "NextHopType", "RouterInterface", "NextHopId", p.init());
        f.waitTransitions();
        f.ok(A, "DeactivateRouterInterface", "RouterInterfaceId", p.init());
        f.waitTransitions();
        answers(ErrorCodes.INTERFACE_USED_BY_ROUTE, ClientAction.RETRY, "DeleteRouterInterface", "RouterInterfaceId",
                p.init());
    }

    @Test
    void aMissingInterfaceAnswersInvalidInstanceIdNotFoundWhichIsGone() {
        answers(ErrorCodes.INTERFACE_NOT_FOUND, ClientAction.GONE, "DeleteRouterInterface", "RouterInterfaceId",
                "ri-m5e0missing000000000");
        answers(ErrorCodes.INTERFACE_NOT_FOUND, ClientAction.GONE, "DeactivateRouterInterface", "RouterInterfaceId",
                "ri-m5e0missing000000000");
    }

    @Test
    void connectingBeforeTheOppositeInformationIsSetIsFinal() {
        CloudFixture.Vpc a = f.vpc(A, "cn-hangzhou", "10.0.0.0/16");
        String init = f.ok(A, "CreateRouterInterface", "RegionId", "cn-hangzhou", "Role", "InitiatingSide",
                "RouterType", "VRouter", "RouterId", a.router(), "Spec", "Large.1").get("RouterInterfaceId").asText();
        answers(ErrorCodes.OPPOSITE_INFO_NOT_SET, ClientAction.FINAL, "ConnectRouterInterface", "RouterInterfaceId",
                init);
    }

    @Test
    void aRouteToADestinationTheTableHasAnswersRouterEntryConflictDuplicatedWhichIsFinal() {
        CloudFixture.Pair p = connected();
        f.ok(A, "CreateRouteEntry", "RouteTableId", p.initVpc().table(), "DestinationCidrBlock", "10.1.0.0/16",
                "NextHopType", "RouterInterface", "NextHopId", p.init());
        f.waitTransitions();
        answers(ErrorCodes.ROUTE_DESTINATION_TAKEN, ClientAction.FINAL, "CreateRouteEntry", "RouteTableId",
                p.initVpc().table(), "DestinationCidrBlock", "10.1.0.0/16", "NextHopType", "RouterInterface",
                "NextHopId", p.init());
    }

    @Test
    void routeChangesWhileTheTableIsBusyAnswerTaskConflictWhichIsRetried() {
        CloudFixture.Pair p = connected();
        f.ok(A, "CreateRouteEntry", "RouteTableId", p.initVpc().table(), "DestinationCidrBlock", "10.1.0.0/16",
                "NextHopType", "RouterInterface", "NextHopId", p.init());
        answers(ErrorCodes.TASK_CONFLICT, ClientAction.RETRY, "CreateRouteEntry", "RouteTableId",
                p.initVpc().table(), "DestinationCidrBlock", "10.2.0.0/16", "NextHopType", "RouterInterface",
                "NextHopId", p.init());
    }

    @Test
    void aRouteOverAnInterfaceInTransitionAnswersIncorrectStatusRouterInterfaceWhichIsRetried() {
        CloudFixture.Pair p = connected();
        f.ok(A, "DeactivateRouterInterface", "RouterInterfaceId", p.init());
        answers(ErrorCodes.INCORRECT_INTERFACE_STATUS, ClientAction.RETRY, "CreateRouteEntry", "RouteTableId",
                p.initVpc().table(), "DestinationCidrBlock", "10.1.0.0/16", "NextHopType", "RouterInterface",
                "NextHopId", p.init());
    }

    @Test
    void aMissingRouteAnswersInvalidRouteEntryNotFoundWhichIsGone() {
        CloudFixture.Pair p = connected();
        answers(ErrorCodes.ROUTE_NOT_FOUND, ClientAction.GONE, "DeleteRouteEntry", "RouteTableId",
                p.initVpc().table(), "DestinationCidrBlock", "10.9.0.0/16");
    }

    @Test
    void deletingAVpcThatHasAVSwitchAnswersDependencyViolationVSwitchWhichIsRetried() {
        CloudFixture.Vpc v = f.vpc(A, "cn-hangzhou", "10.0.0.0/16");
        String vsw = f.ok(A, "CreateVSwitch", "RegionId", "cn-hangzhou", "VpcId", v.id(), "ZoneId", "cn-hangzhou-h",
                "CidrBlock", "10.0.1.0/24").get("VSwitchId").asText();
        answers(ErrorCodes.VPC_HAS_VSWITCH, ClientAction.RETRY, "DeleteVpc", "VpcId", v.id());
        f.ok(A, "DeleteVSwitch", "VSwitchId", vsw);
        f.ok(A, "DeleteVpc", "VpcId", v.id());
    }

    @Test
    void aMissingVpcAnswersInvalidVpcIdNotFoundWhichIsGone() {
        answers(ErrorCodes.VPC_NOT_FOUND, ClientAction.GONE, "DeleteVpc", "VpcId", "vpc-m5e0missing000000000");
    }

    @Test
    void vSwitchesStayInsideTheirVpcAndApartFromEachOther() {
        CloudFixture.Vpc v = f.vpc(A, "cn-hangzhou", "10.0.0.0/16");
        f.ok(A, "CreateVSwitch", "VpcId", v.id(), "ZoneId", "cn-hangzhou-h", "CidrBlock", "10.0.1.0/24",
                "VSwitchName", "web");
        f.refused("InvalidCidrBlock.Overlapped", A, "CreateVSwitch", "VpcId", v.id(), "ZoneId", "cn-hangzhou-h",
                "CidrBlock", "10.0.1.128/25");
        f.refused("InvalidCidrBlock.Malformed", A, "CreateVSwitch", "VpcId", v.id(), "ZoneId", "cn-hangzhou-h",
                "CidrBlock", "10.1.0.0/24");
        f.refused("InvalidZoneId.NotFound", A, "CreateVSwitch", "VpcId", v.id(), "ZoneId", "cn-beijing-a",
                "CidrBlock", "10.0.2.0/24");
        assertEquals(1, f.ok(A, "DescribeVSwitches", "RegionId", "cn-hangzhou", "VpcId", v.id()).path("VSwitches")
                .path("VSwitch").size());
        f.refused("InvalidVSwitchId.NotFound", A, "DeleteVSwitch", "VSwitchId", "vsw-m5e0missing000000000");
    }
}

package dev.peerform.emulator;

import static dev.peerform.emulator.CloudFixture.A;
import static dev.peerform.emulator.CloudFixture.B;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peerform.emulator.cloud.Model.CallRecord;
import dev.peerform.vpcapi.wire.ApiResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Errors, idempotency, the account wall, paging and filters, and the call log. */
class ProtocolTest {

    private final CloudFixture f = new CloudFixture();

    @Test
    void errorBodyHasRequestIdHostIdCodeAndMessageAndNotFoundUses404() {
        ApiResponse r = f.refused("InvalidInstanceId.NotFound", A, "ConnectRouterInterface",
                "RouterInterfaceId", "ri-nope");
        assertEquals(404, r.status());
        for (String field : List.of("RequestId", "HostId", "Code", "Message")) {
            assertTrue(r.body().hasNonNull(field), field);
        }
        assertEquals(400, f.refused("MissingParameter", A, "ConnectRouterInterface").status());
    }

    @Test
    void clientTokenRepeatsTheFirstResultInsteadOfCreatingASecondObject() {
        CloudFixture.Vpc v = f.vpc(A, "cn-beijing", "10.0.0.0/16");
        String[] args = {"RegionId", "cn-beijing", "Role", "InitiatingSide", "RouterType", "VRouter", "RouterId",
            v.router(), "Spec", "Large.2", "ClientToken", "token-1"};
        JsonNode first = f.ok(A, "CreateRouterInterface", args);
        JsonNode again = f.ok(A, "CreateRouterInterface", args);
        assertEquals(first.get("RouterInterfaceId"), again.get("RouterInterfaceId"));
        assertEquals(1, f.ok(A, "DescribeRouterInterfaces", "RegionId", "cn-beijing").get("TotalCount").asInt());
    }

    @Test
    void clientTokenReusedWithOtherParametersIsRefused() {
        CloudFixture.Vpc v = f.vpc(A, "cn-beijing", "10.0.0.0/16");
        f.ok(A, "CreateRouterInterface", "RegionId", "cn-beijing", "Role", "InitiatingSide", "RouterType", "VRouter",
                "RouterId", v.router(), "Spec", "Large.2", "ClientToken", "token-1");
        f.refused("IdempotentParameterMismatch", A, "CreateRouterInterface", "RegionId", "cn-beijing", "Role",
                "InitiatingSide", "RouterType", "VRouter", "RouterId", v.router(), "Spec", "Large.1", "ClientToken",
                "token-1");
    }

    @Test
    void accountsAreWallsAnAccountSeesAndChangesOnlyItsOwnObjects() {
        CloudFixture.Pair p = f.pair(A, "cn-qingdao", "10.0.0.0/16", A, "cn-beijing", "10.1.0.0/16");
        assertEquals(0, f.ok(B, "DescribeRouterInterfaces", "RegionId", "cn-qingdao", "Filter.1.Key",
                "RouterInterfaceId", "Filter.1.Value.1", p.init()).get("TotalCount").asInt());
        f.refused("InvalidInstanceId.NotFound", B, "DeleteRouterInterface", "RouterInterfaceId", p.init());
        f.refused("InvalidVpcID.NotFound", B, "DeleteVpc", "VpcId", p.initVpc().id());
        f.refused("InvalidRouteTableId.NotFound", B, "DescribeRouteEntryList", "RouteTableId", p.initVpc().table());
        f.refused("InvalidRouterId.NotFound", B, "CreateRouterInterface", "RegionId", "cn-qingdao", "Role",
                "InitiatingSide", "RouterType", "VRouter", "RouterId", p.initVpc().router(), "Spec", "Large.2");
    }

    @Test
    void describePagesWithPageNumberFromOneAndPageSizeUpToFifty() {
        CloudFixture raised = new CloudFixture(dev.peerform.emulator.cloud.Quotas.DEFAULTS
                .withInterfacesPerAccount(100).withInterfacesPerRouter(100));
        CloudFixture.Vpc v = raised.vpc(A, "cn-beijing", "10.0.0.0/16");
        for (int i = 0; i < 12; i++) {
            raised.initiator(A, "cn-beijing", "VRouter", v.router(), "Small.1", "cn-hangzhou");
        }
        JsonNode page2 = raised.ok(A, "DescribeRouterInterfaces", "RegionId", "cn-beijing", "PageSize", "5",
                "PageNumber", "2");
        assertEquals(12, page2.get("TotalCount").asInt());
        assertEquals(5, page2.get("RouterInterfaceSet").get("RouterInterfaceType").size());
        assertEquals(2, page2.get("PageNumber").asInt());
        JsonNode page3 = raised.ok(A, "DescribeRouterInterfaces", "RegionId", "cn-beijing", "PageSize", "5",
                "PageNumber", "3");
        assertEquals(2, page3.get("RouterInterfaceSet").get("RouterInterfaceType").size());
        raised.refused("InvalidPageSize.Malformed", A, "DescribeRouterInterfaces", "RegionId", "cn-beijing",
                "PageSize", "51");
    }

    @Test
    void describeFiltersOnSeveralValuesOfOneKeyAndOnStatus() {
        CloudFixture.Pair p = f.connected(A, "10.0.0.0/16", A, "10.1.0.0/16");
        CloudFixture.Pair q = f.pair(A, "cn-qingdao", "10.2.0.0/16", A, "cn-beijing", "10.3.0.0/16");
        JsonNode both = f.ok(A, "DescribeRouterInterfaces", "RegionId", "cn-qingdao", "Filter.1.Key",
                "RouterInterfaceId", "Filter.1.Value.1", p.init(), "Filter.1.Value.2", q.init());
        assertEquals(2, both.get("TotalCount").asInt());
        JsonNode active = f.ok(A, "DescribeRouterInterfaces", "RegionId", "cn-qingdao", "Filter.1.Key", "Status",
                "Filter.1.Value.1", "Active");
        assertEquals(1, active.get("TotalCount").asInt());
        assertEquals(p.init(), active.get("RouterInterfaceSet").get("RouterInterfaceType").get(0)
                .get("RouterInterfaceId").asText());
    }

    @Test
    void listsUseTheApiWrapperObjectsNeverBareArrays() {
        f.vpc(A, "cn-beijing", "10.0.0.0/16");
        JsonNode vpcs = f.ok(A, "DescribeVpcs", "RegionId", "cn-beijing");
        assertTrue(vpcs.get("Vpcs").get("Vpc").isArray());
        assertTrue(f.ok(A, "DescribeRouterInterfaces", "RegionId", "cn-beijing").get("RouterInterfaceSet")
                .get("RouterInterfaceType").isArray());
        assertTrue(f.ok(A, "DescribeVirtualBorderRouters", "RegionId", "cn-beijing").get("VirtualBorderRouterSet")
                .get("VirtualBorderRouterType").isArray());
        assertTrue(f.ok(A, "DescribePhysicalConnections", "RegionId", "cn-beijing").get("PhysicalConnectionSet")
                .get("PhysicalConnectionType").isArray());
    }

    @Test
    void wrongSecretOrUnknownKeyIsRefusedAndChangesNothing() {
        Map<String, String> p = new HashMap<>(Map.of("Action", "CreateVpc", "RegionId", "cn-beijing", "CidrBlock",
                "10.0.0.0/16"));
        assertEquals("SignatureDoesNotMatch", f.emulator.call(Seed.KEY_A, "wrong", p).code());
        assertEquals("InvalidAccessKeyId.NotFound", f.emulator.call("LTAInobody", "x", p).code());
        assertEquals(0, f.ok(A, "DescribeVpcs", "RegionId", "cn-beijing").get("TotalCount").asInt());
    }

    @Test
    void callLogRecordsEveryCallWithItsAccountActionIdsAndResultInOrder() {
        CloudFixture.Pair p = f.pair(A, "cn-qingdao", "10.0.0.0/16", A, "cn-beijing", "10.1.0.0/16");
        f.call(A, "DeleteRouterInterface", "RouterInterfaceId", "ri-missing");
        f.ok(A, "ConnectRouterInterface", "RouterInterfaceId", p.init());
        List<CallRecord> log = f.emulator.callLog();
        CallRecord failed = log.get(log.size() - 2);
        assertEquals("DeleteRouterInterface", failed.action);
        assertEquals("InvalidInstanceId.NotFound", failed.result);
        CallRecord last = log.get(log.size() - 1);
        assertEquals(A, last.account);
        assertEquals("ConnectRouterInterface", last.action);
        assertEquals("OK", last.result);
        assertEquals(List.of(p.init()), last.ids);
        CallRecord create = log.stream().filter(c -> c.action.equals("CreateRouterInterface")).findFirst()
                .orElseThrow();
        assertTrue(create.ids.contains(p.init()), "the created id is logged: " + create.ids);
        assertFalse(log.stream().anyMatch(c -> c.ids.contains(Seed.SECRET_A)), "no secret in the log");
    }

    @Test
    void vpcAndVbrAreRenamedInPlaceKeepingTheirIdsAndBadNamesAreRefused() {
        CloudFixture.Vpc v = f.vpc(A, "cn-beijing", "10.0.0.0/16");
        f.ok(A, "ModifyVpcAttribute", "VpcId", v.id(), "VpcName", "renamed");
        JsonNode vpc = f.ok(A, "DescribeVpcs", "RegionId", "cn-beijing", "VpcId", v.id()).at("/Vpcs/Vpc/0");
        assertEquals("renamed", vpc.get("VpcName").asText());
        assertEquals(v.router(), vpc.get("VRouterId").asText(), "same VPC, same router");
        f.refused("InvalidName.Malformed", A, "ModifyVpcAttribute", "VpcId", v.id(), "VpcName", "1bad");
        f.refused("InvalidVpcID.NotFound", B, "ModifyVpcAttribute", "VpcId", v.id(), "VpcName", "other");
        String vbr = f.vbr(A, 100);
        f.ok(A, "ModifyVirtualBorderRouterAttribute", "VbrId", vbr, "Name", "edge");
        assertEquals("edge", f.ok(A, "DescribeVirtualBorderRouters", "RegionId", "cn-beijing", "Filter.1.Key", "VbrId",
                "Filter.1.Value.1", vbr).at("/VirtualBorderRouterSet/VirtualBorderRouterType/0/Name").asText());
        f.refused("InvalidVbrId.NotFound", B, "ModifyVirtualBorderRouterAttribute", "VbrId", vbr, "Name", "x2");
    }
}

package dev.peerform.emulator;

import static dev.peerform.emulator.CloudFixture.A;
import static dev.peerform.emulator.CloudFixture.B;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Custom route tables, vSwitch attributes, fast-link interfaces and the caller's account, region and zone facts. */
class CustomTablesAndFastLinkTest {

    private final CloudFixture f = new CloudFixture();

    private String vswitch(CloudFixture.Vpc v, String cidr) {
        return f.ok(A, "CreateVSwitch", "RegionId", "cn-beijing", "VpcId", v.id(), "ZoneId", "cn-beijing-a",
                "CidrBlock", cidr).get("VSwitchId").asText();
    }

    private JsonNode table(String id) {
        return f.ok(A, "DescribeRouteTableList", "RegionId", "cn-beijing", "RouteTableId", id)
                .get("RouterTableList").get("RouterTableListType").get(0);
    }

    @Test
    void anAttachedVSwitchUsesTheCustomTableAndNeitherIsDeletedWhileAttached() {
        CloudFixture.Vpc v = f.vpc(A, "cn-beijing", "10.0.0.0/16");
        String s = vswitch(v, "10.0.1.0/24");
        String t = f.ok(A, "CreateRouteTable", "RegionId", "cn-beijing", "VpcId", v.id(), "RouteTableName",
                "custom").get("RouteTableId").asText();
        f.ok(A, "AssociateRouteTable", "RegionId", "cn-beijing", "RouteTableId", t, "VSwitchId", s);
        assertEquals(s, table(t).get("VSwitchIds").get("VSwitchId").get(0).asText());
        assertEquals("Custom", table(t).get("RouteTableType").asText());
        assertEquals(0, table(v.table()).get("VSwitchIds").get("VSwitchId").size(), "the system table lost it");
        assertEquals(t, f.ok(A, "DescribeVSwitchAttributes", "RegionId", "cn-beijing", "VSwitchId", s)
                .get("RouteTable").get("RouteTableId").asText());
        f.refused("DependencyViolation.VSwitch", A, "DeleteRouteTable", "RegionId", "cn-beijing", "RouteTableId", t);
        f.refused("DependencyViolation.RouteTable", A, "DeleteVSwitch", "RegionId", "cn-beijing", "VSwitchId", s);
        f.ok(A, "UnassociateRouteTable", "RegionId", "cn-beijing", "RouteTableId", t, "VSwitchId", s);
        f.ok(A, "DeleteVSwitch", "RegionId", "cn-beijing", "VSwitchId", s);
        f.refused("DependencyViolation.RouteTable", A, "DeleteVpc", "RegionId", "cn-beijing", "VpcId", v.id());
        f.ok(A, "DeleteRouteTable", "RegionId", "cn-beijing", "RouteTableId", t);
        f.ok(A, "DeleteVpc", "RegionId", "cn-beijing", "VpcId", v.id());
    }

    @Test
    void aVSwitchOfAnotherVpcCannotBeAttached() {
        CloudFixture.Vpc v = f.vpc(A, "cn-beijing", "10.0.0.0/16");
        CloudFixture.Vpc other = f.vpc(A, "cn-beijing", "10.1.0.0/16");
        String s = vswitch(other, "10.1.1.0/24");
        String t = f.ok(A, "CreateRouteTable", "RegionId", "cn-beijing", "VpcId", v.id()).get("RouteTableId")
                .asText();
        f.refused("InvalidVSwitchId.NotInVpc", A, "AssociateRouteTable", "RegionId", "cn-beijing", "RouteTableId",
                t, "VSwitchId", s);
    }

    @Test
    void routesInACustomTableAreCheckedAgainstTheVpcsRouter() {
        CloudFixture.Vpc v = f.vpc(A, "cn-beijing", "10.0.0.0/16");
        String t = f.ok(A, "CreateRouteTable", "RegionId", "cn-beijing", "VpcId", v.id()).get("RouteTableId")
                .asText();
        f.ok(A, "CreateRouteEntry", "RegionId", "cn-beijing", "RouteTableId", t, "DestinationCidrBlock",
                "192.168.0.0/24", "NextHopType", "Ipv4Gateway", "NextHopId", "ipv4gw-x");
        f.waitTransitions();
        f.refused("DependencyViolation.RouteEntry", A, "DeleteRouteTable", "RegionId", "cn-beijing", "RouteTableId",
                t);
        assertEquals("Custom", f.ok(A, "DescribeRouteTables", "RegionId", "cn-beijing", "RouteTableId", t)
                .get("RouteTables").get("RouteTable").get(0).get("RouteTableType").asText());
    }

    @Test
    void aFastLinkInitiatorIsConnectedToTheAcceptingSideTheCloudMakesAndDeletedWithIt() {
        CloudFixture.Vpc v = f.vpc(A, "cn-beijing", "10.0.0.0/16");
        String vbr = f.vbr(A, 1300);
        String init = f.ok(A, "CreateRouterInterface", "RegionId", "cn-beijing", "Role", "InitiatingSide",
                "RouterType", "VBR", "RouterId", vbr, "Spec", "Mini.2", "OppositeRegionId", "cn-beijing",
                "OppositeRouterType", "VRouter", "OppositeRouterId", v.router(), "OppositeInterfaceOwnerId", A,
                "FastLinkMode", "true").get("RouterInterfaceId").asText();
        f.waitTransitions();
        JsonNode i = f.describe(A, "cn-beijing", init);
        assertEquals("Active", i.get("Status").asText());
        String acc = i.get("OppositeInterfaceId").asText();
        assertEquals("Active", f.status(A, "cn-beijing", acc));
        assertEquals(v.router(), f.describe(A, "cn-beijing", acc).get("RouterId").asText());
        f.ok(A, "DeleteExpressConnect", "RegionId", "cn-beijing", "RouterInterfaceId", init, "Force", "true");
        f.waitTransitions();
        assertNull(f.describe(A, "cn-beijing", init));
        assertNull(f.describe(A, "cn-beijing", acc));
    }

    @Test
    void fastLinkModeIsOnlyForAVbrsInitiatorTowardAVRouter() {
        CloudFixture.Vpc v = f.vpc(A, "cn-beijing", "10.0.0.0/16");
        f.refused("OperationUnsupported.FastLinkMode", A, "CreateRouterInterface", "RegionId", "cn-beijing", "Role",
                "InitiatingSide", "RouterType", "VRouter", "RouterId", v.router(), "Spec", "Mini.2",
                "OppositeRegionId", "cn-beijing", "FastLinkMode", "true");
        assertEquals(0, f.ok(A, "DescribeRouterInterfaces", "RegionId", "cn-beijing").get("TotalCount").asInt());
    }

    @Test
    void theCallerRegionsZonesAndDefaultResourceGroupAreAnswered() {
        assertEquals(B, f.ok(B, "GetCallerIdentity", "RegionId", "cn-hangzhou").get("AccountId").asText());
        assertEquals("cn-hangzhou-a", f.ok(B, "DescribeZones", "RegionId", "cn-hangzhou").get("Zones").get("Zone")
                .get(0).get("ZoneId").asText());
        assertEquals("default", f.ok(A, "ListResourceGroups", "RegionId", "cn-beijing").get("ResourceGroups")
                .get("ResourceGroup").get(0).get("Name").asText());
        JsonNode regions = f.ok(A, "DescribeRegions", "RegionId", "cn-beijing").get("Regions").get("Region");
        boolean beijing = false;
        for (JsonNode r : regions) {
            beijing |= r.get("RegionId").asText().equals("cn-beijing");
        }
        assertEquals(true, beijing);
    }
}

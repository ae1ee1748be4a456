package dev.peerform.emulator.sdk;

import static dev.peerform.emulator.sdk.SdkCloud.ACC_REGION;
import static dev.peerform.emulator.sdk.SdkCloud.INIT_REGION;
import static dev.peerform.emulator.sdk.SdkCloud.describeInterfaces;
import static dev.peerform.emulator.sdk.SdkCloud.in;
import static dev.peerform.emulator.sdk.SdkCloud.routes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyuncs.vpc.model.v20160428.CreateVpcRequest;
import com.aliyuncs.vpc.model.v20160428.DescribeRouteEntryListRequest;
import com.aliyuncs.vpc.model.v20160428.DescribeRouteEntryListResponse;
import com.aliyuncs.vpc.model.v20160428.DescribeRouterInterfacesRequest;
import com.aliyuncs.vpc.model.v20160428.DescribeRouterInterfacesResponse;
import com.aliyuncs.vpc.model.v20160428.DescribeRouterInterfacesResponse.RouterInterfaceType;
import com.aliyuncs.vpc.model.v20160428.DescribeVirtualBorderRoutersRequest;
import com.aliyuncs.vpc.model.v20160428.DescribeVirtualBorderRoutersResponse;
import com.aliyuncs.vpc.model.v20160428.DescribeVpcsRequest;
import com.aliyuncs.vpc.model.v20160428.DescribeVpcsResponse;
import com.aliyuncs.vpc.model.v20160428.ModifyRouterInterfaceAttributeRequest;
import dev.peerform.emulator.Seed;
import dev.peerform.emulator.cloud.Quotas;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Paging (PageNumber from 1, PageSize 1-50, TotalCount; DescribeRouteEntryList: MaxResult and NextToken in the SDK)
 * and filters of the describe calls, as the official SDK sends them and reads the answers.
 */
class DescribePagingAndFiltersSdkTest {

    private final SdkCloud cloud = new SdkCloud(Quotas.DEFAULTS.withInterfacesPerAccount(100)
            .withInterfacesPerRouter(100));

    @AfterEach
    void stop() {
        cloud.close();
    }

    private static DescribeRouterInterfacesRequest page(int number, Integer size) {
        DescribeRouterInterfacesRequest r = describeInterfaces(INIT_REGION, null);
        r.setPageNumber(number);
        r.setPageSize(size);
        return r;
    }

    @Test
    void routerInterfacesPageWithPageNumberFromOneAndPageSizeUpToFiftyAndCountThemAll() {
        SdkCloud.Vpc vpc = cloud.vpc(cloud.a, INIT_REGION, "10.0.0.0/16");
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 12; i++) {
            created.add(cloud.initiator(cloud.a, vpc, "Small.1", ACC_REGION));
        }
        DescribeRouterInterfacesResponse second = cloud.a.ok(page(2, 5));
        assertEquals(12, second.getTotalCount());
        assertEquals(2, second.getPageNumber());
        assertEquals(5, second.getPageSize());
        assertEquals(5, second.getRouterInterfaceSet().size());
        assertEquals(2, cloud.a.ok(page(3, 5)).getRouterInterfaceSet().size());
        assertEquals(0, cloud.a.ok(page(4, 5)).getRouterInterfaceSet().size());
        assertEquals(10, cloud.a.ok(page(1, null)).getRouterInterfaceSet().size(), "10 a page by default");
        Set<String> all = new HashSet<>();
        for (int n = 1; n <= 3; n++) {
            cloud.a.ok(page(n, 5)).getRouterInterfaceSet().forEach(t -> all.add(t.getRouterInterfaceId()));
        }
        assertEquals(created, all, "pages neither repeat nor skip an interface");
        assertEquals(12, cloud.a.ok(page(1, 50)).getRouterInterfaceSet().size());
    }

    @Test
    void pageSizeOutsideOneToFiftyIsRefused() {
        cloud.a.refused(page(1, 51)).isClientError();
        cloud.a.refused(page(1, 0)).isClientError();
        cloud.a.refused(page(0, 10)).isClientError();
    }

    @Test
    void routerInterfacesFilterOnIdRouterStatusRoleTypeNameAndOpposite() {
        SdkCloud.Peering p = cloud.connected();
        String idle = cloud.initiator(cloud.a, p.initVpc(), "Small.1", ACC_REGION);
        SdkCloud.Vpc other = cloud.vpc(cloud.a, INIT_REGION, "10.5.0.0/16");
        String elsewhere = cloud.initiator(cloud.a, other, "Small.1", ACC_REGION);
        ModifyRouterInterfaceAttributeRequest name = in(INIT_REGION, new ModifyRouterInterfaceAttributeRequest());
        name.setRouterInterfaceId(elsewhere);
        name.setName("edge-link");
        cloud.a.ok(name);

        assertEquals(Set.of(p.init(), elsewhere), ids("RouterInterfaceId", p.init(), elsewhere));
        assertEquals(Set.of(p.init(), idle), ids("RouterId", p.initVpc().router()));
        assertEquals(Set.of(p.init()), ids("Status", "Active"));
        assertEquals(Set.of(idle, elsewhere), ids("Status", "Idle"));
        assertEquals(Set.of(p.init()), ids("OppositeInterfaceId", p.acc()));
        assertEquals(Set.of(p.init()), ids("OppositeRouterId", p.accVpc().router()));
        assertEquals(Set.of(elsewhere), ids("Name", "edge-link"));
        assertEquals(Set.of(p.init(), idle, elsewhere), ids("Role", "InitiatingSide"));
        assertEquals(Set.of(p.init(), idle, elsewhere), ids("RouterType", "VRouter"));
        assertEquals(Set.of(), ids("RouterType", "VBR"));
        DescribeRouterInterfacesResponse seenByB = cloud.b.ok(describeInterfaces(INIT_REGION, "RouterInterfaceId",
                p.init()));
        assertEquals(0, seenByB.getTotalCount(), "an account sees only its own interfaces");
        RouterInterfaceType acc = cloud.describe(cloud.b, ACC_REGION, p.acc());
        assertNotNull(acc.getCreationTime());
        assertNotNull(acc.getConnectedTime());
    }

    private Set<String> ids(String key, String... values) {
        DescribeRouterInterfacesResponse r = cloud.a.ok(describeInterfaces(INIT_REGION, key, values));
        Set<String> out = new HashSet<>();
        r.getRouterInterfaceSet().forEach(t -> out.add(t.getRouterInterfaceId()));
        assertEquals(out.size(), r.getTotalCount(), "TotalCount counts what the filter kept");
        return out;
    }

    @Test
    void routeEntryListFiltersOnDestinationAndNextHop() {
        SdkCloud.Peering p = cloud.connected();
        cloud.route(cloud.a, p.initVpc(), "10.1.0.0/16", p.init());
        cloud.route(cloud.a, p.initVpc(), "172.16.0.0/12", p.init());
        DescribeRouteEntryListRequest byDestination = routes(INIT_REGION, p.initVpc().table());
        byDestination.setDestinationCidrBlock("172.16.0.0/12");
        List<DescribeRouteEntryListResponse.RouteEntry> found = cloud.a.ok(byDestination).getRouteEntrys();
        assertEquals(1, found.size());
        assertEquals("172.16.0.0/12", found.get(0).getDestinationCidrBlock());
        DescribeRouteEntryListRequest byNextHop = routes(INIT_REGION, p.initVpc().table());
        byNextHop.setNextHopId(p.init());
        assertEquals(2, cloud.a.ok(byNextHop).getRouteEntrys().size());
        byNextHop.setNextHopId("ri-m5e0someoneelse00000");
        assertEquals(0, cloud.a.ok(byNextHop).getRouteEntrys().size());
    }

    @Test
    void routeEntryListFiltersOnRouteEntryIdNameAndNextHopType() {
        SdkCloud.Peering p = cloud.connected();
        String first = cloud.route(cloud.a, p.initVpc(), "10.1.0.0/16", p.init());
        cloud.route(cloud.a, p.initVpc(), "172.16.0.0/12", p.init());
        DescribeRouteEntryListRequest byId = routes(INIT_REGION, p.initVpc().table());
        byId.setRouteEntryId(first);
        List<DescribeRouteEntryListResponse.RouteEntry> found = cloud.a.ok(byId).getRouteEntrys();
        assertEquals(1, found.size(), "RouteEntryId filters");
        assertEquals(first, found.get(0).getRouteEntryId());
        DescribeRouteEntryListRequest byName = routes(INIT_REGION, p.initVpc().table());
        byName.setRouteEntryName("nobody-named-this");
        assertEquals(0, cloud.a.ok(byName).getRouteEntrys().size(), "RouteEntryName filters");
        DescribeRouteEntryListRequest byType = routes(INIT_REGION, p.initVpc().table());
        byType.setNextHopType("Instance");
        assertEquals(0, cloud.a.ok(byType).getRouteEntrys().size(), "NextHopType filters");
    }

    @Test
    void routeEntryListPagesWithMaxResultAndNextTokenAndLosesNoEntry() {
        SdkCloud.Peering p = cloud.connected();
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 12; i++) {
            created.add(cloud.route(cloud.a, p.initVpc(), "172.20." + i + ".0/24", p.init()));
        }
        Set<String> listed = new HashSet<>();
        String token = null;
        int pages = 0;
        do {
            DescribeRouteEntryListRequest r = routes(INIT_REGION, p.initVpc().table());
            r.setRouteEntryType("Custom");
            r.setMaxResult(20);
            r.setNextToken(token);
            DescribeRouteEntryListResponse page = cloud.a.ok(r);
            assertTrue(page.getRouteEntrys().size() <= 20, "a page holds at most MaxResult entries");
            page.getRouteEntrys().forEach(e -> listed.add(e.getRouteEntryId()));
            token = page.getNextToken() == null || page.getNextToken().isEmpty() ? null : page.getNextToken();
            pages++;
        } while (token != null && pages < 10);
        assertEquals(created.size(), listed.size(), "following NextToken lists every entry: " + listed.size() + " of "
                + created.size() + " in " + pages + " page(s)");
        assertEquals(created, listed);
    }

    private DescribeVpcsRequest vpcs(Integer number, Integer size) {
        DescribeVpcsRequest r = in(INIT_REGION, new DescribeVpcsRequest());
        r.setPageNumber(number);
        r.setPageSize(size);
        return r;
    }

    @Test
    void vpcsPageAndFilterByIdAndCarryTheirRouterAndRouteTable() {
        SdkCloud.Vpc first = cloud.vpc(cloud.a, INIT_REGION, "10.0.0.0/16");
        cloud.vpc(cloud.a, INIT_REGION, "10.1.0.0/16");
        cloud.vpc(cloud.a, INIT_REGION, "10.2.0.0/16");
        cloud.vpc(cloud.b, INIT_REGION, "10.3.0.0/16");
        DescribeVpcsResponse page1 = cloud.a.ok(vpcs(1, 2));
        assertEquals(3, page1.getTotalCount(), "an account counts only its own VPCs");
        assertEquals(2, page1.getVpcs().size());
        assertEquals(1, page1.getPageNumber());
        assertEquals(2, page1.getPageSize());
        assertEquals(1, cloud.a.ok(vpcs(2, 2)).getVpcs().size());
        DescribeVpcsRequest byId = vpcs(null, null);
        byId.setVpcId(first.id());
        DescribeVpcsResponse one = cloud.a.ok(byId);
        assertEquals(1, one.getTotalCount());
        DescribeVpcsResponse.Vpc v = one.getVpcs().get(0);
        assertEquals(first.id(), v.getVpcId());
        assertEquals("10.0.0.0/16", v.getCidrBlock());
        assertEquals(first.router(), v.getVRouterId());
        assertEquals(List.of(first.table()), v.getRouterTableIds());
        assertEquals(INIT_REGION, v.getRegionId());
        assertEquals(Long.valueOf(Seed.ACCOUNT_A), v.getOwnerId());
        cloud.a.refused(vpcs(1, 51)).isClientError();
    }

    @Test
    void vpcsFilterByName() {
        CreateVpcRequest named = in(INIT_REGION, new CreateVpcRequest());
        named.setCidrBlock("10.0.0.0/16");
        named.setVpcName("production");
        String id = cloud.a.ok(named).getVpcId();
        cloud.vpc(cloud.a, INIT_REGION, "10.1.0.0/16");
        DescribeVpcsRequest byName = vpcs(null, null);
        byName.setVpcName("production");
        DescribeVpcsResponse r = cloud.a.ok(byName);
        assertEquals(1, r.getTotalCount(), "VpcName filters");
        assertEquals(id, r.getVpcs().get(0).getVpcId());
    }

    private DescribeVirtualBorderRoutersRequest vbrs(Integer number, Integer size, String key, String... values) {
        DescribeVirtualBorderRoutersRequest r = in(ACC_REGION, new DescribeVirtualBorderRoutersRequest());
        r.setPageNumber(number);
        r.setPageSize(size);
        if (key != null) {
            DescribeVirtualBorderRoutersRequest.Filter f = new DescribeVirtualBorderRoutersRequest.Filter();
            f.setKey(key);
            f.setValues(List.of(values));
            r.setFilters(List.of(f));
        }
        return r;
    }

    @Test
    void virtualBorderRoutersPageAndFilterById() {
        String first = cloud.vbr(101);
        String second = cloud.vbr(102);
        cloud.vbr(103);
        DescribeVirtualBorderRoutersResponse page1 = cloud.a.ok(vbrs(1, 2, null));
        assertEquals(3, page1.getTotalCount());
        assertEquals(2, page1.getVirtualBorderRouterSet().size());
        assertEquals(1, cloud.a.ok(vbrs(2, 2, null)).getVirtualBorderRouterSet().size());
        DescribeVirtualBorderRoutersResponse two = cloud.a.ok(vbrs(null, null, "VbrId", first, second));
        assertEquals(2, two.getTotalCount());
        DescribeVirtualBorderRoutersResponse.VirtualBorderRouterType vbr = cloud.a.ok(vbrs(null, null, "VbrId",
                first)).getVirtualBorderRouterSet().get(0);
        assertEquals(first, vbr.getVbrId());
        assertEquals(Seed.PHYSICAL_CONNECTION, vbr.getPhysicalConnectionId());
        assertEquals(101, vbr.getVlanId());
        assertTrue(vbr.getRouteTableId().startsWith("vtb-"), vbr.getRouteTableId());
        assertEquals(0, cloud.b.ok(vbrs(null, null, "VbrId", first)).getTotalCount(), "accounts are walls");
    }

    @Test
    void virtualBorderRoutersFilterOnPhysicalConnectionAndStatus() {
        cloud.vbr(101);
        cloud.vbr(102);
        assertEquals(2, cloud.a.ok(vbrs(null, null, "PhysicalConnectionId", Seed.PHYSICAL_CONNECTION))
                .getTotalCount());
        assertEquals(0, cloud.a.ok(vbrs(null, null, "PhysicalConnectionId", "pc-m5e0someoneelse00000"))
                .getTotalCount(), "PhysicalConnectionId filters");
        assertEquals(0, cloud.a.ok(vbrs(null, null, "Status", "terminated")).getTotalCount(), "Status filters");
    }
}

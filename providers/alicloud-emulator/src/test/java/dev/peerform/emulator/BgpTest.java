package dev.peerform.emulator;

import static dev.peerform.emulator.CloudFixture.A;
import static dev.peerform.emulator.CloudFixture.B;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peerform.emulator.cloud.Bgp;
import dev.peerform.emulator.cloud.Cloud;
import dev.peerform.emulator.cloud.CloudException;
import dev.peerform.emulator.cloud.Durations;
import dev.peerform.emulator.cloud.Model.Vbr;
import dev.peerform.emulator.cloud.Quotas;
import dev.peerform.emulator.cloud.World;
import dev.peerform.emulator.store.FileStore;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** BGP on a VBR: groups, peers and advertised networks, with the API's wrappers, statuses and refusals. */
class BgpTest {

    private final CloudFixture f = new CloudFixture();

    private String group(String vbr) {
        return f.ok(A, "CreateBgpGroup", "RegionId", "cn-beijing", "RouterId", vbr, "PeerAsn", "65001", "AuthKey",
                "s3cret", "Name", "idc").get("BgpGroupId").asText();
    }

    private String peer(String group, String ip) {
        return f.ok(A, "CreateBgpPeer", "RegionId", "cn-beijing", "BgpGroupId", group, "PeerIpAddress", ip)
                .get("BgpPeerId").asText();
    }

    private JsonNode describeGroup(String group) {
        return f.ok(A, "DescribeBgpGroups", "RegionId", "cn-beijing", "BgpGroupId", group).get("BgpGroups")
                .get("BgpGroup");
    }

    @Test
    void groupOnAVbrIsPendingThenAvailableWithTheApiWrapperAndDefaults() {
        String vbr = f.vbr(A, 100);
        String g = group(vbr);
        assertTrue(g.startsWith("bgpg-"), g);
        JsonNode listed = describeGroup(g);
        assertEquals(1, listed.size());
        assertEquals("Pending", listed.get(0).get("Status").asText());
        f.waitTransitions();
        JsonNode one = describeGroup(g).get(0);
        assertEquals("Available", one.get("Status").asText());
        assertEquals(vbr, one.get("RouterId").asText());
        assertEquals("65001", one.get("PeerAsn").asText());
        assertEquals(Long.toString(Bgp.DEFAULT_LOCAL_ASN), one.get("LocalAsn").asText());
        assertEquals("false", one.get("IsFake").asText());
        assertEquals(Integer.toString(Bgp.DEFAULT_ROUTE_LIMIT), one.get("RouteLimit").asText());
        assertEquals("IPv4", one.get("IpVersion").asText());
        assertEquals("s3cret", one.get("AuthKey").asText());
    }

    @Test
    void groupNeedsAVbrOfTheCallersOwn() {
        f.refused("InvalidVbrId.NotFound", A, "CreateBgpGroup", "RegionId", "cn-beijing", "RouterId",
                "vbr-missing", "PeerAsn", "65001");
        String vbr = f.vbr(A, 101);
        f.refused("InvalidVbrId.NotFound", B, "CreateBgpGroup", "RegionId", "cn-beijing", "RouterId", vbr,
                "PeerAsn", "65001");
    }

    @Test
    void groupNeedsAPeerAsnInRange() {
        String vbr = f.vbr(A, 102);
        f.refused("MissingParameter", A, "CreateBgpGroup", "RegionId", "cn-beijing", "RouterId", vbr);
        f.refused("InvalidParameter.PeerAsn", A, "CreateBgpGroup", "RegionId", "cn-beijing", "RouterId", vbr,
                "PeerAsn", "0");
    }

    @Test
    void ipv6SessionIsRefusedOnAVbrWithoutIpv6() {
        String vbr = f.vbr(A, 103);
        f.refused("OperationUnsupported.Ipv6", A, "CreateBgpGroup", "RegionId", "cn-beijing", "RouterId", vbr,
                "PeerAsn", "65001", "IpVersion", "IPv6");
    }

    @Test
    void groupOnAVbrThatIsNotActiveIsRefused() {
        World world = Seed.emptyWorld();
        Cloud cloud = new Cloud(world, new ManualClock(Instant.parse("2026-11-21T00:00:00Z")), Durations.INSTANT,
                Quotas.DEFAULTS);
        Vbr vbr = cloud.networks().createVbr(A, "cn-beijing", Seed.PHYSICAL_CONNECTION, 104, "10.0.0.1",
                "10.0.0.2", "255.255.255.252", null);
        vbr.status = "terminated";
        CloudException e = assertThrows(CloudException.class, () -> cloud.bgp().createGroup(A, "cn-beijing",
                vbr.id, new Bgp.GroupFields(65001L, null, null, null, false, null, null, null, null)));
        assertEquals("InvalidVBRStatus", e.code());
        CloudException n = assertThrows(CloudException.class, () -> cloud.bgp().addNetwork(A, "cn-beijing", vbr.id,
                "10.30.0.0/16", null));
        assertEquals("InvalidVBRStatus", n.code());
    }

    @Test
    void modifyGroupChangesItInPlaceAndClearAuthKeyRemovesTheKey() {
        String g = group(f.vbr(A, 105));
        f.waitTransitions();
        f.ok(A, "ModifyBgpGroupAttribute", "RegionId", "cn-beijing", "BgpGroupId", g, "PeerAsn", "65002",
                "RouteQuota", "200", "Name", "idc-2", "ClearAuthKey", "true");
        JsonNode one = describeGroup(g).get(0);
        assertEquals("65002", one.get("PeerAsn").asText());
        assertEquals("200", one.get("RouteLimit").asText());
        assertEquals("idc-2", one.get("Name").asText());
        assertEquals("", one.get("AuthKey").asText());
        assertEquals("Pending", one.get("Status").asText(), "a change is applied in the background");
    }

    @Test
    void peerNeedsItsGroup() {
        f.refused("InvalidBgpGroupId.NotFound", A, "CreateBgpPeer", "RegionId", "cn-beijing", "BgpGroupId",
                "bgpg-missing", "PeerIpAddress", "10.0.0.2");
    }

    @Test
    void peerIsListedInItsGroupWithTheApiWrapper() {
        String vbr = f.vbr(A, 106);
        String g = group(vbr);
        String p = f.ok(A, "CreateBgpPeer", "RegionId", "cn-beijing", "BgpGroupId", g, "PeerIpAddress", "10.0.0.2",
                "EnableBfd", "true", "BfdMultiHop", "3").get("BgpPeerId").asText();
        assertTrue(p.startsWith("bgp-"), p);
        f.waitTransitions();
        JsonNode one = f.ok(A, "DescribeBgpPeers", "RegionId", "cn-beijing", "BgpPeerId", p).get("BgpPeers")
                .get("BgpPeer").get(0);
        assertEquals(g, one.get("BgpGroupId").asText());
        assertEquals("10.0.0.2", one.get("PeerIpAddress").asText());
        assertTrue(one.get("EnableBfd").asBoolean());
        assertEquals(3, one.get("BfdMultiHop").asInt());
        assertEquals("Available", one.get("Status").asText());
        assertEquals(1, f.ok(A, "DescribeBgpPeers", "RegionId", "cn-beijing", "RouterId", vbr).get("TotalCount")
                .asInt());
    }

    @Test
    void peerAddressIsAnIpAndUniqueInItsGroup() {
        String g = group(f.vbr(A, 107));
        f.refused("InvalidPeerIpAddress", A, "CreateBgpPeer", "RegionId", "cn-beijing", "BgpGroupId", g,
                "PeerIpAddress", "not-an-ip");
        peer(g, "10.0.0.2");
        f.refused("InvalidPeerIpAddress.AlreadyExists", A, "CreateBgpPeer", "RegionId", "cn-beijing",
                "BgpGroupId", g, "PeerIpAddress", "10.0.0.2");
    }

    @Test
    void bfdHopCountIsBetweenOneAnd255() {
        String g = group(f.vbr(A, 108));
        f.refused("InvalidParameter.BfdMultiHop", A, "CreateBgpPeer", "RegionId", "cn-beijing", "BgpGroupId", g,
                "EnableBfd", "true", "BfdMultiHop", "256");
    }

    @Test
    void modifyPeerChangesAddressAndBfdInPlace() {
        String g = group(f.vbr(A, 109));
        String p = peer(g, "10.0.0.2");
        f.ok(A, "ModifyBgpPeerAttribute", "RegionId", "cn-beijing", "BgpPeerId", p, "PeerIpAddress", "10.0.0.6",
                "EnableBfd", "true", "BfdMultiHop", "1");
        JsonNode one = f.ok(A, "DescribeBgpPeers", "RegionId", "cn-beijing", "BgpPeerId", p).get("BgpPeers")
                .get("BgpPeer").get(0);
        assertEquals("10.0.0.6", one.get("PeerIpAddress").asText());
        assertEquals(1, one.get("BfdMultiHop").asInt());
    }

    @Test
    void groupWithPeersCannotBeDeleted() {
        String g = group(f.vbr(A, 110));
        String p = peer(g, "10.0.0.2");
        f.waitTransitions();
        f.refused("DependencyViolation.BgpPeer", A, "DeleteBgpGroup", "RegionId", "cn-beijing", "BgpGroupId", g);
        f.ok(A, "DeleteBgpPeer", "RegionId", "cn-beijing", "BgpPeerId", p);
        f.ok(A, "DeleteBgpGroup", "RegionId", "cn-beijing", "BgpGroupId", g);
        assertEquals(0, describeGroup(g).size());
        f.refused("InvalidBgpGroupId.NotFound", A, "DeleteBgpGroup", "RegionId", "cn-beijing", "BgpGroupId", g);
        f.refused("InvalidBgpPeerId.NotFound", A, "DeleteBgpPeer", "RegionId", "cn-beijing", "BgpPeerId", p);
    }

    @Test
    void groupIsDeletedOnlyOnceAvailable() {
        String g = group(f.vbr(A, 111));
        f.refused("IncorrectStatus.BgpGroup", A, "DeleteBgpGroup", "RegionId", "cn-beijing", "BgpGroupId", g);
    }

    @Test
    void networkIsAdvertisedOnceAndListedByVbr() {
        String vbr = f.vbr(A, 112);
        f.ok(A, "AddBgpNetwork", "RegionId", "cn-beijing", "RouterId", vbr, "DstCidrBlock", "10.30.0.0/16");
        f.refused("InvalidDstCidrBlock.AlreadyExists", A, "AddBgpNetwork", "RegionId", "cn-beijing", "RouterId", vbr,
                "DstCidrBlock", "10.30.0.0/16");
        f.refused("InvalidCidrBlock.Malformed", A, "AddBgpNetwork", "RegionId", "cn-beijing", "RouterId", vbr,
                "DstCidrBlock", "10.30.0.0/33");
        f.waitTransitions();
        JsonNode list = f.ok(A, "DescribeBgpNetworks", "RegionId", "cn-beijing", "RouterId", vbr)
                .get("BgpNetworks").get("BgpNetwork");
        assertEquals(1, list.size());
        assertEquals("10.30.0.0/16", list.get(0).get("DstCidrBlock").asText());
        assertEquals("Available", list.get(0).get("Status").asText());
        f.ok(A, "DeleteBgpNetwork", "RegionId", "cn-beijing", "RouterId", vbr, "DstCidrBlock", "10.30.0.0/16");
        f.refused("InvalidBgpNetwork.NotFound", A, "DeleteBgpNetwork", "RegionId", "cn-beijing", "RouterId", vbr,
                "DstCidrBlock", "10.30.0.0/16");
    }

    @Test
    void vbrWithBgpCannotBeDeleted() {
        String vbr = f.vbr(A, 113);
        String g = group(vbr);
        f.refused("DependencyViolation.BgpGroup", A, "DeleteVirtualBorderRouter", "RegionId", "cn-beijing",
                "VbrId", vbr);
        f.waitTransitions();
        f.ok(A, "DeleteBgpGroup", "RegionId", "cn-beijing", "BgpGroupId", g);
        f.ok(A, "AddBgpNetwork", "RegionId", "cn-beijing", "RouterId", vbr, "DstCidrBlock", "10.30.0.0/16");
        f.refused("DependencyViolation.BgpNetwork", A, "DeleteVirtualBorderRouter", "RegionId", "cn-beijing",
                "VbrId", vbr);
    }

    @Test
    void createGroupHonoursClientToken() {
        String vbr = f.vbr(A, 114);
        String first = f.ok(A, "CreateBgpGroup", "RegionId", "cn-beijing", "RouterId", vbr, "PeerAsn", "65001",
                "ClientToken", "t-1").get("BgpGroupId").asText();
        String again = f.ok(A, "CreateBgpGroup", "RegionId", "cn-beijing", "RouterId", vbr, "PeerAsn", "65001",
                "ClientToken", "t-1").get("BgpGroupId").asText();
        assertEquals(first, again);
        assertEquals(1, f.ok(A, "DescribeBgpGroups", "RegionId", "cn-beijing", "RouterId", vbr).get("TotalCount")
                .asInt());
    }

    @Test
    void bgpObjectsArePersistedInTheWorld(@TempDir Path dir) {
        World world = Seed.emptyWorld();
        Cloud cloud = new Cloud(world, new ManualClock(Instant.parse("2026-11-21T00:00:00Z")), Durations.INSTANT,
                Quotas.DEFAULTS);
        Vbr vbr = cloud.networks().createVbr(A, "cn-beijing", Seed.PHYSICAL_CONNECTION, 115, "10.0.0.1",
                "10.0.0.2", "255.255.255.252", null);
        String g = cloud.bgp().createGroup(A, "cn-beijing", vbr.id,
                new Bgp.GroupFields(65001L, null, true, "k", false, null, null, "idc", null)).id;
        String p = cloud.bgp().createPeer(A, g, "10.0.0.2", true, 3, null).id;
        cloud.bgp().addNetwork(A, "cn-beijing", vbr.id, "10.30.0.0/16", null);
        FileStore store = new FileStore(dir.resolve("cloud.json"));
        store.save(world);
        World loaded = store.load();
        assertTrue(loaded.bgpGroups.get(g).fakeAsn);
        assertEquals(3, loaded.bgpPeers.get(p).bfdMultiHop);
        assertNotNull(loaded.bgpNetworks.get(vbr.id + ":10.30.0.0/16"));
    }
}

package dev.peerform.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peerform.emulator.cloud.World;
import dev.peerform.emulator.store.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * BGP on the VBR end to end: the data-centre examples' BGP variants plan, apply, re-plan clean and destroy against
 * the emulator, in the cloud's order (the VBR, then the group, then the peer; in reverse on destroy) without any
 * depends_on, and the plan warns when an advertised range differs from a static route on the same VBR.
 */
class BgpScenariosTest {

    @TempDir
    Path dir;

    private static void ok(Scenario.Run r) {
        assertEquals(0, r.exitCode(), r.out() + r.err());
    }

    private World world() {
        return new FileStore(dir.resolve(".peerform/cloud.json")).load();
    }

    @ParameterizedTest(name = "{0} over {1}")
    @CsvSource({"idc-to-vpc-shared-line-bgp, embedded, -", "idc-to-vpc-shared-line-bgp, http, -",
        "one-line-several-vpcs-bgp, embedded, 12345678", "one-line-several-vpcs-bgp, http, 12345678"})
    void bgpExampleAppliesPlansCleanAndDestroysInTheCloudsOrder(String example, String transport, String account)
            throws Exception {
        try (Scenario s = Scenario.example(example, dir)) {
            if (transport.equals("http")) {
                s.overHttp(account);
            }
            Scenario.Run apply = s.run("apply", "-auto-approve");
            ok(apply);
            assertFalse(apply.out().contains("demo-bgp-key"), "the BGP key is sensitive: " + apply.out());
            assertFalse(apply.out().contains("Advertised range differs"), apply.out());
            assertTrue(s.first("CreateVirtualBorderRouter") < s.first("CreateBgpGroup"), s.actions().toString());
            assertTrue(s.first("CreateVirtualBorderRouter") < s.first("AddBgpNetwork"), s.actions().toString());
            assertTrue(s.first("CreateBgpGroup") < s.first("CreateBgpPeer"), s.actions().toString());
            World applied = world();
            assertEquals(1, applied.bgpGroups.size());
            assertEquals(1, applied.bgpPeers.size());
            assertEquals(example.startsWith("one-line") ? 3 : 1, applied.bgpNetworks.size());
            String peerIp = applied.bgpPeers.values().iterator().next().peerIpAddress;
            String vbr = applied.bgpGroups.values().iterator().next().routerId;
            assertEquals(applied.vbrs.get(vbr).peerGatewayIp, peerIp, "the peer is the VBR's far end");

            // plans and logs: everything but the configuration, the emulated cloud's own world and the state, which
            // keeps the key as Terraform's does (marked in sensitive_attributes, so never shown)
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(f -> Files.isRegularFile(f) && !f.toString().endsWith(".tf")
                        && !f.getFileName().toString().startsWith("cloud.json")
                        && !f.getFileName().toString().startsWith("terraform.tfstate")).toList()) {
                    assertFalse(Files.readString(f).contains("demo-bgp-key"), f + " holds the BGP key");
                }
            }
            assertFalse(s.run("show").out().contains("demo-bgp-key"), "show redacts the BGP key");
            Scenario.Run clean = s.run("plan", "-detailed-exitcode");
            assertEquals(0, clean.exitCode(), clean.out() + clean.err());

            ok(s.run("destroy", "-auto-approve"));
            assertEquals("", s.run("state", "list").out());
            assertTrue(s.last("DeleteBgpPeer") < s.first("DeleteBgpGroup"), s.actions().toString());
            assertTrue(s.last("DeleteBgpGroup") < s.first("DeleteVirtualBorderRouter"), s.actions().toString());
            assertTrue(s.last("DeleteBgpNetwork") < s.first("DeleteVirtualBorderRouter"), s.actions().toString());
            World gone = world();
            assertEquals(0, gone.bgpGroups.size() + gone.bgpPeers.size() + gone.bgpNetworks.size());
            assertFalse(gone.vbrs.containsKey(vbr), "the example's VBR is gone");
            assertTrue(s.log().stream().noneMatch(c -> c.result != null && c.result.startsWith("DependencyViolation")),
                    "the cloud never had to refuse a delete");
        }
    }

    @Test
    void advertisingPartOfAStaticallyRoutedRangeIsWarnedAboutAtPlanTime() throws Exception {
        try (Scenario s = Scenario.example("one-line-several-vpcs-bgp", dir)) {
            Files.writeString(dir.resolve("narrow.tf"), """
                    resource "alicloud_vpc_bgp_network" "web_front" {
                      router_id      = alicloud_express_connect_virtual_border_router.line.id
                      dst_cidr_block = "10.41.0.0/24"
                    }
                    """);
            Scenario.Run plan = s.run("plan", "-no-color");
            ok(plan);
            assertTrue(plan.out().contains("Advertised range differs from the static route"), plan.out());
            assertTrue(plan.out().contains("alicloud_route_entry.to_vpc[\"web\"]"), plan.out());
        }
    }

    @Test
    void bgpObjectsAreImportedByTheOfficialIdsAndThenPlanClean() throws Exception {
        try (Scenario s = Scenario.example("idc-to-vpc-shared-line-bgp", dir)) {
            ok(s.run("apply", "-auto-approve"));
            World w = world();
            String group = w.bgpGroups.keySet().iterator().next();
            String peer = w.bgpPeers.keySet().iterator().next();
            String network = w.bgpNetworks.keySet().iterator().next();
            assertTrue(network.matches("vbr-[a-z0-9]+:10\\.30\\.0\\.0/16"), network);
            for (String address : new String[] {"alicloud_vpc_bgp_peer.idc", "alicloud_vpc_bgp_group.idc",
                "alicloud_vpc_bgp_network.app"}) {
                ok(s.run("state", "rm", address));
            }
            ok(s.run("import", "alicloud_vpc_bgp_group.idc", group));
            ok(s.run("import", "alicloud_vpc_bgp_peer.idc", peer));
            ok(s.run("import", "alicloud_vpc_bgp_network.app", network));
            Scenario.Run clean = s.run("plan", "-detailed-exitcode");
            assertEquals(0, clean.exitCode(), clean.out() + clean.err());
            ok(s.run("state", "rm", "alicloud_vpc_bgp_network.app"));
            Scenario.Run wrong = s.run("import", "alicloud_vpc_bgp_network.app", "not-an-id");
            assertTrue(wrong.exitCode() != 0);
            assertTrue((wrong.out() + wrong.err()).contains("<router_id>:<dst_cidr_block>"), wrong.out() + wrong.err());
        }
    }
}

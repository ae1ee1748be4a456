package dev.peerform.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peerform.emulator.store.FileStore;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mistakes the cloud would reject, refused by {@code plan} with a message naming the resource and the fix, before
 * anything reaches the cloud: the emulator receives no change.
 */
class AlicloudValidationTest {

    @TempDir
    Path dir;

    private static final String PROVIDER = """
            provider "alicloud" {
              region     = "cn-beijing"
              access_key = "LTAIpeerformDemo87654321"
              secret_key = "demo-secret-87654321"
            }
            """;

    private static String pair(String initiatorExtra, String acceptorExtra, String cidrA, String cidrB) {
        return PROVIDER + """
                resource "alicloud_vpc" "a" { cidr_block = "%s" }
                resource "alicloud_vpc" "b" { cidr_block = "%s" }
                resource "alicloud_router_interface" "init" {
                  opposite_region = "cn-beijing"
                  router_type     = "VRouter"
                  router_id       = alicloud_vpc.a.router_id
                  role            = "InitiatingSide"
                  %s
                }
                resource "alicloud_router_interface" "acc" {
                  opposite_region = "cn-beijing"
                  router_type     = "VRouter"
                  router_id       = alicloud_vpc.b.router_id
                  role            = "AcceptingSide"
                  %s
                }
                resource "alicloud_router_interface_connection" "init" {
                  interface_id          = alicloud_router_interface.init.id
                  opposite_interface_id = alicloud_router_interface.acc.id
                }
                resource "alicloud_router_interface_connection" "acc" {
                  interface_id          = alicloud_router_interface.acc.id
                  opposite_interface_id = alicloud_router_interface.init.id
                }
                """.formatted(cidrA, cidrB, initiatorExtra, acceptorExtra);
    }

    /** Plans {@code config}; asserts it is refused with {@code summary} naming {@code address}; nothing changed. */
    private Scenario.Run refused(String config, String summary, String address) throws Exception {
        Scenario s = Scenario.config(config, dir);
        Scenario.Run r = s.run("plan", "-no-color");
        assertEquals(1, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().contains("Error: " + summary), r.err());
        assertTrue(r.err().contains("with " + address), r.err());
        String[] typeAndName = address.replaceAll("\\[.*", "").split("\\.");
        assertTrue(r.err().matches("(?s).*on main\\.tf line \\d+, column \\d+, in resource \""
                + typeAndName[0] + "\" \"" + typeAndName[1] + "\".*"), "shown at the resource's block: " + r.err());
        assertEquals(0, s.changes().size(), "the cloud received no change: " + s.actions());
        return r;
    }

    @Test
    void specNotInTheListIsRefusedWithTheNearestSuggested() throws Exception {
        Scenario.Run r = refused(pair("specification = \"Large.3\"", "", "10.0.0.0/16", "10.1.0.0/16"),
                "Unsupported specification", "alicloud_router_interface.init");
        assertTrue(r.err().contains("Did you mean \"Large.2\"?"), r.err());
    }

    /** As the official provider: an acceptor's spec is sent as Negative, said once, and never shows a diff. */
    @Test
    void acceptorWithABandwidthIsSentAsNegativeWithOneWarningAndPlansCleanAfterApply() throws Exception {
        Scenario s = Scenario.config(pair("specification = \"Large.2\"", "specification = \"Large.1\"",
                "10.0.0.0/16", "10.1.0.0/16"), dir);
        Scenario.Run plan = s.run("plan", "-no-color");
        assertEquals(0, plan.exitCode(), plan.err());
        assertEquals(1, plan.out().split("Warning: Acceptor specification ignored", -1).length - 1, plan.out());
        assertEquals(0, s.run("apply", "-auto-approve").exitCode());
        new FileStore(dir.resolve(".peerform/cloud.json")).load(); // the logged changes into the file
        String world = java.nio.file.Files.readString(dir.resolve(".peerform/cloud.json"));
        assertTrue(world.contains("\"Negative\""), "the cloud was sent Negative: " + world);
        Scenario.Run again = s.run("plan", "-detailed-exitcode", "-no-color");
        assertEquals(0, again.exitCode(), again.out() + again.err());
    }

    /** As the official provider: an acceptor is created as a VRouter interface, whatever router_type says. */
    @Test
    void vbrAcceptorPlansAsAVRouterInterfaceAsTheOfficialProviderSendsIt() throws Exception {
        Scenario s = Scenario.config(PROVIDER + """
                resource "alicloud_router_interface" "vbr" {
                  opposite_region = "cn-beijing"
                  router_type     = "VBR"
                  router_id       = "vbr-anything"
                  role            = "AcceptingSide"
                }
                """, dir);
        Scenario.Run plan = s.run("plan", "-no-color");
        assertEquals(0, plan.exitCode(), plan.err());
        assertTrue(plan.out().matches("(?s).*router_type +\\= \"VRouter\".*"), plan.out());
    }

    @Test
    void prepaidAcceptorIsRefused() throws Exception {
        refused(pair("", "instance_charge_type = \"PrePaid\"", "10.0.0.0/16", "10.1.0.0/16"), "Prepaid acceptor",
                "alicloud_router_interface.acc");
    }

    @Test
    void twoConnectionsBetweenTheSameTwoRoutersAreRefused() throws Exception {
        String second = """
                resource "alicloud_router_interface" "init2" {
                  opposite_region = "cn-beijing"
                  router_type     = "VRouter"
                  router_id       = alicloud_vpc.a.router_id
                  role            = "InitiatingSide"
                }
                resource "alicloud_router_interface" "acc2" {
                  opposite_region = "cn-beijing"
                  router_type     = "VRouter"
                  router_id       = alicloud_vpc.b.router_id
                  role            = "AcceptingSide"
                }
                resource "alicloud_router_interface_connection" "second" {
                  interface_id          = alicloud_router_interface.init2.id
                  opposite_interface_id = alicloud_router_interface.acc2.id
                }
                """;
        refused(pair("", "", "10.0.0.0/16", "10.1.0.0/16") + second, "Two connections between the same two routers",
                "alicloud_router_interface_connection.second");
    }

    @Test
    void sixthInterfaceOnOneRouterIsRefused() throws Exception {
        refused(PROVIDER + """
                resource "alicloud_vpc" "a" { cidr_block = "10.0.0.0/16" }
                resource "alicloud_router_interface" "many" {
                  count           = 6
                  opposite_region = "cn-hangzhou"
                  router_type     = "VRouter"
                  router_id       = alicloud_vpc.a.router_id
                  role            = "InitiatingSide"
                }
                """, "Too many interfaces on one router", "alicloud_router_interface.many[5]");
    }

    @Test
    void eleventhInterfaceInOneAccountIsRefused() throws Exception {
        refused(PROVIDER + """
                resource "alicloud_vpc" "v" {
                  count      = 3
                  cidr_block = "10.${count.index}.0.0/16"
                }
                resource "alicloud_router_interface" "many" {
                  count           = 11
                  opposite_region = "cn-hangzhou"
                  router_type     = "VRouter"
                  router_id       = alicloud_vpc.v[count.index % 3].router_id
                  role            = "InitiatingSide"
                }
                """, "Too many interfaces in one account", "alicloud_router_interface.many");
    }

    @Test
    void overlappingPeeredVpcsAreRefused() throws Exception {
        refused(pair("", "", "172.16.0.0/12", "172.16.8.0/24"), "Peered VPCs overlap",
                "alicloud_router_interface_connection.init");
    }

    @Test
    void routeToTheReservedRangeIsRefusedWithItsHalvesSuggested() throws Exception {
        Scenario.Run r = refused(pair("", "", "10.0.0.0/16", "10.1.0.0/16") + """
                resource "alicloud_route_entry" "services" {
                  route_table_id        = alicloud_vpc.a.route_table_id
                  destination_cidrblock = "100.64.0.0/10"
                  nexthop_type          = "RouterInterface"
                  nexthop_id            = alicloud_router_interface.init.id
                }
                """, "Reserved destination", "alicloud_route_entry.services");
        assertTrue(r.err().contains("100.64.0.0/11") && r.err().contains("100.96.0.0/11"), r.err());
    }

    @Test
    void duplicateDestinationsInOneTableAreRefused() throws Exception {
        refused(pair("", "", "10.0.0.0/16", "10.1.0.0/16") + """
                resource "alicloud_route_entry" "one" {
                  route_table_id        = alicloud_vpc.a.route_table_id
                  destination_cidrblock = "10.1.0.0/16"
                  nexthop_id            = alicloud_router_interface.init.id
                }
                resource "alicloud_route_entry" "two" {
                  route_table_id        = alicloud_vpc.a.route_table_id
                  destination_cidrblock = "10.1.0.0/16"
                  nexthop_id            = alicloud_router_interface.init.id
                }
                """, "Duplicate route destination", "alicloud_route_entry.two");
    }

    @Test
    void nextHopOnAnotherRoutersInterfaceIsRefused() throws Exception {
        refused(pair("", "", "10.0.0.0/16", "10.1.0.0/16") + """
                resource "alicloud_route_entry" "wrong" {
                  route_table_id        = alicloud_vpc.a.route_table_id
                  destination_cidrblock = "10.1.0.0/16"
                  nexthop_id            = alicloud_router_interface.acc.id
                }
                """, "Next hop on another router", "alicloud_route_entry.wrong");
    }

    @Test
    void oneWayRoutingIsAWarningAndThePlanGoesOn() throws Exception {
        Scenario s = Scenario.config(pair("", "", "10.0.0.0/16", "10.1.0.0/16") + """
                resource "alicloud_route_entry" "there" {
                  route_table_id        = alicloud_vpc.a.route_table_id
                  destination_cidrblock = "10.1.0.0/16"
                  nexthop_id            = alicloud_router_interface.init.id
                }
                """, dir);
        Scenario.Run r = s.run("plan", "-no-color");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("Warning: One-way routing"), r.out());
        assertTrue(r.out().contains("alicloud_route_entry.there"), r.out());
        assertTrue(r.out().contains("route_table_id = alicloud_vpc.b.route_table_id, destination_cidrblock = "
                + "\"10.0.0.0/16\", nexthop_type = \"RouterInterface\", nexthop_id = alicloud_router_interface.acc.id"),
                "the warning names the route to add: " + r.out());
    }

    @Test
    void namesAndDescriptionsOutsideTheOfficialLengthsAreRefused() throws Exception {
        refused(pair("name = \"x\"", "", "10.0.0.0/16", "10.1.0.0/16"), "Invalid value for name",
                "alicloud_router_interface.init");
        refused(pair("description = \"d\"", "", "10.0.0.0/16", "10.1.0.0/16"),
                "Invalid value for description", "alicloud_router_interface.init");
    }

    /** The official schema checks only the length: a name may start with a digit. */
    @Test
    void nameStartingWithADigitPlansAsTheOfficialProviderAllows() throws Exception {
        Scenario s = Scenario.config(pair("name = \"1-starts-with-a-digit\"", "", "10.0.0.0/16", "10.1.0.0/16"),
                dir);
        Scenario.Run plan = s.run("plan", "-no-color");
        assertEquals(0, plan.exitCode(), plan.err());
    }

    /** The example's access key variable is not declared sensitive: feeding a provider's access_key makes it so. */
    @Test
    void secretsNeverAppearInStatePlansOrErrors() throws Exception {
        Scenario s = Scenario.example("vpc-peering-same-account", dir);
        assertEquals(0, s.run("plan", "-out=p.plan").exitCode());
        assertEquals(0, s.run("apply", "p.plan").exitCode());
        for (String f : new String[] {"terraform.tfstate", "p.plan"}) {
            String text = java.nio.file.Files.readString(dir.resolve(f));
            assertFalse(text.contains("demo-secret-87654321"), f + " holds the secret key");
            assertFalse(text.contains("LTAIpeerformDemo87654321"), f + " holds the access key id");
        }
        Scenario.Run show = s.run("show", "-json", "p.plan");
        assertFalse(show.out().contains("demo-secret-87654321"), "show -json of the plan holds the secret key");
        assertFalse(show.out().contains("LTAIpeerformDemo87654321"), "show -json of the plan holds the access key");
        Scenario.Run plan = s.run("plan", "-json");
        assertFalse(plan.out().contains("LTAIpeerformDemo87654321") || plan.err().contains("LTAIpeerformDemo"));
    }

    /** A table holds one route per destination: an entry peerform does not manage blocks a new one at plan time. */
    @Test
    void aRouteToADestinationTheTableAlreadyHasOutsidePeerformIsRefusedAtPlanTime() throws Exception {
        Scenario s = Scenario.example("vpc-peering-same-account", dir);
        assertEquals(0, s.run("apply", "-auto-approve").exitCode());
        String hop = s.run("output", "-raw", "initiator_interface").out().trim();
        assertEquals(0, s.run("state", "rm", "alicloud_route_entry.qingdao_to_beijing").exitCode());
        int callsBefore = s.changes().size();
        Scenario.Run plan = s.run("plan", "-no-color");
        assertEquals(1, plan.exitCode(), plan.out() + plan.err());
        assertTrue(plan.err().contains("Error: Route destination already taken"), plan.err());
        assertTrue(plan.err().contains("with alicloud_route_entry.qingdao_to_beijing"), plan.err());
        assertEquals(callsBefore, s.changes().size(), "the cloud received no change");
        String table = plan.err().replaceAll("(?s).*The route table (\\S+) already.*", "$1");
        assertEquals(0, s.run("import", "alicloud_route_entry.qingdao_to_beijing",
                table + ":192.168.0.0/16:RouterInterface:" + hop).exitCode(), "the suggested import works");
        assertEquals(0, s.run("plan", "-detailed-exitcode").exitCode());
    }
}

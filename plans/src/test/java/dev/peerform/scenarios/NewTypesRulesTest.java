package dev.peerform.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peerform.emulator.cloud.World;
import dev.peerform.emulator.store.FileStore;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official schema's rules for vSwitches, route tables and the new router interface as validate reports them,
 * and the official import ids.
 */
class NewTypesRulesTest {

    private static final String PROVIDER = """
            provider "alicloud" {
              region = "cn-beijing"
            }
            resource "alicloud_vpc" "v" {
              cidr_block = "10.70.0.0/16"
            }
            """;

    @TempDir
    Path dir;

    @Test
    void aVSwitchNeedsExactlyOneOfZoneIdAndAvailabilityZone() throws IOException {
        Scenario.Run r = Scenario.config(PROVIDER + """
                resource "alicloud_vswitch" "s" {
                  vpc_id     = alicloud_vpc.v.id
                  cidr_block = "10.70.1.0/24"
                }
                """, dir).run("validate", "-no-color");
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("one of `availability_zone,zone_id` must be specified"), r.err());
    }

    @Test
    void theDeprecatedAvailabilityZoneIsAcceptedWithTheOfficialWarningAndFillsZoneId() throws IOException {
        Scenario s = Scenario.config(PROVIDER + """
                resource "alicloud_vswitch" "s" {
                  vpc_id            = alicloud_vpc.v.id
                  cidr_block        = "10.70.1.0/24"
                  availability_zone = "cn-beijing-c"
                }
                """, dir);
        Scenario.Run r = s.run("apply", "-auto-approve", "-no-color");
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue((r.out() + r.err()).contains("New field 'zone_id' instead."), r.out() + r.err());
        assertTrue(s.run("state", "show", "alicloud_vswitch.s").out().contains("zone_id"));
        assertEquals(0, s.run("plan", "-detailed-exitcode", "-no-color").exitCode());
    }

    @Test
    void anExpressConnectInterfaceWithAnUnknownSpecIsRefusedNamingTheAllowedValues() throws IOException {
        Scenario.Run r = Scenario.config(PROVIDER + """
                resource "alicloud_express_connect_router_interface" "i" {
                  role               = "InitiatingSide"
                  router_type        = "VRouter"
                  router_id          = alicloud_vpc.v.router_id
                  spec               = "Huge.9"
                  opposite_region_id = "cn-hangzhou"
                }
                """, dir).run("validate", "-no-color");
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("expected spec to be one of [\"Mini.2\"") && r.err().contains("got Huge.9"),
                r.err());
    }

    @Test
    void anIdleInterfaceWithoutFastLinkIsCreatedLeftIdleAndDeleted() throws IOException {
        Scenario s = Scenario.config(PROVIDER + """
                resource "alicloud_express_connect_router_interface" "i" {
                  role                  = "InitiatingSide"
                  router_type           = "VRouter"
                  router_id             = alicloud_vpc.v.router_id
                  spec                  = "Small.1"
                  opposite_region_id    = "cn-hangzhou"
                  router_interface_name = "lone"
                  payment_type          = "PayAsYouGo"
                }
                """, dir);
        Scenario.Run r = s.run("apply", "-auto-approve", "-no-color");
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(s.run("state", "show", "alicloud_express_connect_router_interface.i").out().contains("\"Idle\""));
        assertEquals(0, s.run("plan", "-detailed-exitcode", "-no-color").exitCode());
        assertEquals(0, s.run("destroy", "-auto-approve", "-no-color").exitCode());
        assertTrue(!s.actions().contains("ConnectRouterInterface") && s.actions().contains("DeleteRouterInterface"));
    }

    @Test
    void aRouteTableAttachmentIsImportedByTableAndVSwitch() throws IOException {
        String config = PROVIDER + """
                resource "alicloud_vswitch" "s" {
                  vpc_id     = alicloud_vpc.v.id
                  cidr_block = "10.70.1.0/24"
                  zone_id    = "cn-beijing-a"
                }
                resource "alicloud_route_table" "t" {
                  vpc_id = alicloud_vpc.v.id
                }
                resource "alicloud_route_table_attachment" "a" {
                  vswitch_id     = alicloud_vswitch.s.id
                  route_table_id = alicloud_route_table.t.id
                }
                """;
        Scenario s = Scenario.config(config, dir);
        assertEquals(0, s.run("apply", "-auto-approve", "-no-color").exitCode());
        World w = new FileStore(dir.resolve(".peerform/cloud.json")).load();
        String id = w.routeTables.keySet().iterator().next() + ":" + w.vswitches.keySet().iterator().next();
        assertEquals(0, s.run("state", "rm", "alicloud_route_table_attachment.a").exitCode());
        Scenario.Run imported = s.run("import", "alicloud_route_table_attachment.a", id);
        assertEquals(0, imported.exitCode(), imported.out() + imported.err());
        assertEquals(0, s.run("plan", "-detailed-exitcode", "-no-color").exitCode());
        Scenario.Run bad = s.run("import", "alicloud_route_table_attachment.b", "vtb-only");
        assertEquals(1, bad.exitCode());
    }
}

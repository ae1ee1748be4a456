package dev.peerform.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peerform.emulator.Emulator;
import dev.peerform.emulator.cloud.Model.CallRecord;
import dev.peerform.emulator.store.FileStore;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alicloud provider end to end: the examples applied through the CLI against the emulator, with the order of
 * the cloud's calls asserted from the emulator's call log (domain.md, "Order of work").
 */
class AlicloudScenariosTest {

    @TempDir
    Path dir;

    private static void ok(Scenario.Run r) {
        assertEquals(0, r.exitCode(), r.out() + r.err());
    }

    private static long count(Scenario s, String action) {
        return s.actions().stream().filter(action::equals).count();
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} over {1}")
    @org.junit.jupiter.params.provider.CsvSource({
        "vpc-peering-same-account, embedded, 87654321", "vpc-peering-same-account, http, 87654321",
        "vpc-peering-cross-account, embedded, -", "vpc-peering-cross-account, http, -",
        "idc-to-vpc-shared-line, embedded, -", "idc-to-vpc-shared-line, http, -",
        "one-line-several-vpcs, embedded, 12345678", "one-line-several-vpcs, http, 12345678",
        "cloud-services-over-leased-line, embedded, 12345678", "cloud-services-over-leased-line, http, 12345678",
        "lifecycle-walk, embedded, 87654321", "lifecycle-walk, http, 87654321"})
    void everyExampleAppliesPlansCleanAndDestroysCleanly(String example, String transport, String account)
            throws Exception {
        try (Scenario s = Scenario.wholeExample(example, dir)) {
            if (transport.equals("http")) {
                s.overHttp(account);
            }
            Scenario.Run apply = s.run("apply", "-auto-approve");
            ok(apply);
            assertEquals(transport.equals("http"), apply.out().contains("http://127.0.0.1"),
                    "the plan names the endpoint each provider uses");
            Scenario.Run clean = s.run("plan", "-detailed-exitcode");
            assertEquals(0, clean.exitCode(), clean.out() + clean.err());
            ok(s.run("destroy", "-auto-approve"));
            assertEquals("", s.run("state", "list").out());
            var world = new FileStore(dir.resolve(".peerform/cloud.json")).load();
            assertEquals(0, world.interfaces.size(), "no interface left behind");
            assertEquals(0, world.routes.size(), "no route left behind");
            assertTrue(s.log().stream().noneMatch(c -> "SignatureDoesNotMatch".equals(c.result)));
        }
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "over {0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"embedded", "http"})
    void destroyRunsInTheCloudsOrderOverEitherTransport(String transport) throws Exception {
        try (Scenario s = Scenario.example("vpc-peering-same-account", dir)) {
            if (transport.equals("http")) {
                s.overHttp("87654321");
            }
            ok(s.run("apply", "-auto-approve"));
            assertTrue(s.last("ModifyRouterInterfaceAttribute") < s.first("ConnectRouterInterface"));
            assertTrue(s.first("ConnectRouterInterface") < s.first("CreateRouteEntry"));
            ok(s.run("destroy", "-auto-approve"));
            assertTrue(s.last("DeleteRouteEntry") < s.first("DeactivateRouterInterface"), s.actions().toString());
            assertTrue(s.last("DeactivateRouterInterface") < s.first("DeleteRouterInterface"));
        }
    }

    @Test
    void sameAccountPeeringConnectsAfterBothEndsKnowTheirPeerThenAddsRoutesOnBothSides() throws Exception {
        Scenario s = Scenario.example("vpc-peering-same-account", dir);
        ok(s.run("apply", "-auto-approve"));
        assertEquals(2, count(s, "CreateRouterInterface"));
        assertEquals(2, count(s, "ModifyRouterInterfaceAttribute"));
        assertEquals(1, count(s, "ConnectRouterInterface"));
        assertEquals(2, count(s, "CreateRouteEntry"));
        assertTrue(s.last("CreateRouterInterface") < s.first("ModifyRouterInterfaceAttribute"));
        assertTrue(s.last("ModifyRouterInterfaceAttribute") < s.first("ConnectRouterInterface"),
                "both ends know their peer before the initiator connects: " + s.actions());
        assertTrue(s.first("ConnectRouterInterface") < s.first("CreateRouteEntry"));
        long active = new FileStore(dir.resolve(".peerform/cloud.json")).load().interfaces.values().stream()
                .filter(ri -> ri.status.name().equals("Active")).count();
        assertEquals(2, active, "both ends Active");
        Scenario.Run clean = s.run("plan", "-detailed-exitcode");
        assertEquals(0, clean.exitCode(), clean.out());
    }

    @Test
    void crossAccountPeeringCreatesEachEndUnderItsOwnAccount() throws Exception {
        Scenario s = Scenario.example("vpc-peering-cross-account", dir);
        ok(s.run("apply", "-auto-approve"));
        List<CallRecord> creates = s.changes().stream().filter(c -> c.action.equals("CreateRouterInterface")).toList();
        assertEquals(List.of("12345678", "87654321"), creates.stream().map(c -> c.account).sorted().toList());
        CallRecord connect = s.changes().stream().filter(c -> c.action.equals("ConnectRouterInterface")).findFirst()
                .orElseThrow();
        assertEquals("12345678", connect.account, "the initiator's account connects");
        assertTrue(s.last("ModifyRouterInterfaceAttribute") < s.first("ConnectRouterInterface"));
    }

    @Test
    void vbrToVpcOnASharedLineRoutesTheDataCenterOverThePhysicalConnection() throws Exception {
        Scenario s = Scenario.example("idc-to-vpc-shared-line", dir);
        ok(s.run("apply", "-auto-approve"));
        var world = new FileStore(dir.resolve(".peerform/cloud.json")).load();
        List<String> routes = world.routes.values().stream().map(r -> r.destination + " " + r.nextHopType).sorted()
                .toList();
        assertTrue(routes.contains("172.16.0.0/12 PhysicalConnection"), routes.toString());
        assertTrue(routes.contains("192.168.0.0/16 PhysicalConnection"), routes.toString());
        assertTrue(routes.contains("172.16.0.0/12 RouterInterface"), routes.toString());
        assertTrue(routes.contains("10.30.0.0/16 RouterInterface"), routes.toString());
        assertEquals("12345678", s.changes().stream().filter(c -> c.action.equals("ConnectRouterInterface"))
                .findFirst().orElseThrow().account, "the VBR's side initiates");
    }

    @Test
    void cloudServiceRangeIsRoutedAsItsTwoHalves() throws Exception {
        Scenario s = Scenario.example("cloud-services-over-leased-line", dir);
        ok(s.run("apply", "-auto-approve"));
        var world = new FileStore(dir.resolve(".peerform/cloud.json")).load();
        List<String> dests = world.routes.values().stream().map(r -> r.destination).sorted().toList();
        assertTrue(dests.containsAll(List.of("100.64.0.0/11", "100.96.0.0/11")), dests.toString());
    }

    @Test
    void severalRoutesIntoOneTableAreAddedOneAtATime() throws Exception {
        Scenario s = Scenario.example("one-line-several-vpcs", dir);
        ok(s.run("apply", "-auto-approve"));
        assertFalse(s.log().stream().anyMatch(c -> "TaskConflict".equals(c.result)),
                "peerform serialises changes to one table: the cloud never saw two at once");
        assertEquals(6, count(s, "CreateRouteEntry"));
    }

    @Test
    void bandwidthChangesInPlace() throws Exception {
        Scenario s = Scenario.example("vpc-peering-same-account", dir);
        ok(s.run("apply", "-auto-approve"));
        Scenario.Run plan = s.run("plan", "-var", "bandwidth=Middle.5");
        assertTrue(plan.out().matches("(?s).*~ specification += \"Large.2\" -> \"Middle.5\".*"), plan.out());
        assertTrue(plan.out().contains("Plan: 0 to add, 1 to change, 0 to destroy."), plan.out());
        ok(s.run("apply", "-auto-approve", "-var", "bandwidth=Middle.5"));
        assertEquals(1, count(s, "ModifyRouterInterfaceSpec"));
        assertEquals(0, count(s, "DeleteRouterInterface"));
    }

    @Test
    void renamingAVpcIsAnInPlaceUpdateThatKeepsThePeeringUp() throws Exception {
        Scenario s = Scenario.example("vpc-peering-same-account", dir);
        ok(s.run("apply", "-auto-approve"));
        java.nio.file.Files.writeString(dir.resolve("main.tf"), java.nio.file.Files.readString(dir.resolve("main.tf"))
                .replace("vpc_name   = \"qingdao\"", "vpc_name   = \"qingdao-prod\""));
        Scenario.Run plan = s.run("plan", "-detailed-exitcode");
        assertEquals(2, plan.exitCode(), plan.out() + plan.err());
        assertTrue(plan.out().matches("(?s).*~ vpc_name += \"qingdao\" -> \"qingdao-prod\".*"), plan.out());
        assertTrue(plan.out().contains("Plan: 0 to add, 1 to change, 0 to destroy."), plan.out());
        assertTrue(plan.out().contains("1. alicloud_vpc.qingdao: rename the VPC\n\n"), "one step: " + plan.out());
        ok(s.run("apply", "-auto-approve"));
        assertEquals(1, count(s, "ModifyVpcAttribute"));
        assertEquals(0, count(s, "DeleteVpc") + count(s, "DeleteRouterInterface") + count(s, "DeleteRouteEntry"));
        var world = new FileStore(dir.resolve(".peerform/cloud.json")).load();
        assertTrue(world.vpcs.values().stream().anyMatch(v -> "qingdao-prod".equals(v.name)), "renamed in the cloud");
        assertEquals(0, s.run("plan", "-detailed-exitcode").exitCode(), "clean after the rename");
    }

    @Test
    void replacingOneEndReplacesTheOtherInterfaceTooBecauseAConnectedInterfaceCannotChangeItsPeer()
            throws Exception {
        Scenario s = Scenario.example("vpc-peering-same-account", dir);
        ok(s.run("apply", "-auto-approve"));
        String oldAcceptor = s.run("output", "-raw", "acceptor_interface").out().trim();
        // a VPC's CIDR block changes in place (as upstream): the replacement is asked for
        Scenario.Run plan = s.run("plan", "-no-color", "-replace=alicloud_vpc.qingdao");
        assertEquals(0, plan.exitCode(), plan.out() + plan.err());
        assertTrue(plan.out().contains("Warning: Replacing alicloud_router_interface.acceptor as well"), plan.out());
        assertTrue(plan.out().contains("# alicloud_router_interface.acceptor must be replaced"), plan.out());
        ok(s.run("apply", "-auto-approve", "-replace=alicloud_vpc.qingdao"));
        assertTrue(s.log().stream().noneMatch(c -> !c.result.equals("OK") && !c.action.startsWith("Describe")),
                "the cloud refused nothing: " + s.actions());
        assertTrue(s.log().stream().anyMatch(c -> c.action.equals("DeleteRouterInterface")
                && c.ids.contains(oldAcceptor)), "the old acceptor is deleted");
        assertFalse(oldAcceptor.equals(s.run("output", "-raw", "acceptor_interface").out().trim()));
        assertEquals(0, s.run("plan", "-detailed-exitcode").exitCode(), "clean after the re-peering");
    }

    @Test
    void destroyDeletesRoutesThenSuspendsAndWaitsThenDeletes() throws Exception {
        Scenario s = Scenario.example("vpc-peering-same-account", dir);
        ok(s.run("apply", "-auto-approve"));
        ok(s.run("destroy", "-auto-approve"));
        assertTrue(s.last("DeleteRouteEntry") < s.first("DeactivateRouterInterface"), s.actions().toString());
        assertTrue(s.last("DeactivateRouterInterface") < s.first("DeleteRouterInterface"));
        assertTrue(s.last("DeleteRouterInterface") < s.first("DeleteVpc"));
        assertTrue(s.log().stream().noneMatch(c -> !c.result.equals("OK") && !c.action.startsWith("Describe")),
                "the cloud refused nothing");
    }

    /**
     * A targeted destroy of an interface destroys what depends on it too, as Terraform's does: both connections
     * (each names it) and the route through it; the other side's route and interface stay.
     */
    @Test
    void targetedDestroyOfAnInterfaceTakesItsConnectionsAndRoutesWithIt() throws Exception {
        Scenario s = Scenario.example("vpc-peering-same-account", dir);
        ok(s.run("apply", "-auto-approve"));
        Scenario.Run destroy = s.run("destroy", "-auto-approve", "-target=alicloud_router_interface.acceptor");
        ok(destroy);
        assertTrue(destroy.out().contains("4 destroyed"), destroy.out());
        String left = s.run("state", "list").out();
        for (String gone : List.of("alicloud_router_interface.acceptor", "alicloud_router_interface_connection.acceptor",
                "alicloud_router_interface_connection.initiator", "alicloud_route_entry.beijing_to_qingdao")) {
            assertFalse(left.contains(gone + "\n"), gone + " is destroyed with the interface: " + left);
        }
        for (String kept : List.of("alicloud_router_interface.initiator", "alicloud_route_entry.qingdao_to_beijing")) {
            assertTrue(left.contains(kept + "\n"), kept + " is not a dependent: " + left);
        }
        assertTrue(s.log().stream().noneMatch(c -> !c.result.equals("OK") && !c.action.startsWith("Describe")),
                "the cloud refused nothing: " + s.actions());
    }

    /** The same-account example applied, then its initiator suspended in the console, as someone might. */
    private Scenario suspendedOutOfBand() throws Exception {
        Scenario s = Scenario.example("vpc-peering-same-account", dir);
        ok(s.run("apply", "-auto-approve"));
        String ri = s.run("output", "-raw", "initiator_interface").out().trim();
        ok(s.run("emulator", "suspend", ri));
        Thread.sleep(1_200); // the console's suspension takes the emulator's wall-clock transition time
        return s;
    }

    @Test
    void interfaceSuspendedOutOfBandIsDriftThatThePlanRepairs() throws Exception {
        Scenario s = suspendedOutOfBand();
        Scenario.Run plan = s.run("plan", "-detailed-exitcode");
        assertEquals(2, plan.exitCode(), plan.out() + plan.err());
        assertTrue(plan.out().contains("Objects have changed outside of peerform"), plan.out());
        assertTrue(plan.out().contains("resume the connection"), plan.out());
        ok(s.run("apply", "-auto-approve"));
        assertEquals(1, count(s, "ActivateRouterInterface"));
        assertEquals(0, s.run("plan", "-detailed-exitcode").exitCode());
    }

    @Test
    void suspendedConnectionIsResumedBeforeItsBandwidthChangesInOnePlan() throws Exception {
        Scenario s = suspendedOutOfBand();
        Scenario.Run plan = s.run("plan", "-var", "bandwidth=Middle.5");
        assertTrue(plan.out().contains("Plan: 0 to add, 2 to change, 0 to destroy."), plan.out());
        assertTrue(plan.out().indexOf("resume the connection") < plan.out().indexOf("change the bandwidth in place —"),
                "the ordered actions resume first: " + plan.out());
        ok(s.run("apply", "-auto-approve", "-var", "bandwidth=Middle.5"));
        assertTrue(s.last("ActivateRouterInterface") < s.first("ModifyRouterInterfaceSpec"), s.actions().toString());
        assertEquals(0, s.run("plan", "-detailed-exitcode", "-var", "bandwidth=Middle.5").exitCode());
    }

    @Test
    void sameScenarioOverSignedHttpAgainstTheEmulatorsServer() throws Exception {
        Path world = dir.resolve("world/cloud.json");
        Emulator emulator = Emulator.onFile(world, dev.peerform.emulator.Seed.defaultWorld(),
                Emulator.Options.embedded().with(dev.peerform.emulator.cloud.Durations.all(
                        java.time.Duration.ofMillis(20))));
        try (var server = new dev.peerform.emulator.wire.EmulatorServer(emulator, java.time.Clock.systemUTC(), 0)) {
            Scenario s = Scenario.example("vpc-peering-same-account", dir);
            String text = java.nio.file.Files.readString(dir.resolve("main.tf")).replace("access_key = var.access_key",
                    "access_key = var.access_key\n  endpoint   = \"" + server.uri() + "\"\n  account_id = \"87654321\"");
            java.nio.file.Files.writeString(dir.resolve("main.tf"), text);
            Scenario.Run plan = s.run("plan");
            assertTrue(plan.out().contains(server.uri().toString()), "the plan names the endpoint: " + plan.out());
            ok(s.run("apply", "-auto-approve"));
            List<CallRecord> calls = new FileStore(world).log();
            assertTrue(calls.stream().anyMatch(c -> c.action.equals("ConnectRouterInterface")
                    && c.result.equals("OK")), "the calls went over HTTP, signatures verified");
            assertFalse(java.nio.file.Files.exists(dir.resolve(".peerform/cloud.json")),
                    "a remote endpoint never falls back to the embedded emulator");
            ok(s.run("destroy", "-auto-approve"));
        }
    }

    @Test
    void theDataSourcesOfEveryProductWorkOverHttpWithEndpointsOverridesAndASecurityToken() throws Exception {
        Path world = dir.resolve("world/cloud.json");
        Emulator emulator = Emulator.onFile(world, dev.peerform.emulator.Seed.defaultWorld(),
                Emulator.Options.embedded());
        try (var server = new dev.peerform.emulator.wire.EmulatorServer(emulator, java.time.Clock.systemUTC(), 0)) {
            String host = server.uri().getHost() + ":" + server.uri().getPort();
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Files.writeString(dir.resolve("main.tf"), """
                    provider "alicloud" {
                      region         = "cn-beijing"
                      endpoint       = "%s"
                      security_token = "temporary-token"
                      endpoints {
                        ecs             = "%s"
                        sts             = "%s"
                        resourcemanager = "%s"
                        slb             = "slb.aliyuncs.com"
                      }
                    }
                    data "alicloud_account" "me" {}
                    data "alicloud_zones" "here" {}
                    data "alicloud_resource_manager_resource_groups" "all" {}
                    resource "alicloud_vpc" "net" {
                      vpc_name   = "over-http"
                      cidr_block = "10.9.0.0/16"
                    }
                    output "account" { value = data.alicloud_account.me.id }
                    """.formatted(server.uri(), host, host, host));
            Scenario s = new Scenario(dir);
            s.env.put("ALICLOUD_ACCESS_KEY", dev.peerform.emulator.Seed.KEY_A);
            s.env.put("ALICLOUD_SECRET_KEY", dev.peerform.emulator.Seed.SECRET_A);
            ok(s.run("validate"));
            ok(s.run("apply", "-auto-approve"));
            Scenario.Run account = s.run("output", "-raw", "account");
            ok(account);
            assertEquals("12345678", account.out().strip());
            List<CallRecord> calls = new FileStore(world).log();
            for (String action : List.of("GetCallerIdentity", "DescribeZones", "ListResourceGroups", "CreateVpc")) {
                assertTrue(calls.stream().anyMatch(c -> c.action.equals(action) && c.result.equals("OK")),
                        action + " answered over HTTP under its product's version: " + calls);
            }
            assertEquals(0, s.run("plan", "-detailed-exitcode").exitCode());
            ok(s.run("destroy", "-auto-approve"));
        }
    }

    @Test
    void importBringsAnExistingVpcUnderManagementAndThePlanIsClean() throws Exception {
        Scenario s = Scenario.config("""
                provider "alicloud" {
                  region     = "cn-hangzhou"
                  access_key = "LTAIpeerformDemo87654321"
                  secret_key = "demo-secret-87654321"
                }
                resource "alicloud_vpc" "seed" {
                  cidr_block = "192.168.0.0/16"
                  vpc_name   = "seed-hangzhou"
                }
                """, dir);
        ok(s.run("validate"));
        ok(s.run("plan")); // creates the embedded world, with its seeded VPC
        var world = new FileStore(dir.resolve(".peerform/cloud.json")).load();
        String id = world.vpcs.values().stream().filter(v -> "seed-hangzhou".equals(v.name)).findFirst()
                .orElseThrow().id;
        Scenario.Run imported = s.run("import", "alicloud_vpc.seed", id);
        ok(imported);
        assertTrue(imported.out().contains("Import successful!"), imported.out());
        Scenario.Run plan = s.run("plan", "-detailed-exitcode");
        assertEquals(0, plan.exitCode(), plan.out() + plan.err());
        Scenario.Run again = s.run("import", "alicloud_vpc.seed", id);
        assertEquals(1, again.exitCode());
        assertTrue(again.err().contains("already managed"), again.err());
    }
}

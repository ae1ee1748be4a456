package dev.peerform.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peerform.emulator.store.FileStore;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * alicloud_security_group end to end: created after its VPC, renamed in place, deleted before the VPC (which the
 * cloud refuses while a group is in it), over both transports (the ECS calls are signed with ECS's version).
 */
class SecurityGroupScenarioTest {

    @TempDir
    Path dir;

    private static final String CONFIG = """
            provider "alicloud" {
              region     = "cn-qingdao"
              access_key = "LTAIpeerformDemo87654321"
              secret_key = "demo-secret-87654321"
            }

            resource "alicloud_vpc" "net" {
              cidr_block = "172.16.0.0/12"
            }

            resource "alicloud_security_group" "web" {
              vpc_id              = alicloud_vpc.net.id
              security_group_name = "%s"
              inner_access_policy = "Drop"
            }
            """;

    @ParameterizedTest(name = "over {0}")
    @ValueSource(strings = {"embedded", "http"})
    void groupIsCreatedInItsVpcRenamedInPlaceAndDeletedBeforeTheVpc(String transport) throws Exception {
        try (Scenario s = Scenario.config(CONFIG.formatted("web"), dir)) {
            if (transport.equals("http")) {
                s.overHttp("87654321");
            }
            Scenario.Run apply = s.run("apply", "-auto-approve");
            assertEquals(0, apply.exitCode(), apply.out() + apply.err());
            var world = new FileStore(dir.resolve(".peerform/cloud.json")).load();
            assertEquals(1, world.securityGroups.size());
            var group = world.securityGroups.values().iterator().next();
            assertTrue(s.run("state", "show", "alicloud_vpc.net").out().contains(group.vpcId), "in the VPC");
            assertEquals("Drop", group.innerAccessPolicy);
            Scenario.Run clean = s.run("plan", "-detailed-exitcode");
            assertEquals(0, clean.exitCode(), clean.out() + clean.err());
            Scenario.config(CONFIG.formatted("web2"), dir);
            Scenario.Run rename = s.run("apply", "-auto-approve");
            assertEquals(0, rename.exitCode(), rename.out() + rename.err());
            assertTrue(s.actions().contains("ModifySecurityGroupAttribute"), s.actions().toString());
            assertEquals("web2", new FileStore(dir.resolve(".peerform/cloud.json")).load().securityGroups.values()
                    .iterator().next().name);
            Scenario.Run destroy = s.run("destroy", "-auto-approve");
            assertEquals(0, destroy.exitCode(), destroy.out() + destroy.err());
            assertTrue(s.last("DeleteSecurityGroup") < s.first("DeleteVpc"), s.actions().toString());
            assertEquals(0, new FileStore(dir.resolve(".peerform/cloud.json")).load().securityGroups.size());
        }
    }

    private static final String TWO_REGIONS = """
            provider "alicloud" {
              alias      = "qingdao"
              region     = "cn-qingdao"
              access_key = "LTAIpeerformDemo87654321"
              secret_key = "demo-secret-87654321"
            }

            provider "alicloud" {
              alias      = "beijing"
              region     = "cn-beijing"
              access_key = "LTAIpeerformDemo87654321"
              secret_key = "demo-secret-87654321"
            }

            resource "alicloud_vpc" "qingdao" {
              provider   = alicloud.qingdao
              cidr_block = "172.16.0.0/12"
            }

            resource "alicloud_vpc" "beijing" {
              provider   = alicloud.beijing
              cidr_block = "192.168.0.0/16"
            }

            resource "alicloud_security_group" "qingdao" {
              provider = alicloud.qingdao
              vpc_id   = alicloud_vpc.qingdao.id
            }

            resource "alicloud_security_group" "beijing" {
              provider = alicloud.beijing
              vpc_id   = alicloud_vpc.beijing.id
            }

            resource "alicloud_security_group_rule" "ping_from_beijing" {
              provider          = alicloud.qingdao
              type              = "ingress"
              ip_protocol       = "icmp"
              security_group_id = alicloud_security_group.qingdao.id
              %s
            }
            """;

    @org.junit.jupiter.api.Test
    void groupAuthorizationAcrossRegionsIsRefusedAtPlanNamingTheCidrRuleToWrite() throws Exception {
        try (Scenario s = Scenario.config(TWO_REGIONS.formatted(
                "source_security_group_id = alicloud_security_group.beijing.id"), dir)) {
            Scenario.Run plan = s.run("plan");
            assertEquals(1, plan.exitCode(), plan.out() + plan.err());
            assertTrue(plan.err().contains("cidr_ip = \"192.168.0.0/16\""), plan.err());
            assertTrue(plan.err().contains("alicloud_security_group_rule.ping_from_beijing"), plan.err());
        }
    }

    @org.junit.jupiter.api.Test
    void cidrRuleIsAuthorizedAfterItsGroupWithTheOfficialIdAndRevokedOnDestroy() throws Exception {
        try (Scenario s = Scenario.config(TWO_REGIONS.formatted("cidr_ip = alicloud_vpc.beijing.cidr_block"), dir)) {
            Scenario.Run apply = s.run("apply", "-auto-approve");
            assertEquals(0, apply.exitCode(), apply.out() + apply.err());
            assertTrue(s.first("CreateSecurityGroup") < s.first("AuthorizeSecurityGroup"), s.actions().toString());
            var group = new FileStore(dir.resolve(".peerform/cloud.json")).load().securityGroups.values().stream()
                    .filter(g -> g.region.equals("cn-qingdao")).findFirst().orElseThrow();
            assertEquals(1, group.permissions.size());
            assertEquals("192.168.0.0/16", group.permissions.get(0).cidr);
            String show = s.run("state", "show", "alicloud_security_group_rule.ping_from_beijing").out();
            assertTrue(show.contains(group.id + ":ingress:icmp:-1/-1:intranet:192.168.0.0/16:accept:1"), show);
            Scenario.Run clean = s.run("plan", "-detailed-exitcode");
            assertEquals(0, clean.exitCode(), clean.out() + clean.err());
            Scenario.Run destroy = s.run("destroy", "-auto-approve");
            assertEquals(0, destroy.exitCode(), destroy.out() + destroy.err());
            assertTrue(s.first("RevokeSecurityGroup") < s.last("DeleteSecurityGroup"), s.actions().toString());
        }
    }

    /** A VPC and a vSwitch made in the world beforehand (the vswitch resource is another change's). */
    private String[] networkInTheWorld() {
        try (var e = dev.peerform.emulator.Emulator.onFile(dir.resolve(".peerform/cloud.json"),
                dev.peerform.emulator.Seed.defaultWorld(), dev.peerform.emulator.Emulator.Options.embedded())) {
            String key = dev.peerform.emulator.Seed.KEY_B;
            String secret = dev.peerform.emulator.Seed.SECRET_B;
            String vpc = e.call(key, secret, java.util.Map.of("Action", "CreateVpc", "RegionId", "cn-qingdao",
                    "CidrBlock", "10.0.0.0/16")).body().get("VpcId").asText();
            String vswitch = e.call(key, secret, java.util.Map.of("Action", "CreateVSwitch", "RegionId", "cn-qingdao",
                    "VpcId", vpc, "ZoneId", "cn-qingdao-b", "CidrBlock", "10.0.1.0/24")).body().get("VSwitchId")
                    .asText();
            return new String[] {vpc, vswitch};
        }
    }

    @org.junit.jupiter.api.Test
    void instanceGetsAnAddressOfItsVSwitchJoinsGroupsInPlaceAndIsDeletedBeforeItsGroup() throws Exception {
        java.nio.file.Files.createDirectories(dir.resolve(".peerform"));
        String[] net = networkInTheWorld();
        String config = """
                provider "alicloud" {
                  region     = "cn-qingdao"
                  access_key = "LTAIpeerformDemo87654321"
                  secret_key = "demo-secret-87654321"
                }

                resource "alicloud_security_group" "a" {
                  vpc_id = "%s"
                }

                resource "alicloud_security_group" "b" {
                  vpc_id = "%s"
                }

                resource "alicloud_instance" "web" {
                  image_id        = "ubuntu_22_04_x64_20G_alibase_20240926.vhd"
                  instance_type   = "ecs.g7.large"
                  vswitch_id      = "%s"
                  security_groups = %s
                }
                """;
        try (Scenario s = Scenario.config(config.formatted(net[0], net[0], net[1], "[alicloud_security_group.a.id]"),
                dir)) {
            Scenario.Run apply = s.run("apply", "-auto-approve");
            assertEquals(0, apply.exitCode(), apply.out() + apply.err());
            assertTrue(s.last("CreateSecurityGroup") < s.first("RunInstances"), s.actions().toString());
            var instance = new FileStore(dir.resolve(".peerform/cloud.json")).load().instances.values().iterator()
                    .next();
            assertEquals("10.0.1.1", instance.privateIp);
            assertTrue(s.run("state", "show", "alicloud_instance.web").out().contains("10.0.1.1"));
            Scenario.Run clean = s.run("plan", "-detailed-exitcode");
            assertEquals(0, clean.exitCode(), clean.out() + clean.err());
            Scenario.config(config.formatted(net[0], net[0], net[1],
                    "[alicloud_security_group.a.id, alicloud_security_group.b.id]"), dir);
            Scenario.Run join = s.run("apply", "-auto-approve");
            assertEquals(0, join.exitCode(), join.out() + join.err());
            assertTrue(s.actions().contains("JoinSecurityGroup"), s.actions().toString());
            assertEquals(2, new FileStore(dir.resolve(".peerform/cloud.json")).load().instances.values().iterator()
                    .next().securityGroupIds.size());
            Scenario.Run destroy = s.run("destroy", "-auto-approve");
            assertEquals(0, destroy.exitCode(), destroy.out() + destroy.err());
            assertTrue(s.first("DeleteInstance") < s.first("DeleteSecurityGroup"), s.actions().toString());
        }
    }
}

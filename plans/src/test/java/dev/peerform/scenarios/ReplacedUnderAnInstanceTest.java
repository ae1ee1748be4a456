package dev.peerform.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replacing a VPC that holds an instance: its vSwitch and security group are destroyed and created again, the
 * instance only moves to the new ones in place, and the cloud refuses to delete a vSwitch or group that still has
 * an instance. The plan warns, naming the VPC and the instance, why the apply will fail and how to fix it; it
 * never refuses (the cloud decides). The fix it names works.
 */
class ReplacedUnderAnInstanceTest {

    @TempDir
    Path dir;

    private static final String CONFIG = """
            provider "alicloud" {
              region = "cn-beijing"
            }

            resource "alicloud_vpc" "main" {
              vpc_name   = "main"
              cidr_block = "10.91.0.0/16"
            }

            resource "alicloud_vswitch" "main" {
              vpc_id     = alicloud_vpc.main.id
              cidr_block = "10.91.1.0/24"
              zone_id    = "cn-beijing-a"
            }

            resource "alicloud_security_group" "main" {
              vpc_id = alicloud_vpc.main.id
            }

            resource "alicloud_instance" "web" {
              image_id        = "ubuntu_22_04_x64_20G_alibase_20240926.vhd"
              instance_type   = "ecs.g7.large"
              vswitch_id      = alicloud_vswitch.main.id
              security_groups = [alicloud_security_group.main.id]
            %s}
            """;

    private static final String SUMMARY = "The apply will fail: an instance stays in a replaced vSwitch";

    @Test
    void replacingAVpcWithAnInstanceInItWarnsNamingBothAndHowToReplaceTheInstanceToo() throws Exception {
        Scenario s = Scenario.config(CONFIG.formatted(""), dir);
        assertEquals(0, s.run("apply", "-auto-approve").exitCode());
        Scenario.Run plan = s.run("plan", "-replace=alicloud_vpc.main", "-no-color");
        assertEquals(0, plan.exitCode(), "a warning, never an error: " + plan.out() + plan.err());
        String text = plan.out() + plan.err();
        assertTrue(text.contains(SUMMARY), text);
        assertTrue(text.contains("alicloud_vpc.main is replaced, so alicloud_vswitch.main must be destroyed"), text);
        assertTrue(text.contains("alicloud_instance.web, which is in it"), text);
        assertTrue(text.contains("DependencyViolation"), text);
        assertTrue(text.contains("replace_triggered_by = [alicloud_vswitch.main.id]"), text);
        assertTrue(text.contains("-replace=alicloud_instance.web"), text);
        assertTrue(text.contains("an instance stays in a replaced security group"), text);

        // the warning was right: the cloud refuses to delete the vSwitch while the instance is in it
        Scenario.Run apply = s.run("apply", "-auto-approve", "-replace=alicloud_vpc.main", "-no-color");
        assertEquals(1, apply.exitCode(), apply.out() + apply.err());
        assertTrue((apply.out() + apply.err()).contains("DependencyViolation"), apply.out() + apply.err());

        // and its fix works: the instance is replaced with its vSwitch, so nothing is left in the old one
        Files.writeString(dir.resolve("main.tf"), CONFIG.formatted("""

                  lifecycle {
                    replace_triggered_by = [alicloud_vswitch.main.id, alicloud_security_group.main.id]
                  }
                """));
        Scenario.Run fixed = s.run("plan", "-replace=alicloud_vpc.main", "-no-color");
        assertEquals(0, fixed.exitCode(), fixed.out() + fixed.err());
        assertFalse((fixed.out() + fixed.err()).contains("The apply will fail"), fixed.out() + fixed.err());
        Scenario.Run applied = s.run("apply", "-auto-approve", "-replace=alicloud_vpc.main");
        assertEquals(0, applied.exitCode(), applied.out() + applied.err());
        Scenario.Run clean = s.run("plan", "-detailed-exitcode");
        assertEquals(0, clean.exitCode(), clean.out() + clean.err());
    }

    @Test
    void aVswitchReplacedForItsOwnBlockWithAnInstanceInItWarnsToo() throws Exception {
        Scenario s = Scenario.config(CONFIG.formatted(""), dir);
        assertEquals(0, s.run("apply", "-auto-approve").exitCode());
        Files.writeString(dir.resolve("main.tf"), CONFIG.formatted("").replace("10.91.1.0/24", "10.91.2.0/24"));
        Scenario.Run plan = s.run("plan", "-no-color");
        assertEquals(0, plan.exitCode(), plan.out() + plan.err());
        String text = plan.out() + plan.err();
        assertTrue(text.contains(SUMMARY), text);
        assertTrue(text.contains("alicloud_vswitch.main must be destroyed and created again, but "
                + "alicloud_instance.web, which is in it, is only updated in place"), text);
        assertFalse(text.contains("security group"), "the group stays: " + text);
    }
}

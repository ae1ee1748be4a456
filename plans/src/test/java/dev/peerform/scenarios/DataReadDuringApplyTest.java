package dev.peerform.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data source configured with values known only after apply is read during apply, as Terraform does: the plan
 * shows {@code <= read (data resources)} (action "read" in the plan JSON), the action DAG reads it after what it
 * depends on, and what it reads feeds outputs and postconditions; the next plan reads it at plan time, clean.
 */
class DataReadDuringApplyTest {

    @TempDir
    Path dir;

    static final String CONFIG = """
            provider "alicloud" {
              region = "cn-beijing"
            }

            resource "alicloud_vpc" "main" {
              vpc_name   = "read-after"
              cidr_block = "10.70.0.0/16"
            }

            data "alicloud_vpcs" "mine" {
              ids = [alicloud_vpc.main.id]

              lifecycle {
                postcondition {
                  condition     = length(self.vpcs) == 1
                  error_message = "The VPC just made must be found."
                }
              }
            }

            output "found" {
              value = data.alicloud_vpcs.mine.vpcs[0].cidr_block
            }
            """;

    private static void ok(Scenario.Run r) {
        assertEquals(0, r.exitCode(), r.out() + r.err());
    }

    @Test
    void aDataSourceConfiguredWithValuesKnownAfterApplyIsReadDuringApply() throws Exception {
        Scenario s = DependsOnOrderTest.keyed(Scenario.config(CONFIG, dir));
        ok(s.run("validate"));
        Scenario.Run plan = s.run("plan", "-out=tfplan");
        ok(plan);
        assertTrue(plan.out().contains("<= read (data resources)"), plan.out());
        assertTrue(plan.out().contains("# data.alicloud_vpcs.mine will be read during apply"), plan.out());
        assertTrue(plan.out().contains("data.alicloud_vpcs.mine: read the data source"), plan.out());
        JsonNode json = new ObjectMapper().readTree(s.run("show", "-json", "tfplan").out());
        boolean read = false;
        for (JsonNode c : json.get("resource_changes")) {
            if (c.get("address").asText().equals("data.alicloud_vpcs.mine")) {
                read = c.get("change").get("actions").get(0).asText().equals("read");
            }
        }
        assertTrue(read, json.toString());
        ok(s.run("apply", "tfplan"));
        assertEquals("10.70.0.0/16", s.run("output", "-raw", "found").out());
        Scenario.Run clean = s.run("plan", "-detailed-exitcode");
        assertEquals(0, clean.exitCode(), clean.out() + clean.err());
        ok(s.run("destroy", "-auto-approve"));
    }

    @Test
    void aPostconditionOnWhatIsReadDuringApplyIsJudgedOnceItIsRead() throws Exception {
        Scenario s = DependsOnOrderTest.keyed(Scenario.config(CONFIG.replace("length(self.vpcs) == 1",
                "length(self.vpcs) == 2"), dir));
        Scenario.Run plan = s.run("plan");
        ok(plan);
        Scenario.Run apply = s.run("apply", "-auto-approve");
        assertEquals(1, apply.exitCode(), apply.out() + apply.err());
        assertTrue((apply.out() + apply.err()).contains("The VPC just made must be found."), apply.out() + apply.err());
        ok(s.run("destroy", "-auto-approve"));
    }

    @Test
    void aDataSourceDependingOnAResourceWithAChangePendingIsReadAfterThatChange() throws Exception {
        Scenario s = DependsOnOrderTest.keyed(Scenario.config("""
                provider "alicloud" {
                  region = "cn-beijing"
                }

                resource "alicloud_vpc" "net" {
                  vpc_name   = "listed"
                  cidr_block = "10.71.0.0/16"
                }

                data "alicloud_vpcs" "named" {
                  name_regex = "^${alicloud_vpc.net.vpc_name}$"
                }

                output "count" {
                  value = length(data.alicloud_vpcs.named.ids)
                }
                """, dir));
        Scenario.Run plan = s.run("plan");
        ok(plan);
        assertTrue(plan.out().contains("depends on a resource or a module with changes pending"), plan.out());
        ok(s.run("apply", "-auto-approve"));
        assertEquals("1", s.run("output", "-raw", "count").out());
        Scenario.Run clean = s.run("plan", "-detailed-exitcode");
        assertEquals(0, clean.exitCode(), clean.out() + clean.err());
        ok(s.run("destroy", "-auto-approve"));
    }
}

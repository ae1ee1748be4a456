package dev.peerform.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in random and null providers, selected through required_providers as Terraform does (or implied by a
 * resource type's prefix), next to alicloud: a random_id suffix in a VPC's name applies, re-plans clean and
 * destroys; a provider peerform does not have is an error naming those it has.
 */
class RandomAndNullProvidersTest {

    @TempDir
    Path dir;

    private static void ok(Scenario.Run r) {
        assertEquals(0, r.exitCode(), r.out() + r.err());
    }

    @Test
    void aRandomSuffixInAVpcNameAppliesAndReplansClean() throws Exception {
        Scenario s = DependsOnOrderTest.keyed(Scenario.config("""
                terraform {
                  required_providers {
                    random  = { source = "hashicorp/random" }
                    null    = { source = "hashicorp/null", version = "~> 3.0" }
                    alicloud = { source = "aliyun/alicloud" }
                  }
                }

                provider "alicloud" {
                  region = "cn-beijing"
                }

                resource "random_id" "suffix" {
                  byte_length = 4
                  keepers     = { region = "cn-beijing" }
                }

                resource "random_password" "secret" {
                  length           = 20
                  override_special = "_%@"
                  min_numeric      = 2
                }

                resource "random_integer" "vlan" {
                  min = 100
                  max = 200
                }

                resource "alicloud_vpc" "main" {
                  vpc_name   = "main-${random_id.suffix.hex}"
                  cidr_block = "10.60.0.0/16"
                }

                resource "null_resource" "after" {
                  triggers = { vpc = alicloud_vpc.main.id }
                }

                output "name" {
                  value = alicloud_vpc.main.vpc_name
                }

                output "vlan" {
                  value = random_integer.vlan.result
                }
                """, dir));
        ok(s.run("validate"));
        Scenario.Run apply = s.run("apply", "-auto-approve");
        ok(apply);
        String name = s.run("output", "-raw", "name").out();
        assertTrue(name.matches("main-[0-9a-f]{8}"), name);
        int vlan = Integer.parseInt(s.run("output", "-raw", "vlan").out().trim());
        assertTrue(vlan >= 100 && vlan <= 200);
        String state = s.run("state", "pull").out();
        assertTrue(state.contains("registry.terraform.io/hashicorp/random"), state);
        assertTrue(state.contains("registry.terraform.io/hashicorp/null"), state);
        Scenario.Run clean = s.run("plan", "-detailed-exitcode");
        assertEquals(0, clean.exitCode(), clean.out() + clean.err());
        ok(s.run("destroy", "-auto-approve"));
        assertEquals("", s.run("state", "list").out());
    }

    @Test
    void aProviderPeerformDoesNotHaveIsAnErrorNamingTheBuiltInOnes() throws Exception {
        Scenario s = Scenario.config("""
                resource "tls_private_key" "k" {
                  algorithm = "RSA"
                }
                """, dir);
        Scenario.Run plan = s.run("plan");
        assertEquals(1, plan.exitCode());
        String all = plan.out() + plan.err();
        assertTrue(all.contains("random") && all.contains("null") && all.contains("alicloud"), all);
        assertFalse(all.contains("Exception"), all);
    }

    @Test
    void requiredProvidersNamingAnotherSourceIsAnErrorNamingWhatIsBuiltIn() throws Exception {
        Scenario s = Scenario.config("""
                terraform {
                  required_providers {
                    random = { source = "acme/random" }
                  }
                }

                resource "random_id" "x" {
                  byte_length = 2
                }
                """, dir);
        Scenario.Run plan = s.run("plan");
        assertEquals(1, plan.exitCode());
        String all = plan.out() + plan.err();
        assertTrue(all.contains("acme/random") && all.contains("random (hashicorp/random)")
                && all.contains("null (hashicorp/null)"), all);
    }
}

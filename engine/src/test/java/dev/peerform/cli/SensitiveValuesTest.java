package dev.peerform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sensitive values kept as Terraform keeps them, shown redacted, and provider credentials kept out of plans. */
class SensitiveValuesTest {

    private static final String SECRET = "correct-horse-battery-staple";

    @TempDir
    Path dir;

    private void config(String text) throws Exception {
        Files.writeString(dir.resolve("main.tf"), text);
    }

    @Test
    void outputRawAndJsonByNamePrintASensitiveOutputAndTheRestRedactIt() throws Exception {
        // no terraform_data here: its output is unmarked, as in Terraform's state, so show prints it as Terraform does
        config("""
                variable "pw" {
                  sensitive = true
                }
                resource "random_password" "p" { length = 20 }
                resource "terraform_data" "d" { input = { pw = var.pw, generated = random_password.p.result } }
                output "pw" {
                  value     = var.pw
                  sensitive = true
                }
                """);
        Map<String, String> env = Map.of("TF_VAR_pw", SECRET);
        CliRun apply = CliRun.in(dir, env, "apply", "-auto-approve");
        assertEquals(0, apply.exitCode(), apply.err());
        assertFalse(apply.out().contains(SECRET), apply.out());
        assertEquals(SECRET, CliRun.in(dir, "output", "-raw", "pw").out());
        assertEquals("\"" + SECRET + "\"\n", CliRun.in(dir, "output", "-json", "pw").out());
        assertEquals("pw = <sensitive>\n", CliRun.in(dir, "output").out());
        String show = CliRun.in(dir, "show", "-no-color").out();
        assertTrue(show.contains("pw        = (sensitive value)"), show);
        assertTrue(show.contains("result      = (sensitive value)"), show);
        String state = CliRun.in(dir, "state", "show", "terraform_data.d").out();
        assertTrue(state.contains("(sensitive value)"), state);
        CliRun plan = CliRun.in(dir, env, "plan", "-detailed-exitcode");
        assertEquals(0, plan.exitCode(), plan.out() + plan.err());
    }

    @Test
    void aSavedPlanKeepsItsVariablesSoApplyingItAsksForNone() throws Exception {
        config("""
                variable "pw" {
                  sensitive = true
                }
                resource "terraform_data" "d" { input = var.pw }
                """);
        CliRun plan = CliRun.in(dir, Map.of("TF_VAR_pw", SECRET), "plan", "-out", "tfplan");
        assertEquals(0, plan.exitCode(), plan.err());
        assertFalse(plan.out().contains(SECRET), plan.out());
        CliRun apply = CliRun.in(dir, "apply", "tfplan");
        assertEquals(0, apply.exitCode(), apply.err());
        assertTrue(Files.readString(dir.resolve("terraform.tfstate")).contains(SECRET), "the state holds the value");
    }

    @Test
    void providerCredentialVariablesNeverReachAPlanFileAndApplyReadsThemAgain() throws Exception {
        config("""
                variable "ak" {}
                variable "sk" {}
                variable "pw" {
                  sensitive = true
                }
                provider "alicloud" {
                  access_key = var.ak
                  secret_key = var.sk
                  region     = "cn-beijing"
                }
                resource "terraform_data" "d" { input = var.pw }
                """);
        Map<String, String> keys = Map.of("TF_VAR_ak", "LTAIpeerformDemo12345678", "TF_VAR_sk",
                "demo-secret-12345678");
        Map<String, String> all = new java.util.HashMap<>(keys);
        all.put("TF_VAR_pw", SECRET);
        CliRun plan = CliRun.in(dir, all, "plan", "-out", "tfplan");
        assertEquals(0, plan.exitCode(), plan.err());
        String bytes = new String(Files.readAllBytes(dir.resolve("tfplan")), StandardCharsets.ISO_8859_1);
        assertFalse(bytes.contains("demo-secret-12345678"), "no secret key in the plan file");
        assertFalse(bytes.contains("LTAIpeerformDemo12345678"), "no access key in the plan file");
        assertTrue(bytes.contains(SECRET), "a sensitive variable is kept, as Terraform keeps it");
        CliRun missing = CliRun.in(dir, Map.of("TF_VAR_ak", "LTAIpeerformDemo12345678"), "apply", "tfplan");
        assertEquals(1, missing.exitCode());
        assertTrue(missing.err().contains("\"sk\""), missing.err());
        CliRun apply = CliRun.in(dir, keys, "apply", "tfplan");
        assertEquals(0, apply.exitCode(), apply.err());
    }

    @Test
    void aRandomPasswordIsStoredSoOutputsAndReferencesSeeTheSameValueOnLaterRuns() throws Exception {
        config("""
                resource "random_password" "p" { length = 24 }
                output "pw" {
                  value     = random_password.p.result
                  sensitive = true
                }
                """);
        assertEquals(0, CliRun.in(dir, "apply", "-auto-approve").exitCode());
        String first = CliRun.in(dir, "output", "-raw", "pw").out();
        assertEquals(24, first.length(), first);
        Files.writeString(dir.resolve("main.tf"), Files.readString(dir.resolve("main.tf"))
                + "resource \"terraform_data\" \"uses\" { input = random_password.p.result }\n"
                + "output \"copy\" {\n  value     = terraform_data.uses.input\n  sensitive = true\n}\n");
        CliRun second = CliRun.in(dir, "apply", "-auto-approve");
        assertEquals(0, second.exitCode(), second.err());
        assertTrue(second.out().contains("1 added, 0 changed, 0 destroyed"), second.out());
        assertFalse(second.out().contains(first), "the result is never printed");
        assertEquals(first, CliRun.in(dir, "output", "-raw", "pw").out(), "the same password, not a new one");
        assertEquals(first, CliRun.in(dir, "output", "-raw", "copy").out(), "a later run's reference sees it");
        String state = Files.readString(dir.resolve("terraform.tfstate"));
        assertTrue(state.contains("\"value\": \"result\"") || state.contains("\"value\":\"result\""),
                "result listed in sensitive_attributes");
    }
}

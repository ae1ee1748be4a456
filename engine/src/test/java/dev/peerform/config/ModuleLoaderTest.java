package dev.peerform.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.peerform.diag.Diagnostic;
import dev.peerform.diag.Diagnostics;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModuleLoaderTest {

    private final FileSystem fs = Jimfs.newFileSystem(Configuration.unix());

    private Path write(String path, String text) throws Exception {
        Path p = fs.getPath("/work").resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    private Module load(Diagnostics diags) {
        return new ModuleLoader(fs.getPath("/work")).load(diags);
    }

    @Test
    void everyTfFileOfTheDirectoryIsMergedIntoOneModule() throws Exception {
        write("main.tf", """
                terraform {
                  required_providers {
                    alicloud = { source = "aliyun/alicloud" }
                  }
                  backend "local" { path = "state.tfstate" }
                }
                provider "alicloud" { region = "cn-hangzhou" }
                provider "alicloud" {
                  alias  = "b"
                  region = "cn-beijing"
                }
                resource "alicloud_vpc" "a" { cidr_block = "10.0.0.0/16" }
                """);
        write("peer.tf", """
                resource "alicloud_vpc" "b" {
                  provider   = alicloud.b
                  cidr_block = "10.1.0.0/16"
                  count      = 2
                  depends_on = [alicloud_vpc.a]
                  lifecycle {
                    prevent_destroy = true
                    ignore_changes  = [tags]
                  }
                }
                data "alicloud_vpcs" "all" {}
                output "id" { value = alicloud_vpc.a.id }
                """);
        write("notes.txt", "not configuration");
        Diagnostics diags = new Diagnostics();
        Module m = load(diags);
        assertFalse(diags.hasErrors(), diags.toString());
        assertEquals("aliyun/alicloud", m.requiredProviders().get("alicloud"));
        assertEquals("local", m.backend().type());
        assertEquals(List.of("alicloud", "alicloud.b"), List.copyOf(m.providers().keySet()));
        assertEquals(List.of("alicloud_vpc.a", "alicloud_vpc.b", "data.alicloud_vpcs.all"),
                List.copyOf(m.resources().keySet()));
        Resource b = m.resources().get("alicloud_vpc.b");
        assertEquals("alicloud.b", b.provider());
        assertEquals("alicloud", m.resources().get("alicloud_vpc.a").provider());
        assertNotNull(b.count());
        assertEquals("alicloud_vpc.a", b.dependsOn().get(0).text());
        assertTrue(b.lifecycle().preventDestroy());
        assertEquals("tags", b.lifecycle().ignoreChanges().get(0).text());
        assertFalse(b.body().attribute("count").isPresent(), "meta-arguments are not the provider's to decode");
        assertEquals(2, m.files().size());
    }

    @Test
    void duplicateResourceAddressAcrossFilesIsAnErrorNamingBothPlaces() throws Exception {
        write("a.tf", "resource \"alicloud_vpc\" \"main\" {}\n");
        write("b.tf", "\n\nresource \"alicloud_vpc\" \"main\" {}\n");
        Diagnostics diags = new Diagnostics();
        load(diags);
        Diagnostic d = diags.errors().get(0);
        assertEquals("Duplicate resource \"alicloud_vpc\" configuration", d.summary());
        assertEquals("b.tf", d.subject().filename());
        assertEquals(3, d.subject().start().line());
        assertTrue(d.detail().contains("a.tf:1"), d.detail());
    }

    @Test
    void countAndForEachTogetherAreRefused() throws Exception {
        write("main.tf", "resource \"x_y\" \"z\" {\n  count = 1\n  for_each = {}\n}\n");
        Diagnostics diags = new Diagnostics();
        load(diags);
        assertEquals("Invalid combination of \"count\" and \"for_each\"", diags.errors().get(0).summary());
    }

    @Test
    void unknownTopLevelBlockSuggestsTheIntendedOne() throws Exception {
        write("main.tf", "resorce \"x_y\" \"z\" {}\n");
        Diagnostics diags = new Diagnostics();
        load(diags);
        assertEquals("Unsupported block type", diags.errors().get(0).summary());
        assertTrue(diags.errors().get(0).detail().contains("Did you mean \"resource\"?"));
    }

    @Test
    void unsupportedArgumentInVariableIsAnError() throws Exception {
        write("main.tf", "variable \"x\" {\n  typ = string\n}\n");
        Diagnostics diags = new Diagnostics();
        load(diags);
        assertEquals("Unsupported argument", diags.errors().get(0).summary());
        assertTrue(diags.errors().get(0).detail().contains("Did you mean \"type\"?"));
    }

    @Test
    void variableDefaultMustMatchItsType() throws Exception {
        write("main.tf", "variable \"n\" {\n  type    = number\n  default = \"ten\"\n}\n");
        Diagnostics diags = new Diagnostics();
        load(diags);
        assertEquals("Invalid default value for variable", diags.errors().get(0).summary());
        assertEquals(3, diags.errors().get(0).subject().start().line());
    }

    @Test
    void localModulesAreLoadedRecursivelyAndRemoteSourcesRefused() throws Exception {
        write("main.tf", """
                module "net" {
                  source = "./modules/net"
                  cidr   = "10.0.0.0/8"
                }
                module "remote" { source = "terraform-aws-modules/vpc/aws" }
                """);
        write("modules/net/main.tf", """
                variable "cidr" { type = string }
                module "inner" { source = "../inner" }
                output "cidr" { value = var.cidr }
                """);
        write("modules/inner/main.tf", "output \"x\" { value = 1 }\n");
        Diagnostics diags = new Diagnostics();
        Module m = load(diags);
        assertEquals(1, diags.errors().size(), diags.toString());
        assertEquals("Unsupported module source", diags.errors().get(0).summary());
        Module net = m.children().get("net");
        assertTrue(net.variables().containsKey("cidr"));
        assertTrue(net.children().get("inner").outputs().containsKey("x"));
        assertEquals("modules/net/main.tf", net.files().get(0).filename());
        assertTrue(m.moduleCalls().get("net").arguments().containsKey("cidr"));
    }

    @Test
    void duplicateOutputsLocalsAndVariablesAreErrors() throws Exception {
        write("main.tf", """
                variable "a" {}
                variable "a" {}
                locals { x = 1 }
                locals { x = 2 }
                output "o" { value = 1 }
                output "o" { value = 2 }
                """);
        Diagnostics diags = new Diagnostics();
        load(diags);
        assertEquals(List.of("Duplicate variable declaration", "Duplicate local value definition",
                "Duplicate output definition"), diags.errors().stream().map(Diagnostic::summary).toList());
    }

    private List<Diagnostic> loadErrors(String main) throws Exception {
        write("main.tf", main);
        Diagnostics diags = new Diagnostics();
        load(diags);
        return diags.errors();
    }

    @Test
    void localsReferringToEachOtherAreACycleDiagnosticNamingThePathNotAStackOverflow() throws Exception {
        List<Diagnostic> errors = loadErrors("locals {\n  a = local.b\n  b = local.a\n}\n");
        assertEquals(1, errors.size(), errors.toString());
        Diagnostic d = errors.get(0);
        assertEquals("Cycle", d.summary());
        assertTrue(d.detail().contains("local.a (main.tf:2,3-4) -> local.b (main.tf:3,3-4) -> local.a"),
                d.detail());
        assertEquals("main.tf", d.subject().filename());
        assertEquals(3, d.subject().start().line());
        assertEquals(7, d.subject().start().column());
    }

    @Test
    void aLongerCycleOfLocalsNamesEveryLocalOnIt() throws Exception {
        List<Diagnostic> errors = loadErrors("""
                locals {
                  first = local.a
                  a     = "${local.b}-x"
                  b     = [for x in local.c : x]
                  c     = upper(local.a)
                  free  = local.first
                }
                """);
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).detail().matches(".*local\\.a \\(main.tf:3,[^)]*\\) -> local\\.b \\([^)]*\\) "
                + "-> local\\.c \\([^)]*\\) -> local\\.a\\..*"), errors.get(0).detail());
    }

    @Test
    void aLocalReferringToItselfIsSelfReferential() throws Exception {
        List<Diagnostic> errors = loadErrors("locals {\n  a = local.a + 1\n}\n");
        assertEquals("Self-referential local", errors.get(0).summary());
        assertEquals(2, errors.get(0).subject().start().line());
    }

    private static String chain(int n) {
        StringBuilder b = new StringBuilder("locals {\n");
        for (int i = 0; i < n; i++) {
            b.append("  l").append(i).append(" = local.l").append(i + 1).append("\n");
        }
        return b.append("  l").append(n).append(" = 1\n}\n").toString();
    }

    @Test
    void aChainOfLocalsUpToTheBoundIsNoError() throws Exception {
        assertEquals(List.of(), loadErrors(chain(LocalCycles.MAX_CHAIN - 1)));
    }

    @Test
    void aChainOfLocalsLongerThanTheBoundIsOneDiagnosticNotAStackOverflowLater() throws Exception {
        List<Diagnostic> errors = loadErrors(chain(20_000));
        assertEquals(1, errors.size(), errors.toString());
        assertEquals("Local values chained too deeply", errors.get(0).summary());
        assertTrue(errors.get(0).detail().contains("at most 100"), errors.get(0).detail());
    }
}

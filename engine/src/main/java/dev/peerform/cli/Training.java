package dev.peerform.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The launcher's training run: the commands people run most, in one process, over a small configuration that uses
 * the language's functions, terraform_data and the alicloud provider (against its embedded emulator). The JVM
 * records what this run loaded and linked (a class-data archive on Java 17, an ahead-of-time cache on Java 25), so
 * that later runs start with those classes ready. Not a user command: everything happens in a temporary directory
 * and prints nothing.
 */
public final class Training {

    private Training() {
    }

    static final String CONFIGURATION = """
            variable "base_cidr" {
              type    = string
              default = "10.0.0.0/8"
            }

            variable "env" {
              default = "prod"
            }

            locals {
              prefix = "peer"
              names  = [for i in range(3) : format("%s-%02d", local.prefix, i)]
            }

            provider "alicloud" {
              region = "cn-qingdao"
            }

            resource "alicloud_vpc" "a" {
              vpc_name   = "training"
              cidr_block = cidrsubnet("172.16.0.0/12", 4, 1)
            }

            resource "terraform_data" "r0" {
              input = {
                name     = "${local.prefix}-0"
                cidr     = cidrsubnet(var.base_cidr, 16, 0)
                label    = upper(format("%s-%s", local.prefix, "n0"))
                enabled  = 0 % 2 == 0
                weight   = max(1, 0 * 2)
                tags     = { env = var.env, chain = "0", pos = "0" }
                json     = jsonencode({ a = [1, 2.5, true, null] })
                joined   = join(",", local.names)
              }
            }

            resource "terraform_data" "r1" {
              input = {
                upstream = terraform_data.r0.input.name
                id       = terraform_data.r0.id
                lookup   = lookup({ a = 1 }, "a", 0)
                length   = length(local.names)
              }
            }

            resource "terraform_data" "each" {
              for_each = toset(local.names)
              input    = each.key
            }

            output "last" {
              value = terraform_data.r1.input.upstream
            }
            """;

    /** What changes state: applied in a directory of its own, so the alicloud resource is only ever planned. */
    static final String APPLIED = """
            resource "terraform_data" "a" {
              input = { n = cidrsubnet("10.0.0.0/8", 8, 1), s = "x" }
            }

            resource "terraform_data" "b" {
              input = terraform_data.a.output
            }

            output "b" {
              value = terraform_data.b.output
            }
            """;

    /** Each command of the run: the directory it runs in ("planned" or "applied") and its arguments. */
    private record Step(String dir, List<String> args) {
    }

    private static final List<Step> STEPS = List.of(
            new Step("planned", List.of("version")),
            new Step("planned", List.of("validate")),
            new Step("planned", List.of("validate", "-json")),
            new Step("planned", List.of("plan", "-no-color")),
            new Step("planned", List.of("plan")),
            new Step("planned", List.of("plan", "-json")),
            new Step("applied", List.of("plan", "-out=tfplan")),
            new Step("applied", List.of("show", "-json", "tfplan")),
            new Step("applied", List.of("apply", "-auto-approve", "tfplan")),
            new Step("applied", List.of("plan", "-detailed-exitcode")),
            new Step("applied", List.of("output", "-json")),
            new Step("applied", List.of("state", "list")),
            new Step("applied", List.of("show")));

    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("peerform-training");
        try {
            train(dir);
        } finally {
            delete(dir);
        }
    }

    /** Runs every step in {@code dir}; returns the steps that did not exit 0, each with what it printed. */
    static List<String> train(Path dir) throws IOException {
        Files.writeString(Files.createDirectory(dir.resolve("planned")).resolve("main.tf"), CONFIGURATION);
        Files.writeString(Files.createDirectory(dir.resolve("applied")).resolve("main.tf"), APPLIED);
        List<String> failed = new ArrayList<>();
        for (Step step : STEPS) {
            StringWriter sink = new StringWriter();
            PrintWriter out = new PrintWriter(sink);
            int code = new Cli(new CliContext(dir.resolve(step.dir()), out, out, Map.of()))
                    .run(step.args().toArray(String[]::new));
            if (code != ExitCode.OK) {
                out.flush();
                failed.add(String.join(" ", step.args()) + " exited " + code + ":\n" + sink);
            }
        }
        return failed;
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}

package dev.peerform.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Brownfield (issue 17): every example's world, made by apply and then forgotten (a new directory with only the
 * example's variables, locals and provider blocks, pointed at the same emulator world), is adopted by one command
 * into a configuration whose plan only imports, and which plans clean once applied.
 */
class AdoptExamplesTest {

    @TempDir
    Path dir;

    static Stream<String> examples() throws IOException {
        try (Stream<Path> all = Files.list(Path.of("..", "examples"))) {
            return all.filter(p -> {
                try (Stream<Path> files = Files.list(p)) {
                    return files.anyMatch(f -> f.toString().endsWith(".tf"));
                } catch (IOException e) {
                    return false;
                }
            }).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void adoptingAnExamplesWorldPlansOnlyImportsAndThenNothing(String example) throws Exception {
        Scenario made = made(example);
        List<String> ids = managedIds(made);
        Scenario forgotten = forgotten(made);
        Scenario.Run adopt = ok(forgotten.run("adopt", "-no-color"));
        Matcher wrote = Pattern.compile("Wrote adopted.tf: (\\d+) resource").matcher(adopt.out());
        assertTrue(wrote.find(), adopt.out());
        int adopted = Integer.parseInt(wrote.group(1));
        // the emulator's seed objects (a VBR, a VPC) are in the accounts too, and adopted with the example's
        assertTrue(adopted >= ids.size(), adopt.out());
        String text = Files.readString(forgotten.dir.resolve("adopted.tf"));
        for (String id : ids) {
            assertTrue(Pattern.compile("(?m)^  id\\s+= \"" + Pattern.quote(id) + "\"$").matcher(text).find(),
                    "the example's " + id + " is adopted:\n" + text);
        }
        int managed = adopted;
        Scenario.Run plan = ok(forgotten.run("plan", "-no-color"));
        assertTrue(plan.out().contains("Plan: " + managed + " to import, 0 to add, 0 to change, 0 to destroy."),
                plan.out());
        ok(forgotten.run("apply", "-auto-approve", "-no-color"));
        Scenario.Run again = forgotten.run("plan", "-detailed-exitcode", "-no-color");
        assertEquals(0, again.exitCode(), again.out() + again.err());
        assertTrue(again.out().contains("No changes."), again.out());
    }

    @ParameterizedTest
    @MethodSource("examples")
    void adoptedConfigurationRefersToObjectsInsteadOfRepeatingTheirIds(String example) throws Exception {
        Scenario forgotten = forgotten(made(example));
        ok(forgotten.run("adopt", "-no-color"));
        String text = Files.readString(forgotten.dir.resolve("adopted.tf"));
        List<String> literals = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^\\s+(\\w+)\\s*=\\s*(.*)$").matcher(text);
        while (m.find()) {
            if (!m.group(1).equals("id") && ID.matcher(m.group(2)).find()) {
                literals.add(m.group(0).trim());
            }
        }
        assertEquals(List.of(), literals, "ids of adopted objects are written as references:\n" + text);
        assertTrue(text.contains("alicloud_vpc.") || !text.contains("resource \"alicloud_vpc\""), text);
        assertEquals(0, forgotten.run("fmt", "-check", "-no-color").exitCode(), "fmt has nothing to change");
    }

    @Test
    void theVpcPeeringIsWrittenAsAPersonWritesIt() throws Exception {
        Scenario forgotten = forgotten(made("vpc-peering-same-account"));
        Scenario.Run adopt = ok(forgotten.run("adopt", "-no-color", "-out=peering.tf"));
        String text = Files.readString(forgotten.dir.resolve("peering.tf"));
        assertTrue(text.contains("resource \"alicloud_vpc\" \"qingdao\" {\n  provider   = alicloud.qingdao\n"
                + "  cidr_block = \"172.16.0.0/12\"\n  vpc_name   = \"qingdao\"\n}\n"), text);
        assertTrue(text.contains("router_id       = alicloud_vpc.qingdao.router_id"), text);
        assertTrue(text.contains("opposite_interface_id       = alicloud_router_interface.beijing_from_qingdao.id"),
                text);
        assertTrue(text.contains("route_table_id        = alicloud_vpc.qingdao.route_table_id"), text);
        assertTrue(text.contains("nexthop_id            = alicloud_router_interface.qingdao_to_beijing.id"), text);
        assertTrue(text.contains("import {\n  to       = alicloud_vpc.qingdao\n  id       = \"vpc-"), text);
        assertFalse(text.contains("router_table_id"), "deprecated arguments are left out");
        assertFalse(text.contains("= null") || text.contains("= \"\"") || text.contains("= false"),
                "nothing set, empty or default is written");
        assertTrue(adopt.out().contains("alicloud_vpc: 2"), adopt.out());
    }

    @Test
    void securityGroupsTheirRulesAndInstancesAreAdoptedWithReferences() throws Exception {
        Path a = Files.createDirectories(dir.resolve("made"));
        Scenario made = Scenario.example("vpc-peering-same-account", a);
        Files.writeString(a.resolve("hosts.tf"), """
                resource "alicloud_vswitch" "app" {
                  provider   = alicloud.qingdao
                  vpc_id     = alicloud_vpc.qingdao.id
                  cidr_block = "172.16.8.0/24"
                  zone_id    = "cn-qingdao-b"
                }

                resource "alicloud_security_group" "app" {
                  provider = alicloud.qingdao
                  vpc_id   = alicloud_vpc.qingdao.id
                }

                resource "alicloud_security_group_rule" "ping" {
                  provider          = alicloud.qingdao
                  type              = "ingress"
                  ip_protocol       = "icmp"
                  port_range        = "-1/-1"
                  cidr_ip           = "192.168.0.0/16"
                  security_group_id = alicloud_security_group.app.id
                }

                resource "alicloud_instance" "app" {
                  provider        = alicloud.qingdao
                  image_id        = "ubuntu_22_04_x64_20G_alibase_20240926.vhd"
                  instance_type   = "ecs.g7.large"
                  vswitch_id      = alicloud_vswitch.app.id
                  security_groups = [alicloud_security_group.app.id]
                }
                """);
        ok(made.run("apply", "-auto-approve", "-no-color"));
        Scenario forgotten = forgotten(made);
        ok(forgotten.run("adopt", "-no-color"));
        String text = Files.readString(forgotten.dir.resolve("adopted.tf"));
        assertTrue(text.contains("resource \"alicloud_security_group\" \"qingdao\""), "named after its VPC: " + text);
        assertTrue(text.matches("(?s).*\n  vswitch_id += alicloud_vswitch\\.qingdao\\.id\n.*"), text);
        assertTrue(text.matches("(?s).*\n  security_groups += \\[alicloud_security_group\\.qingdao\\.id\\]\n.*"), text);
        assertTrue(text.matches("(?s).*\n  security_group_id += alicloud_security_group\\.qingdao\\.id\n.*"), text);
        assertFalse(text.contains("subnet_id"), "an instance's subnet_id repeats (and conflicts with) vswitch_id");
        Scenario.Run plan = ok(forgotten.run("plan", "-no-color"));
        assertTrue(plan.out().contains(" to import, 0 to add, 0 to change, 0 to destroy."), plan.out());
        ok(forgotten.run("apply", "-auto-approve", "-no-color"));
        assertEquals(0, forgotten.run("plan", "-detailed-exitcode", "-no-color").exitCode());
    }

    @Test
    void adoptRefusesToOverwriteAFile() throws Exception {
        Scenario forgotten = forgotten(made("vpc-peering-same-account"));
        Files.writeString(forgotten.dir.resolve("adopted.tf"), "# mine\n");
        Scenario.Run adopt = forgotten.run("adopt", "-no-color");
        assertEquals(1, adopt.exitCode(), adopt.out() + adopt.err());
        assertTrue(adopt.err().contains("adopted.tf exists"), adopt.err());
        assertEquals("# mine\n", Files.readString(forgotten.dir.resolve("adopted.tf")));
    }

    @Test
    void adoptOnlyTheNamedRegions() throws Exception {
        Scenario forgotten = forgotten(made("vpc-peering-same-account"));
        Scenario.Run adopt = ok(forgotten.run("adopt", "-no-color", "-region=cn-beijing"));
        String text = Files.readString(forgotten.dir.resolve("adopted.tf"));
        assertTrue(text.contains("alicloud.beijing") && !text.contains("alicloud.qingdao"), text);
        // beijing's side only: its VPC, interface, connection and route, and its vswitch, group, rule and instance
        assertTrue(adopt.out().contains("Wrote adopted.tf: 8 resources"), adopt.out());
    }

    @Test
    void aRegionNoProviderBlockIsConfiguredForIsWarnedAbout() throws Exception {
        Scenario forgotten = forgotten(made("vpc-peering-same-account"));
        Scenario.Run adopt = ok(forgotten.run("adopt", "-no-color", "-region=cn-shanghai"));
        assertTrue((adopt.out() + adopt.err()).contains("No provider configuration in cn-shanghai"),
                adopt.out() + adopt.err());
        assertTrue(adopt.out().contains("Wrote adopted.tf: 0 resources"), adopt.out());
    }

    @Test
    void objectsAlreadyManagedAreNotWrittenAgain() throws Exception {
        Scenario made = made("vpc-peering-same-account");
        Scenario.Run adopt = ok(made.run("adopt", "-no-color", "-out=more.tf"));
        assertTrue(adopt.out().contains("Wrote more.tf: 0 resources"), adopt.out());
        assertTrue(adopt.out().contains("Already managed here") && adopt.out().contains("alicloud_vpc.qingdao"),
                adopt.out());
    }

    @Test
    void generateConfigOutRefersToManagedObjectsAndToOtherImportTargets() throws Exception {
        Scenario made = made("vpc-peering-same-account");
        JsonNode state = new ObjectMapper().readTree(ok(made.run("state", "pull")).out());
        Scenario forgotten = forgotten(made);
        Files.writeString(forgotten.dir.resolve("vpc.tf"), "import {\n  to       = alicloud_vpc.qingdao\n  id       = \""
                + idOf(state, "alicloud_vpc", "qingdao") + "\"\n  provider = alicloud.qingdao\n}\n\n"
                + "resource \"alicloud_vpc\" \"qingdao\" {\n  provider   = alicloud.qingdao\n"
                + "  cidr_block = \"172.16.0.0/12\"\n  vpc_name   = \"qingdao\"\n}\n");
        ok(forgotten.run("apply", "-auto-approve", "-no-color"));
        Files.writeString(forgotten.dir.resolve("more.tf"), "import {\n  to       = alicloud_vpc.beijing\n"
                + "  id       = \"" + idOf(state, "alicloud_vpc", "beijing") + "\"\n  provider = alicloud.beijing\n}\n\n"
                + "import {\n  to       = alicloud_router_interface.initiator\n  id       = \""
                + idOf(state, "alicloud_router_interface", "initiator") + "\"\n  provider = alicloud.qingdao\n}\n\n"
                + "import {\n  to       = alicloud_router_interface.acceptor\n  id       = \""
                + idOf(state, "alicloud_router_interface", "acceptor") + "\"\n  provider = alicloud.beijing\n}\n");
        Scenario.Run plan = ok(forgotten.run("plan", "-no-color", "-generate-config-out=gen.tf"));
        assertTrue(plan.out().contains("Plan: 3 to import, 0 to add, 0 to change, 0 to destroy."), plan.out());
        String gen = Files.readString(forgotten.dir.resolve("gen.tf"));
        assertTrue(gen.matches("(?s).*\n  router_id +=  ?alicloud_vpc\\.qingdao\\.router_id\n.*"), "managed: " + gen);
        assertTrue(gen.matches("(?s).*\n  router_id +=  ?alicloud_vpc\\.beijing\\.router_id\n.*"), "imported: " + gen);
        assertTrue(gen.matches("(?s).*\n  provider +=  ?alicloud\\.beijing\n.*"), gen);
        assertFalse(gen.matches("(?s).*\n  name += \"beijing\"\n.*"), "a deprecated argument that conflicts with its successor is left out");
        assertEquals(1, forgotten.run("plan", "-no-color", "-generate-config-out=gen.tf").exitCode(),
                "an existing file is never overwritten");
    }

    private static String idOf(JsonNode state, String type, String name) {
        for (JsonNode r : state.path("resources")) {
            if (r.path("type").asText().equals(type) && r.path("name").asText().equals(name)) {
                return r.path("instances").get(0).path("attributes").path("id").asText();
            }
        }
        throw new AssertionError(type + "." + name + " is not in the state");
    }

    /** A quoted id of the kinds adopt writes as references (vpc-, vrt-, vtb-, vsw-, ri-, vbr-, bgpg-, sg-, i-). */
    private static final Pattern ID = Pattern.compile("\"(vpc|vrt|vtb|vsw|ri|vbr|bgpg|bgpp|sg|i)-[0-9a-z]+\"");

    private Scenario made(String example) throws IOException {
        Path a = Files.createDirectories(dir.resolve("made"));
        Scenario s = Scenario.wholeExample(example, a);
        ok(s.run("apply", "-auto-approve", "-no-color"));
        return s;
    }

    /** Only the example's variables, locals, terraform and provider blocks, on the same emulator world. */
    private Scenario forgotten(Scenario made) throws IOException {
        Path b = Files.createDirectories(dir.resolve("forgotten"));
        StringBuilder kept = new StringBuilder();
        try (Stream<Path> files = Files.list(made.dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".tf")).sorted().toList()) {
                Matcher m = BLOCK.matcher(Files.readString(f));
                while (m.find()) {
                    kept.append(m.group()).append('\n');
                }
            }
        }
        Files.writeString(b.resolve("providers.tf"), kept.toString());
        Scenario s = new Scenario(b);
        s.env.put("PEERFORM_EMULATOR_WORLD", made.dir.resolve(".peerform/cloud.json").toAbsolutePath().toString());
        return s;
    }

    private static final Pattern BLOCK = Pattern.compile("(?ms)^(variable|provider|locals|terraform)\\b[^\\n]*\\{"
            + "\\n.*?^\\}\\n");

    /** The ids of the managed objects in the example's state. */
    private static List<String> managedIds(Scenario s) throws IOException {
        JsonNode state = new ObjectMapper().readTree(ok(s.run("state", "pull")).out());
        List<String> ids = new ArrayList<>();
        for (JsonNode r : state.path("resources")) {
            if (r.path("mode").asText().equals("managed")) {
                r.path("instances").forEach(i -> ids.add(i.path("attributes").path("id").asText()));
            }
        }
        assertFalse(ids.isEmpty(), "the example made something");
        return ids;
    }

    private static Scenario.Run ok(Scenario.Run r) {
        assertEquals(0, r.exitCode(), r.out() + r.err());
        return r;
    }
}

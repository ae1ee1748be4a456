package dev.peerform.reliability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peerform.emulator.Emulator;
import dev.peerform.emulator.Seed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reliability harness's own judgement, on files made by hand: it must see an orphan, a duplicate and a step's
 * start where they are, or its figures mean nothing. (The harness itself runs through bench/run.sh, not here.)
 */
class HarnessLogicTest {

    @TempDir
    Path dir;

    private void world(String vpcs, String routes) throws Exception {
        Files.createDirectories(dir.resolve(".peerform"));
        Files.writeString(dir.resolve(".peerform/cloud.json"), "{\"vpcs\": {" + vpcs + "}, \"interfaces\": {}, "
                + "\"routes\": {" + routes + "}}");
    }

    private static String vpc(String id, String cidr) {
        return "\"" + id + "\": {\"id\": \"" + id + "\", \"owner\": \"1\", \"region\": \"r\", \"cidrBlock\": \"" + cidr
                + "\", \"status\": \"Available\"}";
    }

    private void state(String... instances) throws Exception {
        StringBuilder b = new StringBuilder("{\"version\": 4, \"resources\": [");
        for (int i = 0; i < instances.length; i++) {
            b.append(i == 0 ? "" : ",").append("{\"type\": \"t\", \"name\": \"n").append(i)
                    .append("\", \"instances\": [{\"attributes\": {\"id\": ").append(instances[i]).append("}}]}");
        }
        Files.writeString(dir.resolve("terraform.tfstate"), b.append("]}").toString());
    }

    @Test
    void routeTheStateKnowsOnlyByAPendingTokenIsAnOrphan() throws Exception {
        world(vpc("vpc-1", "10.0.0.0/16"), "\"rte-1\": {\"id\": \"rte-1\", \"routeTableId\": \"vtb-1\", "
                + "\"destination\": \"10.1.0.0/16\", \"status\": \"Available\"}");
        state("\"vpc-1\"", "null");
        Audit.Report r = Audit.check(dir, Set.of());
        assertEquals(List.of("rte-1"), r.orphans().stream().map(Audit.CloudObject::id).toList());
        assertEquals(1, r.pending());
    }

    @Test
    void routeNamedByTableAndDestinationInItsStateIdIsKnown() throws Exception {
        world(vpc("vpc-1", "10.0.0.0/16"), "\"rte-1\": {\"id\": \"rte-1\", \"routeTableId\": \"vtb-1\", "
                + "\"destination\": \"10.1.0.0/16\", \"status\": \"Available\"}");
        state("\"vpc-1\"", "\"vtb-1:10.1.0.0/16:RouterInterface:ri-1\"");
        assertTrue(Audit.check(dir, Set.of()).clean());
    }

    @Test
    void secondVpcWithTheSameIdentityIsADuplicateAndObjectsOfTheStartingWorldAreNeither() throws Exception {
        world(vpc("vpc-1", "10.0.0.0/16") + "," + vpc("vpc-2", "10.0.0.0/16") + "," + vpc("vpc-seed", "1.0.0.0/8"),
                "");
        state("\"vpc-1\"", "\"vpc-2\"", "\"ri-gone\"");
        Audit.Report r = Audit.check(dir, Set.of("vpc-seed"));
        assertEquals(1, r.duplicates());
        assertTrue(r.orphans().isEmpty());
        assertEquals(List.of("ri-gone"), r.stale());
    }

    @Test
    void stepStartLineNamesItsKindAndOtherLinesNone() {
        assertEquals("Add the route", Moment.kindOf("alicloud_route_entry.a_to_b[\"p00\"]: Add the route..."));
        assertNull(Moment.kindOf("alicloud_route_entry.a_to_b[\"p00\"]: Add the route complete after 0s [id=x]"));
        assertNull(Moment.kindOf("Plan: 8 to add, 0 to change, 0 to destroy."));
    }

    /** Terraform's word for a half ("Creating...") is no kind: every one-step change would count as one kind. */
    @Test
    void jsonHookNamesEveryStepsKindAndTerraformsHalfWordsNameNone() {
        String start = "{\"@level\":\"info\",\"type\":\"apply_start\",\"hook\":{\"resource\":{\"addr\":"
                + "\"alicloud_vpc.a[\\\"p00\\\"]\"},\"action\":\"create\",\"peerform_step\":{\"name\":\"create\","
                + "\"description\":\"create the VPC\"}}}";
        assertEquals("Create the VPC", Moment.kindOf(start));
        Moment.Hook hook = Moment.hookOf(start);
        assertEquals("alicloud_vpc.a[\"p00\"]: Create the VPC", hook.step());
        assertNull(Moment.kindOf(start.replace("apply_start", "apply_complete")));
        assertEquals("apply_complete", Moment.hookOf(start.replace("apply_start", "apply_complete")).type());
        assertNull(Moment.kindOf("{\"type\":\"apply_start\",\"hook\":{\"res"), "a line the kill cut short");
        assertNull(Moment.kindOf("alicloud_vpc.a[\"p00\"]: Creating..."));
        assertNull(Moment.kindOf("alicloud_vpc.a[\"p00\"]: Destroying..."));
    }

    @Test
    void mutationsReplayFromSeedAndIndex() {
        List<String> corpus = List.of(PeeringConfig.generate(2), "resource \"terraform_data\" \"a\" {}\n");
        assertArrayEquals(Mutator.mutate(corpus, 7, 123), Mutator.mutate(corpus, 7, 123));
    }

    @Test
    void generatedConfigurationHasOnePeerPerConnectionEveryThirdCrossAccount() {
        String c = PeeringConfig.generate(4);
        assertTrue(c.contains("p03 = {"), c);
        assertEquals(1, c.split("cross_account = true", -1).length - 1, c);
    }

    /** The emulator logs a call's change beside the world file; the audit must count it all the same. */
    @Test
    void objectOnlyInTheChangeLogIsPartOfTheWorldTheAuditReads() throws Exception {
        Path world = dir.resolve(".peerform/cloud.json");
        Emulator e = Emulator.onFile(world, Seed.defaultWorld(), Emulator.Options.embedded());
        Set<String> baseline = Audit.ids(world);
        var made = e.call(Seed.KEY_B, Seed.SECRET_B, Map.of("Action", "CreateVpc", "RegionId", "cn-hangzhou",
                "CidrBlock", "10.9.0.0/16"));
        assertEquals(200, made.status(), made.body().toString());
        String vpc = made.body().get("VpcId").asText();
        assertTrue(Files.readString(world).indexOf(vpc) < 0, "the call is logged, the world file not rewritten");
        state();
        assertEquals(List.of(vpc), Audit.check(dir, baseline).orphans().stream().map(Audit.CloudObject::id).toList());
        assertTrue(FaultsFigure.shape(dir, baseline).stream().anyMatch(x -> x.contains("10.9.0.0/16")));
    }
}

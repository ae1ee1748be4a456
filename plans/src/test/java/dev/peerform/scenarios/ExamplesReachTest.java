package dev.peerform.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every example that sets up instances as the guide does: {@code reach -plan} before apply predicts what the live
 * {@code reach} answers after it (reachable, each leg, the first block), and the answer is reachable both ways.
 */
class ExamplesReachTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "vpc-peering-same-account, alicloud_instance.qingdao, alicloud_instance.beijing",
        "vpc-peering-cross-account, alicloud_instance.a, alicloud_instance.b",
        "idc-to-vpc-shared-line, alicloud_express_connect_virtual_border_router.idc, alicloud_instance.app",
        "one-line-several-vpcs, alicloud_express_connect_virtual_border_router.line:172.16.0.10, "
            + "'alicloud_instance.each[\"web\"]'",
        "cloud-services-over-leased-line, alicloud_express_connect_virtual_border_router.line:192.168.1.10, "
            + "alicloud_vpc.services:100.100.2.136",
    })
    void predictionFromThePlanEqualsTheLiveAnswerAfterApply(String example, String from, String to)
            throws Exception {
        Scenario s = Scenario.wholeExample(example, dir);
        Scenario.Run plan = s.run("plan", "-out=tfplan");
        assertEquals(0, plan.exitCode(), plan.out() + plan.err());
        Scenario.Run predicted = s.run("reach", from, to, "-plan", "tfplan", "-json");
        assertEquals(0, predicted.exitCode(), predicted.out() + predicted.err());
        Scenario.Run apply = s.run("apply", "tfplan");
        assertEquals(0, apply.exitCode(), apply.out() + apply.err());
        Scenario.Run live = s.run("reach", from, to, "-json");
        assertEquals(0, live.exitCode(), live.out() + live.err());
        assertEquals(verdict(predicted.out()), verdict(live.out()), "prediction:\n" + predicted.out()
                + "\nlive:\n" + live.out());
    }

    /** What must agree: the verdict, each leg's outcome and the first block (ids and addresses differ by design). */
    private static JsonNode verdict(String json) throws Exception {
        JsonNode v = new ObjectMapper().readTree(json);
        ObjectNode out = new ObjectMapper().createObjectNode();
        out.put("reachable", v.get("reachable").asBoolean());
        v.get("legs").forEach(l -> out.put(l.get("leg").asText(), l.get("passes").asBoolean() + " "
                + l.get("hops").size()));
        out.set("first_block", v.get("first_block"));
        out.put("bandwidth", v.get("bandwidth").isNull() ? "none" : v.get("bandwidth").get("spec").asText());
        return out;
    }
}

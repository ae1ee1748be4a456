package dev.peerform.states;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.peerform.addrs.InstanceAddress;
import dev.peerform.json.TerraformJson;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SharedNodesTest {

    private static final String DATA = """
            {"id": "%s", "input": {"value": {"cidr": "10.0.%d.0/24"}, "type": ["object", {"cidr": "string"}]},
             "output": {"value": {"cidr": "10.0.%d.0/24"}, "type": ["object", {"cidr": "string"}]}}""";

    private static ObjectNode instance(String id, int n) throws Exception {
        return (ObjectNode) TerraformJson.MAPPER.readTree(DATA.formatted(id, n, n));
    }

    @Test
    void equalSubtreesOfInstancesAreKeptOnceAndEachTreeStaysEqualToWhatWasRead() throws Exception {
        SharedNodes shared = new SharedNodes();
        ObjectNode a = shared.shareObject(instance("a", 1));
        ObjectNode b = shared.shareObject(instance("b", 2));
        assertEquals(instance("a", 1), a);
        assertEquals(instance("b", 2), b);
        assertSame(a.get("input"), a.get("output"));
        assertSame(a.get("input").get("type"), b.get("output").get("type"));
    }

    @Test
    void aStateReadAsAStreamSharesItsRepeatsAndWritesBackTheSameJson() throws Exception {
        String state = """
                {"version": 4, "terraform_version": "1.11.4", "serial": 3, "lineage": "l", "outputs": {},
                 "resources": [
                  {"mode": "managed", "type": "terraform_data", "name": "a", "provider": "p",
                   "instances": [{"schema_version": 0, "attributes": %s, "sensitive_attributes": []}]},
                  {"mode": "managed", "type": "terraform_data", "name": "b", "provider": "p",
                   "instances": [{"schema_version": 0, "attributes": %s, "sensitive_attributes": [],
                                  "dependencies": ["terraform_data.a"]}]}],
                 "check_results": null}""".formatted(DATA.formatted("a", 1, 1), DATA.formatted("b", 2, 2));
        State s = StateCodec.read(state.getBytes(StandardCharsets.UTF_8), "terraform.tfstate");
        InstanceState a = s.instance(InstanceAddress.parse("terraform_data.a"));
        InstanceState b = s.instance(InstanceAddress.parse("terraform_data.b"));
        assertSame(a.attributes().get("input").get("type"), b.attributes().get("input").get("type"));
        JsonNode expected = TerraformJson.MAPPER.readTree(state);
        assertEquals(expected, TerraformJson.MAPPER.readTree(StateCodec.write(s)));
    }
}

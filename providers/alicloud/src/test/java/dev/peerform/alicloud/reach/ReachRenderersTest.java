package dev.peerform.alicloud.reach;

import static dev.peerform.alicloud.reach.Net.A;
import static dev.peerform.alicloud.reach.Net.B;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ReachRenderersTest {

    @Test
    void textNamesEachHopTheFirstBlockAndTheRuleToWrite() {
        Net net = Net.peered().withoutIngressOf("sg-b").label("i-b", "alicloud_instance.b");
        Reach reach = new Reach(net.model());
        String text = new TextRenderer(reach).render(reach.analyse(A, B, Probe.ping()));
        assertTrue(text.contains("alicloud_instance.b (i-b)"), text);
        assertTrue(text.contains("crosses ri-a -> ri-b"), text);
        assertTrue(text.contains("NOT reachable: first block (ingress)"), text);
        assertTrue(text.contains("resource \"alicloud_security_group_rule\" { security_group_id = \"sg-b\", "
                + "type = \"ingress\", ip_protocol = \"icmp\", port_range = \"-1/-1\", nic_type = \"intranet\", "
                + "cidr_ip = \"10.1.0.0/16\", priority = 1, policy = \"accept\" }"), text);
        assertTrue(text.contains("bandwidth: 2000 Mbit/s (Large.2 on initiator ri-a)"), text);
    }

    @Test
    void textOfAReachablePathSaysSoAndOfAStoppedInterfaceSaysResume() {
        Reach ok = new Reach(Net.peered().model());
        assertTrue(new TextRenderer(ok).render(ok.analyse(A, B, Probe.ping())).contains("reachable both ways"));
        Reach stopped = new Reach(Net.peered().status("ri-a", InterfaceStatus.Inactive).model());
        String text = new TextRenderer(stopped).render(stopped.analyse(A, B, Probe.ping()));
        assertTrue(text.contains("fix: resume the interface ri-a"), text);
    }

    @Test
    void jsonCarriesTheVerdictAsData() throws Exception {
        Reach reach = new Reach(Net.peered().route("vtb-a", "10.2.1.0/24", "Blackhole", "").model());
        String json = new JsonRenderer(reach).render(reach.analyse(A, B, Probe.tcp(22)));
        JsonNode root = new ObjectMapper().readTree(json);
        assertEquals(false, root.get("reachable").asBoolean());
        assertEquals("tcp", root.at("/probe/protocol").asText());
        assertEquals(22, root.at("/probe/port").asInt());
        assertEquals("forward", root.at("/first_block/leg").asText());
        assertEquals("blackhole", root.at("/first_block/cause/kind").asText());
        assertEquals("10.2.1.0/24", root.at("/first_block/cause/route/destination").asText());
        assertEquals("delete_route", root.at("/first_block/fix/0/kind").asText());
        assertEquals(4, root.get("legs").size());
        assertEquals("routed", root.at("/legs/3/hops/0/kind").asText());
        assertEquals(2000, root.at("/bandwidth/mbps").asInt());
    }

    @Test
    void jsonOfAMoreSpecificRouteNestsTheDownstreamCause() throws Exception {
        Reach reach = new Reach(Net.peered().vpc("vpc-c", "cn-hangzhou", "111", "10.3.0.0/16")
                .vswitch("vsw-c", "vpc-c", "10.3.1.0/24").peer("ri-ac", "vrt-a", "ri-ca", "vrt-c", "Large.1")
                .route("vtb-a", "10.2.1.0/24", "RouterInterface", "ri-ac").model());
        JsonNode root = new JsonRenderer(reach).tree(reach.analyse(A, B, Probe.ping()));
        assertEquals("more_specific_route", root.at("/first_block/cause/kind").asText());
        assertEquals("no_route", root.at("/first_block/cause/downstream/kind").asText());
    }
}

package dev.peerform.vpcapi.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RpcSignatureTest {

    @Test
    void signatureMatchesThePublishedKnownAnswer() {
        Map<String, String> p = new TreeMap<>(Map.of("Action", "DescribeRegions", "AccessKeyId", "testid",
                "Format", "XML", "SignatureMethod", "HMAC-SHA1", "SignatureNonce",
                "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf", "SignatureVersion", "1.0", "TimeStamp", "2016-02-23T12:46:24Z",
                "Version", "2014-05-26"));
        assertEquals("CT9X0VtwR86fNWSnsc6v8YGOjuE=", RpcSignature.sign("GET", p, "testsecret"));
    }

    @Test
    void percentEncodingFollowsTheRpcRules() {
        assertEquals("a%20b%2Ac~d%2F", RpcSignature.percentEncode("a b*c~d/"));
    }

    @Test
    void signedRequestCarriesTheCommonParametersAndVerifies() {
        Map<String, String> p = RpcRequest.signed("POST", Map.of("Action", "DescribeVpcs"), ApiVersion.VPC, "id",
                "secret", Instant.parse("2026-01-02T03:04:05Z"), "nonce");
        assertEquals("2026-01-02T03:04:05Z", p.get("Timestamp"));
        assertEquals("2016-04-28", p.get("Version"));
        assertEquals(RpcSignature.sign("POST", p, "secret"), p.get("Signature"));
    }

    @Test
    void repeatedParametersAreNumberedFromOne() {
        Map<String, String> p = new TreeMap<>();
        Repeated.filter(p, 1, "RouterId", List.of("vrt-a", "vrt-b"));
        assertEquals(Map.of("Filter.1.Key", "RouterId", "Filter.1.Value.1", "vrt-a", "Filter.1.Value.2", "vrt-b"), p);
        assertEquals(List.of("vrt-a", "vrt-b"), Repeated.numbered(p, "Filter.1.Value"));
    }
}

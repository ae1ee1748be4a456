package dev.peerform.vpcapi.wire;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;

/**
 * A client's request in the RPC protocol: the action's parameters plus the common ones (Format, Version,
 * AccessKeyId, SignatureMethod, SignatureVersion, SignatureNonce, Timestamp), signed. The official SDKs send them
 * as {@code POST /?<every parameter>} with an empty form body, which is what {@link #query} is for.
 */
public final class RpcRequest {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private RpcRequest() {
    }

    /** Every parameter, Signature included, ready to send. */
    public static Map<String, String> signed(String method, Map<String, String> action, String version,
            String accessKeyId, String secret, Instant now, String nonce) {
        Map<String, String> p = new TreeMap<>(action);
        p.put("Format", "JSON");
        p.put("Version", version);
        p.put("AccessKeyId", accessKeyId);
        p.put("SignatureMethod", "HMAC-SHA1");
        p.put("SignatureVersion", "1.0");
        p.put("SignatureNonce", nonce);
        p.put("Timestamp", TIMESTAMP.format(now));
        p.put("Signature", RpcSignature.sign(method, p, secret));
        return p;
    }

    /** {@code k=v&k=v}, percent-encoded, for a query string or a form body. */
    public static String query(Map<String, String> params) {
        StringBuilder b = new StringBuilder();
        params.forEach((k, v) -> {
            if (b.length() > 0) {
                b.append('&');
            }
            b.append(RpcSignature.percentEncode(k)).append('=').append(RpcSignature.percentEncode(v));
        });
        return b.toString();
    }
}

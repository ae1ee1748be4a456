package dev.peerform.vpcapi.wire;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Alibaba Cloud's RPC signature, version 1.0: every parameter but Signature sorted by name, names and values
 * percent-encoded (UTF-8; space as %20, * as %2A, ~ kept), joined as k=v with &amp;; the string to sign is
 * {@code METHOD&%2F&} and that string percent-encoded; the signature is Base64(HMAC-SHA1(secret + "&", it)).
 * Both sides of the wire use this one implementation: the client signs, the emulator's server verifies.
 */
public final class RpcSignature {

    private RpcSignature() {
    }

    public static String percentEncode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A")
                .replace("%7E", "~");
    }

    /** The sorted, encoded parameters joined with &amp;, leaving out Signature. */
    public static String canonicalQuery(Map<String, String> params) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, String> e : new TreeMap<>(params).entrySet()) {
            if (e.getKey().equals("Signature")) {
                continue;
            }
            if (b.length() > 0) {
                b.append('&');
            }
            b.append(percentEncode(e.getKey())).append('=').append(percentEncode(e.getValue()));
        }
        return b.toString();
    }

    public static String stringToSign(String method, Map<String, String> params) {
        return method + "&" + percentEncode("/") + "&" + percentEncode(canonicalQuery(params));
    }

    public static String sign(String method, Map<String, String> params, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec((secret + "&").getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            byte[] digest = mac.doFinal(stringToSign(method, params).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA1 is required of every JVM", e);
        }
    }
}

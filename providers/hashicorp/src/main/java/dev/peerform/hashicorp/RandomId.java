package dev.peerform.hashicorp;

import dev.peerform.diag.Diagnostics;
import dev.peerform.spi.AttributeSchema;
import dev.peerform.spi.Schema;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.Type;
import dev.peerform.value.Value;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code random_id}: {@code byte_length} random bytes written four ways (URL-safe base64 without padding, standard
 * base64, hex, decimal), each after {@code prefix}; the id is the prefixed URL-safe form.
 */
final class RandomId extends LocalResource {

    RandomId() {
        super("random_id", Schema.builder()
                .attribute("id", AttributeSchema.computed(Type.STRING))
                .attribute("byte_length", AttributeSchema.required(Type.NUMBER).forcesNew())
                .attribute("prefix", AttributeSchema.optional(Type.STRING).forcesNew())
                .attribute("keepers", AttributeSchema.optional(Type.map(Type.STRING)).forcesNew())
                .attribute("b64_url", AttributeSchema.computed(Type.STRING))
                .attribute("b64_std", AttributeSchema.computed(Type.STRING))
                .attribute("hex", AttributeSchema.computed(Type.STRING))
                .attribute("dec", AttributeSchema.computed(Type.STRING))
                .build());
    }

    @Override
    public void validate(ObjectValue config, Diagnostics diags) {
        Long n = num(config, "byte_length");
        if (n != null && n < 1) {
            diags.errorOn("byte_length", "Invalid byte_length", "byte_length must be at least 1.");
        }
    }

    @Override
    ObjectValue make(ObjectValue planned, SecureRandom random) {
        byte[] bytes = new byte[Math.toIntExact(num(planned, "byte_length"))];
        random.nextBytes(bytes);
        return withBytes(mutable(planned), str(planned, "prefix"), bytes);
    }

    private ObjectValue withBytes(Map<String, Value> out, String prefix, byte[] bytes) {
        String p = prefix == null ? "" : prefix;
        String url = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        out.put("id", Value.of(p + url));
        out.put("b64_url", Value.of(p + url));
        out.put("b64_std", Value.of(p + Base64.getEncoder().encodeToString(bytes)));
        out.put("hex", Value.of(p + HexFormat.of().formatHex(bytes)));
        out.put("dec", Value.of(p + new BigInteger(1, bytes)));
        return object(out);
    }

    /** {@code <b64_url>}, or {@code <prefix>,<b64_url>}. */
    @Override
    ObjectValue importById(String id, Diagnostics diags) {
        int comma = id.lastIndexOf(',');
        String prefix = comma < 0 ? null : id.substring(0, comma);
        String url = comma < 0 ? id : id.substring(comma + 1);
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(url);
        } catch (IllegalArgumentException e) {
            diags.error("Invalid import id", "A random_id is imported by its b64_url value (or prefix,b64_url); \""
                    + url + "\" is not URL-safe base64.", null);
            return null;
        }
        Map<String, Value> out = new TreeMap<>();
        out.put("byte_length", Value.of(bytes.length));
        if (prefix != null) {
            out.put("prefix", Value.of(prefix));
        }
        return withBytes(out, prefix, bytes);
    }
}

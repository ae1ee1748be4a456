package dev.peerform.states;

import dev.peerform.lang.ValueJson;
import dev.peerform.value.ListValue;
import dev.peerform.value.MapValue;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.SetValue;
import dev.peerform.value.StringValue;
import dev.peerform.value.TupleValue;
import dev.peerform.value.Value;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * Secrets are kept and compared as the SHA-256 of their JSON ({@code "sha256:..."}): the state and a plan file can
 * then tell whether a secret changed without ever holding it. Diff equality is defined here for that reason.
 */
public final class Redaction {

    public static final String REDACTED_PREFIX = "sha256:";

    private Redaction() {
    }

    /** Sensitive parts replaced by their digests: what is stored, and what diffs compare. */
    public static Value redact(Value v) {
        if (v.isSensitive()) {
            if (v.unmarked().isNull() || !v.unmarked().isKnown()
                    || (v.unmarked() instanceof StringValue s && s.value().startsWith(REDACTED_PREFIX))) {
                return v;
            }
            return Value.sensitive(Value.of(digest(v.unmarkedDeep())));
        }
        Value u = v;
        if (u instanceof ObjectValue o) {
            Map<String, Value> m = new TreeMap<>();
            o.attributes().forEach((k, x) -> m.put(k, redact(x)));
            return new ObjectValue(m);
        }
        if (u instanceof MapValue mv) {
            Map<String, Value> m = new TreeMap<>();
            mv.elements().forEach((k, x) -> m.put(k, redact(x)));
            return new MapValue(mv.elementType(), m);
        }
        if (u instanceof ListValue l) {
            return new ListValue(l.elementType(), l.elements().stream().map(Redaction::redact).toList());
        }
        if (u instanceof TupleValue tv) {
            return new TupleValue(tv.elements().stream().map(Redaction::redact).toList());
        }
        if (u instanceof SetValue s) {
            return new SetValue(s.elementType(), s.elements().stream().map(Redaction::redact).toList());
        }
        return v;
    }

    /** True when the two values are the same once secrets are compared by digest. */
    public static boolean sameForDiff(Value a, Value b) {
        if (a == null || b == null) {
            return a == b;
        }
        return redact(a).unmarkedDeep().equals(redact(b).unmarkedDeep());
    }

    private static String digest(Value v) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(ValueJson.value(v).toString()
                    .getBytes(StandardCharsets.UTF_8));
            return REDACTED_PREFIX + HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

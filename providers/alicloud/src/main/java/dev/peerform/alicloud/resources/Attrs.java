package dev.peerform.alicloud.resources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.Value;
import java.util.Map;
import java.util.TreeMap;

/** Small conveniences over object values and API answers. */
final class Attrs {

    private Attrs() {
    }

    /** The attribute as a string when it is known and not null; otherwise null. */
    static String str(ObjectValue o, String name) {
        if (o == null) {
            return null;
        }
        Value v = o.get(name);
        if (v == null || v.isNull() || !v.isKnown()) {
            return null;
        }
        Value u = v.unmarked();
        return u instanceof dev.peerform.value.StringValue s ? s.value() : u.toString();
    }

    static Integer integer(ObjectValue o, String name) {
        Value v = o == null ? null : o.get(name);
        return v == null || v.isNull() || !v.isKnown() ? null : v.asNumber().intValue();
    }

    static ObjectValue with(ObjectValue o, Object... kv) {
        Map<String, Value> m = new TreeMap<>(o.attributes());
        for (int i = 0; i < kv.length; i += 2) {
            Object v = kv[i + 1];
            m.put((String) kv[i], v == null ? Value.nullOf(m.containsKey((String) kv[i])
                    ? m.get((String) kv[i]).type() : dev.peerform.value.Type.STRING)
                    : v instanceof Value val ? val : v instanceof Integer n ? Value.of(n) : Value.of(v.toString()));
        }
        return new ObjectValue(m);
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || v.asText().isEmpty() ? null : v.asText();
    }

    /**
     * The steps of a resource that is created and deleted whole and whose only in-place change is its name:
     * "create the VPC", "rename the VPC", "delete the VPC".
     */
    static java.util.List<dev.peerform.spi.StepSpec> createRenameDeleteSteps(dev.peerform.spi.ChangeView change,
            String what) {
        java.util.List<dev.peerform.spi.StepSpec> out = new java.util.ArrayList<>();
        if (change.action() == dev.peerform.spi.ChangeAction.UPDATE) {
            out.add(dev.peerform.spi.StepSpec.of("rename", dev.peerform.spi.Phase.UPDATE, "rename the " + what));
        }
        if (change.action().destroys()) {
            out.add(dev.peerform.spi.StepSpec.of("delete", dev.peerform.spi.Phase.DESTROY, "delete the " + what));
        }
        if (change.action().creates() && change.action() != dev.peerform.spi.ChangeAction.UPDATE) {
            out.add(dev.peerform.spi.StepSpec.of("create", dev.peerform.spi.Phase.CREATE, "create the " + what));
        }
        return out;
    }

    /** Calls a deleting action; an object already gone is what deleting wanted. */
    static void deleteIgnoringNotFound(dev.peerform.alicloud.transport.Api api, String action, String... kv)
            throws dev.peerform.alicloud.transport.ApiException {
        try {
            api.call(action, kv);
        } catch (dev.peerform.alicloud.transport.ApiException e) {
            if (!e.isNotFound()) {
                throw e;
            }
        }
    }

    static Value strOrNull(String s) {
        return s == null ? Value.nullOf(dev.peerform.value.Type.STRING) : Value.of(s);
    }
}

package dev.peerform.hashicorp;

import dev.peerform.diag.Diagnostics;
import dev.peerform.spi.AttributeSchema;
import dev.peerform.spi.Schema;
import dev.peerform.value.ListValue;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.Type;
import dev.peerform.value.Value;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** {@code random_shuffle}: {@code input} in a random order, the first {@code result_count} of it. */
final class RandomShuffle extends LocalResource {

    RandomShuffle() {
        super("random_shuffle", Schema.builder()
                .attribute("id", AttributeSchema.computed(Type.STRING))
                .attribute("input", AttributeSchema.required(Type.list(Type.STRING)).forcesNew())
                .attribute("result_count", AttributeSchema.optional(Type.NUMBER).forcesNew())
                .attribute("seed", AttributeSchema.optional(Type.STRING).forcesNew())
                .attribute("keepers", AttributeSchema.optional(Type.map(Type.STRING)).forcesNew())
                .attribute("result", AttributeSchema.computed(Type.list(Type.STRING)))
                .build());
    }

    @Override
    public void validate(ObjectValue config, Diagnostics diags) {
        Long n = num(config, "result_count");
        if (n != null && n < 0) {
            diags.errorOn("result_count", "Invalid result_count", "result_count must not be negative.");
        }
    }

    @Override
    ObjectValue make(ObjectValue planned, SecureRandom random) {
        List<Value> items = new ArrayList<>(planned.get("input").unmarked().children());
        Collections.shuffle(items, Seeded.of(str(planned, "seed"), random));
        Long n = num(planned, "result_count");
        if (n != null && n < items.size()) {
            // fewer than asked when input is shorter, as the official provider does
            items = items.subList(0, Math.toIntExact(n));
        }
        Map<String, Value> out = mutable(planned);
        out.put("result", new ListValue(Type.STRING, items));
        out.put("id", Value.of("-"));
        return object(out);
    }
}

package dev.peerform.hashicorp;

import dev.peerform.spi.AttributeSchema;
import dev.peerform.spi.Schema;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.Type;
import dev.peerform.value.Value;
import java.security.SecureRandom;
import java.util.Map;

/** {@code null_resource}: nothing but an id, replaced when {@code triggers} change. */
final class NullResource extends LocalResource {

    static final String TYPE = "null_resource";

    NullResource() {
        super(TYPE, Schema.builder()
                .attribute("id", AttributeSchema.computed(Type.STRING))
                .attribute("triggers", AttributeSchema.optional(Type.map(Type.STRING)).forcesNew())
                .build());
    }

    @Override
    ObjectValue make(ObjectValue planned, SecureRandom random) {
        Map<String, Value> out = mutable(planned);
        // the official id is a non-negative random integer in decimal
        out.put("id", Value.of(Long.toString(random.nextLong() & Long.MAX_VALUE)));
        return new ObjectValue(out);
    }
}

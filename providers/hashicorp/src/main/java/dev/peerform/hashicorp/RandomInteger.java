package dev.peerform.hashicorp;

import dev.peerform.diag.Diagnostics;
import dev.peerform.spi.AttributeSchema;
import dev.peerform.spi.Schema;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.Type;
import dev.peerform.value.Value;
import java.security.SecureRandom;
import java.util.Map;
import java.util.TreeMap;

/** {@code random_integer}: an integer in [min, max]; the same {@code seed} gives the same one. */
final class RandomInteger extends LocalResource {

    RandomInteger() {
        super("random_integer", Schema.builder()
                .attribute("id", AttributeSchema.computed(Type.STRING))
                .attribute("min", AttributeSchema.required(Type.NUMBER).forcesNew())
                .attribute("max", AttributeSchema.required(Type.NUMBER).forcesNew())
                .attribute("seed", AttributeSchema.optional(Type.STRING).forcesNew())
                .attribute("keepers", AttributeSchema.optional(Type.map(Type.STRING)).forcesNew())
                .attribute("result", AttributeSchema.computed(Type.NUMBER))
                .build());
    }

    @Override
    public void validate(ObjectValue config, Diagnostics diags) {
        Long min = num(config, "min");
        Long max = num(config, "max");
        if (min != null && max != null && min > max) {
            diags.errorOn("max", "Invalid range", "min (" + min + ") must not be greater than max (" + max + ").");
        }
    }

    @Override
    ObjectValue make(ObjectValue planned, SecureRandom random) {
        long min = num(planned, "min");
        long max = num(planned, "max");
        long n = min + (long) (Seeded.of(str(planned, "seed"), random).nextDouble() * (max - min + 1));
        Map<String, Value> out = mutable(planned);
        out.put("result", Value.of(Math.min(n, max)));
        out.put("id", Value.of(Long.toString(Math.min(n, max))));
        return object(out);
    }

    /** {@code <result>,<min>,<max>} with an optional {@code ,<seed>}. */
    @Override
    ObjectValue importById(String id, Diagnostics diags) {
        String[] parts = id.split(",", 4);
        try {
            if (parts.length < 3) {
                throw new NumberFormatException();
            }
            Map<String, Value> out = new TreeMap<>();
            out.put("result", Value.of(Long.parseLong(parts[0])));
            out.put("id", Value.of(parts[0]));
            out.put("min", Value.of(Long.parseLong(parts[1])));
            out.put("max", Value.of(Long.parseLong(parts[2])));
            if (parts.length == 4) {
                out.put("seed", Value.of(parts[3]));
            }
            return object(out);
        } catch (NumberFormatException e) {
            diags.error("Invalid import id", "A random_integer is imported as result,min,max or "
                    + "result,min,max,seed (integers); got \"" + id + "\".", null);
            return null;
        }
    }
}

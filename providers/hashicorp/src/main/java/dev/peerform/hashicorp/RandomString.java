package dev.peerform.hashicorp;

import at.favre.lib.crypto.bcrypt.BCrypt;
import dev.peerform.diag.Diagnostics;
import dev.peerform.spi.AttributeSchema;
import dev.peerform.spi.PlannedInstance;
import dev.peerform.spi.Schema;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.Type;
import dev.peerform.value.Value;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code random_string} and {@code random_password}: {@code length} characters from the classes allowed (lower,
 * upper, numeric, special: {@code override_special} replaces the special set), at least {@code min_*} of each. A
 * password's result is sensitive and comes with a bcrypt hash; its id is {@code none}, a string's id is the string.
 */
final class RandomString extends LocalResource {

    static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
    static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    static final String NUMERIC = "0123456789";
    static final String SPECIAL = "!@#$%&*()-_=+[]{}<>:?";
    static final String DEPRECATED_NUMBER = "**NOTE**: This is deprecated, use `numeric` instead.";

    private final boolean password;

    RandomString(boolean password) {
        super(password ? "random_password" : "random_string", schema(password));
        this.password = password;
    }

    private static Schema schema(boolean password) {
        AttributeSchema result = AttributeSchema.computed(Type.STRING);
        Schema.Builder b = Schema.builder()
                .attribute("id", AttributeSchema.computed(Type.STRING))
                .attribute("length", AttributeSchema.required(Type.NUMBER).forcesNew())
                .attribute("keepers", AttributeSchema.optional(Type.map(Type.STRING)).forcesNew())
                .attribute("override_special", AttributeSchema.optional(Type.STRING).forcesNew())
                .attribute("result", password ? result.asSensitive() : result);
        for (String flag : List.of("lower", "upper", "special")) {
            b.attribute(flag, AttributeSchema.optional(Type.BOOL).alsoComputed().forcesNew()
                    .withDefault(Value.of(true)));
        }
        // number and numeric take each other's value: no static default (see plan)
        b.attribute("numeric", AttributeSchema.optional(Type.BOOL).alsoComputed().forcesNew());
        b.attribute("number", AttributeSchema.optional(Type.BOOL).alsoComputed().forcesNew()
                .describedAs(DEPRECATED_NUMBER));
        for (String min : List.of("min_lower", "min_upper", "min_numeric", "min_special")) {
            b.attribute(min, AttributeSchema.optional(Type.NUMBER).alsoComputed().forcesNew()
                    .withDefault(Value.of(0)));
        }
        if (password) {
            b.attribute("bcrypt_hash", AttributeSchema.computed(Type.STRING).asSensitive());
        }
        return b.build();
    }

    @Override
    public void validate(ObjectValue config, Diagnostics diags) {
        Long length = num(config, "length");
        if (length != null && length < 1) {
            diags.errorOn("length", "Invalid length", "length must be at least 1.");
        }
        long mins = 0;
        boolean known = true;
        for (String min : List.of("min_lower", "min_upper", "min_numeric", "min_special")) {
            Value v = config.get(min);
            if (v != null && !v.isKnown()) {
                known = false;
            }
            Long n = num(config, min);
            if (n != null && n < 0) {
                diags.errorOn(min, "Invalid " + min, min + " must not be negative.");
            }
            mins += n == null ? 0 : n;
        }
        if (length != null && known && mins > length) {
            diags.errorOn("length", "Invalid length", "length (" + length + ") must be at least the sum of min_upper, "
                    + "min_lower, min_numeric and min_special (" + mins + ").");
        }
        Boolean number = bool(config, "number");
        Boolean numeric = bool(config, "numeric");
        if (number != null && numeric != null && !number.equals(numeric)) {
            diags.errorOn("numeric", "Conflicting number and numeric", "number (deprecated) and numeric must be "
                    + "equal when both are set.");
        }
        boolean allSet = true;
        boolean any = false;
        for (String flag : List.of("special", "upper", "lower")) {
            Boolean b = bool(config, flag);
            allSet &= b != null;
            any |= b != null && b;
        }
        Boolean n = numeric != null ? numeric : number;
        if (allSet && !any && n != null && !n) {
            diags.errorOn("numeric", "No characters allowed", "At least one of special, upper, lower and numeric "
                    + "must be true.");
        }
    }

    @Override
    public PlannedInstance plan(ObjectValue prior, ObjectValue config) {
        Map<String, Value> cfg = new TreeMap<>(config.attributes());
        Boolean number = bool(config, "number");
        Boolean numeric = bool(config, "numeric");
        Value either = Value.of(numeric != null ? numeric : number == null || number);
        if (config.get("numeric") == null || config.get("numeric").isKnown()) {
            cfg.put("numeric", numeric != null ? Value.of(numeric) : either);
        }
        if (config.get("number") == null || config.get("number").isKnown()) {
            cfg.put("number", number != null ? Value.of(number) : either);
        }
        PlannedInstance p = PlannedInstance.fromSchema(schema(), prior, new ObjectValue(cfg));
        List<String> replace = new ArrayList<>(p.requiresReplace());
        if (replace.contains("override_special") && emptyOrNull(prior, "override_special")
                && emptyOrNull(config, "override_special")) {
            // empty and null allow the same characters: not a change that makes a new value
            replace.remove("override_special");
            Map<String, Value> planned = new TreeMap<>(p.planned().attributes());
            if (replace.isEmpty()) {
                for (String computed : List.of("id", "result", "bcrypt_hash")) {
                    if (prior.get(computed) != null) {
                        planned.put(computed, prior.get(computed));
                    }
                }
            }
            return new PlannedInstance(new ObjectValue(planned), replace);
        }
        return p;
    }

    private static boolean emptyOrNull(ObjectValue v, String name) {
        Value x = v == null ? null : v.get(name);
        return x == null || x.isNull() || (x.isKnown() && x.unmarked().asString().isEmpty());
    }

    @Override
    ObjectValue make(ObjectValue planned, SecureRandom random) {
        String result = generate(planned, random);
        Map<String, Value> out = mutable(planned);
        out.put("result", password ? Value.sensitive(Value.of(result)) : Value.of(result));
        out.put("id", Value.of(password ? "none" : result));
        if (password) {
            out.put("bcrypt_hash", Value.sensitive(Value.of(new String(BCrypt.withDefaults().hash(10,
                    result.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8))));
        }
        return object(out);
    }

    static String generate(ObjectValue planned, SecureRandom random) {
        String special = str(planned, "override_special");
        String specials = special == null || special.isEmpty() ? SPECIAL : special;
        List<Character> out = new ArrayList<>();
        StringBuilder all = new StringBuilder();
        String[][] classes = {{"lower", LOWER, "min_lower"}, {"upper", UPPER, "min_upper"},
            {"numeric", NUMERIC, "min_numeric"}, {"special", specials, "min_special"}};
        for (String[] c : classes) {
            Boolean on = bool(planned, c[0]);
            Long min = num(planned, c[2]);
            for (long i = 0; i < (min == null ? 0 : min); i++) {
                out.add(c[1].charAt(random.nextInt(c[1].length())));
            }
            if (on == null || on) {
                all.append(c[1]);
            }
        }
        long length = num(planned, "length");
        while (out.size() < length) {
            out.add(all.charAt(random.nextInt(all.length())));
        }
        Collections.shuffle(out, random);
        StringBuilder b = new StringBuilder();
        out.forEach(b::append);
        return b.toString();
    }

    /** The string itself; the other arguments are not read back: their defaults are assumed. */
    @Override
    ObjectValue importById(String id, Diagnostics diags) {
        Map<String, Value> out = new TreeMap<>();
        out.put("length", Value.of(id.length()));
        for (String flag : List.of("lower", "upper", "special", "numeric", "number")) {
            out.put(flag, Value.of(true));
        }
        for (String min : List.of("min_lower", "min_upper", "min_numeric", "min_special")) {
            out.put(min, Value.of(0));
        }
        out.put("result", password ? Value.sensitive(Value.of(id)) : Value.of(id));
        out.put("id", Value.of(password ? "none" : id));
        if (password) {
            out.put("bcrypt_hash", Value.sensitive(Value.of(new String(BCrypt.withDefaults().hash(10,
                    id.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8))));
        }
        return object(out);
    }
}

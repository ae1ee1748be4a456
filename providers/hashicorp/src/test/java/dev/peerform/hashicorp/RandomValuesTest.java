package dev.peerform.hashicorp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peerform.diag.Diagnostics;
import dev.peerform.spi.PlannedInstance;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.Value;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rules of the random resources' values, as the official provider has them. */
class RandomValuesTest {

    private final SecureRandom random = new SecureRandom();

    private static ObjectValue config(LocalResource r, Map<String, Value> given) {
        Map<String, Value> all = new HashMap<>();
        r.schema().attributes().forEach((k, a) -> all.put(k, given.getOrDefault(k, Value.nullOf(a.type()))));
        return new ObjectValue(all);
    }

    private ObjectValue made(LocalResource r, Map<String, Value> given) {
        PlannedInstance p = r.plan(null, config(r, given));
        return r.make(p.planned(), random);
    }

    @Test
    void aStringHasItsLengthAndAtLeastItsMinimaFromOnlyTheAllowedClasses() {
        RandomString s = new RandomString(false);
        for (int i = 0; i < 50; i++) {
            String r = made(s, Map.of("length", Value.of(12), "special", Value.of(false), "min_upper",
                    Value.of(3), "min_numeric", Value.of(2))).get("result").asString();
            assertEquals(12, r.length());
            assertTrue(r.chars().filter(Character::isUpperCase).count() >= 3, r);
            assertTrue(r.chars().filter(Character::isDigit).count() >= 2, r);
            assertTrue(r.chars().allMatch(Character::isLetterOrDigit), r);
        }
    }

    @Test
    void overrideSpecialReplacesTheSpecialCharacters() {
        String r = made(new RandomString(false), Map.of("length", Value.of(40), "lower", Value.of(false), "upper",
                Value.of(false), "numeric", Value.of(false), "override_special", Value.of("_-"))).get("result")
                .asString();
        assertTrue(r.chars().allMatch(c -> c == '_' || c == '-'), r);
    }

    @Test
    void numberAndNumericTakeEachOthersValue() {
        PlannedInstance p = new RandomString(false).plan(null, config(new RandomString(false),
                Map.of("length", Value.of(8), "number", Value.of(false))));
        assertEquals(Value.of(false), p.planned().get("numeric"));
        Diagnostics d = new Diagnostics();
        new RandomString(false).validate(config(new RandomString(false), Map.of("length", Value.of(8), "number",
                Value.of(true), "numeric", Value.of(false))), d);
        assertTrue(d.hasErrors());
    }

    @Test
    void lengthBelowTheSumOfTheMinimaIsRefused() {
        Diagnostics d = new Diagnostics();
        new RandomString(true).validate(config(new RandomString(true), Map.of("length", Value.of(3), "min_upper",
                Value.of(2), "min_lower", Value.of(2))), d);
        assertTrue(d.hasErrors());
    }

    @Test
    void aPasswordsResultAndHashAreSensitiveAndItsIdIsNone() {
        ObjectValue p = made(new RandomString(true), Map.of("length", Value.of(16)));
        assertTrue(p.get("result").isSensitive());
        assertTrue(p.get("bcrypt_hash").isSensitive());
        assertEquals("none", p.get("id").asString());
    }

    @Test
    void changingKeepersReplacesAndEmptyOverrideSpecialIsNull() {
        RandomString s = new RandomString(false);
        ObjectValue prior = made(s, Map.of("length", Value.of(8), "keepers", Value.NULL));
        assertEquals(List.of(), s.plan(prior, config(s, Map.of("length", Value.of(8), "override_special",
                Value.of("")))).requiresReplace());
        RandomId id = new RandomId();
        ObjectValue before = made(id, Map.of("byte_length", Value.of(4)));
        assertEquals(List.of("keepers"), id.plan(before, config(id, Map.of("byte_length", Value.of(4),
                "keepers", Value.object(Map.of("ami", Value.of("x")))))).requiresReplace());
    }

    @Test
    void anIdIsWrittenFourWaysAfterItsPrefixAndImportsBack() {
        RandomId id = new RandomId();
        ObjectValue v = made(id, Map.of("byte_length", Value.of(8), "prefix", Value.of("p-")));
        assertTrue(v.get("hex").asString().matches("p-[0-9a-f]{16}"));
        assertEquals(v.get("id"), v.get("b64_url"));
        ObjectValue back = id.importById("p-," + v.get("b64_url").asString().substring(2), new Diagnostics());
        assertEquals(v.get("hex"), back.get("hex"));
        assertEquals(v.get("dec"), back.get("dec"));
    }

    @Test
    void anIntegerIsInItsRangeAndTheSameSeedGivesTheSameOne() {
        RandomInteger i = new RandomInteger();
        for (int n = 0; n < 50; n++) {
            long r = made(i, Map.of("min", Value.of(5), "max", Value.of(7))).get("result").asNumber().longValue();
            assertTrue(r >= 5 && r <= 7);
        }
        Map<String, Value> seeded = Map.of("min", Value.of(1), "max", Value.of(1000000), "seed", Value.of("s"));
        assertEquals(made(i, seeded).get("result"), made(i, seeded).get("result"));
        assertEquals(Value.of(42), i.importById("42,1,100", new Diagnostics()).get("result"));
    }

    @Test
    void aShuffleKeepsTheInputsElementsUpToResultCount() {
        RandomShuffle s = new RandomShuffle();
        ObjectValue v = made(s, Map.of("input", Value.tuple(List.of(Value.of("a"), Value.of("b"), Value.of("c"))),
                "result_count", Value.of(2)));
        assertEquals(2, v.get("result").children().size());
    }
}

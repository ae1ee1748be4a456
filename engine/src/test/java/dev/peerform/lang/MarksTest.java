package dev.peerform.lang;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peerform.value.ListValue;
import dev.peerform.value.MapValue;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.SetValue;
import dev.peerform.value.TupleValue;
import dev.peerform.value.Type;
import dev.peerform.value.Value;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Comparing values without their marks, as a plan diffs every instance: a secret changes when its value does. */
class MarksTest {

    private static ObjectValue object(Value name, Value tags, Value ports) {
        return new ObjectValue(Map.of("name", name, "tags", tags, "ports", ports));
    }

    @Test
    void valuesThatDifferOnlyInMarksDeepInsideAreTheSame() {
        Value tags = new MapValue(Type.STRING, new TreeMap<>(Map.of("env", Value.of("prod"))));
        Value secretTags = new MapValue(Type.STRING, new TreeMap<>(Map.of("env",
                Value.sensitive(Value.of("prod")))));
        Value ports = new ListValue(Type.NUMBER, List.of(Value.of(80), Value.of(443)));
        Value markedPorts = Value.sensitive(new ListValue(Type.NUMBER, List.of(Value.of(80),
                Value.sensitive(Value.of(443)))));
        assertTrue(Marks.sameIgnoringMarks(object(Value.of("a"), tags, ports),
                Value.sensitive(object(Value.sensitive(Value.of("a")), secretTags, markedPorts))));
    }

    @Test
    void aChangedValueUnderAMarkIsAChange() {
        Value tags = new TupleValue(List.of(Value.of("x")));
        Value ports = new ListValue(Type.NUMBER, List.of(Value.of(80)));
        assertFalse(Marks.sameIgnoringMarks(object(Value.of("a"), tags, ports),
                object(Value.sensitive(Value.of("b")), tags, ports)));
        assertFalse(Marks.sameIgnoringMarks(object(Value.of("a"), tags, ports),
                object(Value.of("a"), new TupleValue(List.of(Value.sensitive(Value.of("y")))), ports)));
        assertFalse(Marks.sameIgnoringMarks(object(Value.of("a"), tags, ports),
                object(Value.of("a"), tags, new ListValue(Type.NUMBER, List.of(Value.of(80), Value.of(81))))));
    }

    @Test
    void collectionsOfAnotherElementTypeOrWithOtherKeysDiffer() {
        assertFalse(Marks.sameIgnoringMarks(new ListValue(Type.NUMBER, List.of()), new ListValue(Type.STRING,
                List.of())));
        assertFalse(Marks.sameIgnoringMarks(new ObjectValue(Map.of("a", Value.of(1))),
                new ObjectValue(Map.of("b", Value.of(1)))));
        assertFalse(Marks.sameIgnoringMarks(new ObjectValue(Map.of("a", Value.of(1))),
                new ObjectValue(Map.of("a", Value.of(1), "b", Value.of(1)))));
    }

    @Test
    void aSetWhoseElementsDifferOnlyInMarksIsTheSame() {
        assertTrue(Marks.sameIgnoringMarks(new SetValue(Type.STRING, List.of(Value.of("a"), Value.of("b"))),
                new SetValue(Type.STRING, List.of(Value.sensitive(Value.of("b")), Value.of("a")))));
    }
}

package dev.peerform.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.peerform.value.ListValue;
import dev.peerform.value.MapValue;
import dev.peerform.value.SetValue;
import dev.peerform.value.Type;
import dev.peerform.value.Value;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Output values as Terraform 1.11 printed them after "Outputs:" (each expected text is Terraform's). */
class OutputValueFormatTest {

    @Test
    void collectionsSayTheirTypeAndEveryKeyIsQuotedUnaligned() {
        assertEquals("""
                toset([
                  "a",
                  "b",
                ])""", Values.output(new SetValue(Type.STRING, List.of(Value.of("a"), Value.of("b")))));
        assertEquals("tolist([])", Values.output(new ListValue(Type.STRING, List.of())));
        assertEquals("tomap({})", Values.output(new MapValue(Type.STRING, Map.of())));
        assertEquals("{}", Values.output(Value.object(Map.of())));
        assertEquals("[]", Values.output(Value.tuple(List.of())));
        assertEquals("""
                [
                  tomap({
                    "a" = "b"
                  }),
                ]""", Values.output(Value.tuple(List.of(new MapValue(Type.STRING, Map.of("a", Value.of("b")))))));
        assertEquals("""
                {
                  "a b" = 1
                  "c" = {
                    "d" = "e"
                  }
                }""", Values.output(Value.object(Map.of("a b", Value.of(1), "c",
                Value.object(Map.of("d", Value.of("e")))))));
    }

    @Test
    void severalLinesAreAHeredocAndScalarsAreBare() {
        assertEquals("<<EOT\nline1\nline2\n\nEOT", Values.output(Value.of("line1\nline2\n")));
        assertEquals("<<EOT\nline1\nline2\nEOT", Values.output(Value.of("line1\nline2")));
        assertEquals("""
                [
                  "a",
                  1.5,
                  true,
                  null,
                ]""", Values.output(Value.tuple(List.of(Value.of("a"), Value.of(new BigDecimal("1.50")),
                Value.of(true), Value.NULL))));
    }
}

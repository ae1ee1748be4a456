package dev.peerform.lang;

import static dev.peerform.lang.Functions.p;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.peerform.value.BoolValue;
import dev.peerform.value.ListValue;
import dev.peerform.value.MapValue;
import dev.peerform.value.NumberValue;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.StringValue;
import dev.peerform.value.TupleValue;
import dev.peerform.value.Type;
import dev.peerform.value.Value;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.util.zip.GZIPOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * base64encode, base64decode, base64gzip, textencodebase64, textdecodebase64, jsonencode, jsondecode, urlencode,
 * csvdecode.
 */
final class EncodingFunctions {

    /** Made on the first jsondecode, not when the functions are registered: most runs never decode JSON. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);
    }

    private EncodingFunctions() {
    }

    static void register(Functions.Registry r) {
        r.add("base64encode", List.of(p("str", Type.STRING)), (a, c) -> Value.of(Base64.getEncoder()
                .encodeToString(a.get(0).asString().getBytes(StandardCharsets.UTF_8))));
        r.add("base64decode", List.of(p("str", Type.STRING)), (a, c) -> {
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(a.get(0).asString());
            } catch (IllegalArgumentException e) {
                throw new FunctionException("failed to decode base64 data \"" + a.get(0).asString() + "\".");
            }
            try {
                return Value.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes)).toString());
            } catch (CharacterCodingException e) {
                throw new FunctionException(0, "the result of decoding the provided string is not valid UTF-8.");
            }
        });
        r.add("base64gzip", List.of(p("str", Type.STRING)), (a, c) -> {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
                gzip.write(a.get(0).asString().getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IllegalStateException("writing to memory cannot fail", e);
            }
            return Value.of(Base64.getEncoder().encodeToString(bytes.toByteArray()));
        });
        r.add("textencodebase64", List.of(p("string", Type.STRING), p("encoding", Type.STRING)), (a, c) -> {
            Charset cs = charset(a.get(1).asString());
            try {
                ByteBuffer out = cs.newEncoder().onUnmappableCharacter(CodingErrorAction.REPORT)
                        .onMalformedInput(CodingErrorAction.REPORT).encode(CharBuffer.wrap(a.get(0).asString()));
                byte[] bytes = new byte[out.remaining()];
                out.get(bytes);
                return Value.of(Base64.getEncoder().encodeToString(bytes));
            } catch (CharacterCodingException e) {
                throw new FunctionException(0, "the given string contains characters that cannot be represented "
                        + "in " + cs.name() + ".");
            }
        });
        r.add("textdecodebase64", List.of(p("source", Type.STRING), p("encoding", Type.STRING)), (a, c) -> {
            Charset cs = charset(a.get(1).asString());
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(a.get(0).asString());
            } catch (IllegalArgumentException e) {
                throw new FunctionException(0, "the given value has an invalid base64 symbol ("
                        + e.getMessage() + ").");
            }
            try {
                return Value.of(cs.newDecoder().onUnmappableCharacter(CodingErrorAction.REPORT)
                        .onMalformedInput(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
            } catch (CharacterCodingException e) {
                throw new FunctionException(0, "the given string contains symbols that are not defined for "
                        + cs.name() + ".");
            }
        });
        r.add("jsonencode", List.of(p("val", Type.DYNAMIC).nullable()), (a, c) -> Value.of(jsonEncode(a.get(0))));
        r.add("jsondecode", List.of(p("str", Type.STRING)), (a, c) -> {
            try {
                return fromJson(Json.MAPPER.readTree(a.get(0).asString()));
            } catch (JsonProcessingException e) {
                throw new FunctionException("the given string is not valid JSON: "
                        + e.getOriginalMessage() + ".");
            }
        });
        r.add("urlencode", List.of(p("str", Type.STRING)), (a, c) -> Value.of(urlEncode(a.get(0).asString())));
        r.add("csvdecode", List.of(p("str", Type.STRING)), (a, c) -> csvDecode(a.get(0).asString()));
    }

    /** JSON as Terraform's jsonencode writes it: compact, keys sorted, {@code < > &} escaped. */
    /** An encoding by its IANA name or alias, case aside, as Terraform names them. */
    private static Charset charset(String name) throws FunctionException {
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            throw new FunctionException(1, "\"" + name + "\" is not a supported IANA encoding name or alias.");
        }
    }

    static String jsonEncode(Value value) {
        StringBuilder b = new StringBuilder();
        encode(value.unmarked(), b);
        return b.toString();
    }

    private static void encode(Value v, StringBuilder b) {
        v = v.unmarked();
        if (v.isNull()) {
            b.append("null");
        } else if (v instanceof StringValue s) {
            quote(s.value(), b);
        } else if (v instanceof NumberValue n) {
            b.append(n);
        } else if (v instanceof BoolValue bool) {
            b.append(bool.value());
        } else if (v instanceof ObjectValue || v instanceof MapValue) {
            Map<String, Value> m = v instanceof ObjectValue o ? o.attributes()
                    : ((MapValue) v).elements();
            b.append('{');
            boolean first = true;
            for (Map.Entry<String, Value> e : m.entrySet()) {
                if (!first) {
                    b.append(',');
                }
                first = false;
                quote(e.getKey(), b);
                b.append(':');
                encode(e.getValue(), b);
            }
            b.append('}');
        } else {
            b.append('[');
            boolean first = true;
            for (Value e : v.children()) {
                if (!first) {
                    b.append(',');
                }
                first = false;
                encode(e, b);
            }
            b.append(']');
        }
    }

    private static void quote(String s, StringBuilder b) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '<', '>', '&', '\u2028', '\u2029' -> b.append(String.format("\\u%04x", (int) ch));
                default -> {
                    if (ch < 0x20) {
                        b.append(String.format("\\u%04x", (int) ch));
                    } else {
                        b.append(ch);
                    }
                }
            }
        }
        b.append('"');
    }

    static Value fromJson(JsonNode n) {
        if (n == null || n.isNull()) {
            return Value.NULL;
        }
        if (n.isTextual()) {
            return Value.of(n.textValue());
        }
        if (n.isNumber()) {
            return Value.of(n.decimalValue());
        }
        if (n.isBoolean()) {
            return Value.of(n.booleanValue());
        }
        if (n.isArray()) {
            List<Value> out = new ArrayList<>();
            n.forEach(e -> out.add(fromJson(e)));
            return new TupleValue(out);
        }
        Map<String, Value> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = n.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            out.put(f.getKey(), fromJson(f.getValue()));
        }
        return new ObjectValue(out);
    }

    /** As Go's url.QueryEscape: unreserved characters kept, space as '+', the rest percent-encoded. */
    private static String urlEncode(String s) {
        StringBuilder b = new StringBuilder();
        for (byte by : s.getBytes(StandardCharsets.UTF_8)) {
            int ch = by & 0xff;
            if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '-'
                    || ch == '_' || ch == '.' || ch == '~') {
                b.append((char) ch);
            } else if (ch == ' ') {
                b.append('+');
            } else {
                b.append('%').append(String.format("%02X", ch));
            }
        }
        return b.toString();
    }

    private static Value csvDecode(String text) throws FunctionException {
        List<List<String>> rows = parseCsv(text);
        if (rows.isEmpty()) {
            throw new FunctionException(0, "missing header line.");
        }
        List<String> header = rows.get(0);
        List<Value> out = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.size() != header.size()) {
                throw new FunctionException(0, "record on line " + (r + 1) + ": wrong number of fields.");
            }
            Map<String, Value> attrs = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                attrs.put(header.get(i), Value.of(row.get(i)));
            }
            out.add(new ObjectValue(attrs));
        }
        if (out.isEmpty()) {
            Map<String, Type> attrs = new LinkedHashMap<>();
            header.forEach(h -> attrs.put(h, Type.STRING));
            return new ListValue(Type.object(attrs), out);
        }
        return new ListValue(out.get(0).type(), out);
    }

    private static List<List<String>> parseCsv(String text) throws FunctionException {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            any = true;
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                any = false;
            } else {
                field.append(ch);
            }
        }
        if (quoted) {
            throw new FunctionException(0, "extraneous or missing \" in quoted-field.");
        }
        if (any) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}

package dev.peerform.lang;

import dev.peerform.value.ObjectValue;
import dev.peerform.value.TupleValue;
import dev.peerform.value.Type;
import dev.peerform.value.Value;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * yamldecode: SnakeYAML parses the text into nodes (anchors, aliases, block scalars, flow styles); what a plain
 * scalar means is decided here, the way Terraform's decoder decides it (YAML 1.1's booleans such as {@code yes}
 * and {@code y}, Go's integer prefixes such as {@code 0o14}, timestamps kept as RFC 3339 strings), since SnakeYAML's
 * own resolution differs.
 */
final class YamlDecoder {

    /** The tag given to a plain scalar with no explicit tag: its meaning is resolved here. */
    private static final Tag PLAIN = new Tag("tag:peerform.dev,2026:plain");
    private static final Set<String> NULLS = Set.of("", "~", "null", "Null", "NULL");
    private static final Set<String> TRUES = Set.of("y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on",
            "On", "ON");
    private static final Set<String> FALSES = Set.of("n", "N", "no", "No", "NO", "false", "False", "FALSE",
            "off", "Off", "OFF");
    private static final Pattern INT = Pattern.compile("[-+]?(0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|[0-9_]+)");
    private static final Pattern FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
    private static final Pattern SPECIAL_FLOAT = Pattern.compile("[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");
    private static final Pattern TIMESTAMP = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})"
            + "(?:(?:[Tt]|[ \\t]+)(\\d{1,2}):(\\d{2}):(\\d{2})(\\.\\d*)?[ \\t]*(Z|[-+]\\d{1,2}(?::?\\d{2})?)?)?");

    private YamlDecoder() {
    }

    static Value decode(String text) throws FunctionException {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true);
        Yaml yaml = new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()),
                new DumperOptions(), options, new PlainResolver());
        try {
            Iterator<Node> docs = yaml.composeAll(new StringReader(text)).iterator();
            if (!docs.hasNext()) {
                throw new FunctionException("on line 1, column 1: missing start of document.");
            }
            Node root = docs.next();
            if (docs.hasNext()) {
                throw new FunctionException("unexpected extra content after value.");
            }
            return value(root);
        } catch (YAMLException e) {
            throw new FunctionException(e.getMessage().replaceAll("\\s+", " ").trim() + ".");
        }
    }

    private static Value value(Node node) throws FunctionException {
        if (node instanceof SequenceNode s) {
            List<Value> out = new ArrayList<>();
            for (Node n : s.getValue()) {
                out.add(value(n));
            }
            return new TupleValue(out);
        }
        if (node instanceof MappingNode m) {
            return new ObjectValue(mapping(m));
        }
        ScalarNode s = (ScalarNode) node;
        String v = s.getValue();
        if (s.getScalarStyle() != DumperOptions.ScalarStyle.PLAIN) {
            return Value.of(v);
        }
        Tag tag = s.getTag();
        if (tag.equals(PLAIN)) {
            return plain(v);
        }
        if (tag.equals(Tag.STR)) {
            return Value.of(v);
        }
        if (tag.equals(Tag.INT) || tag.equals(Tag.FLOAT)) {
            if (SPECIAL_FLOAT.matcher(v).matches()) {
                return plain(v);
            }
            BigDecimal n = number(v);
            if (n == null) {
                throw new FunctionException("cannot decode " + v + " as " + tag.getValue() + ".");
            }
            return Value.of(n);
        }
        if (tag.equals(Tag.BOOL)) {
            if (!TRUES.contains(v) && !FALSES.contains(v)) {
                throw new FunctionException("cannot decode " + v + " as " + tag.getValue() + ".");
            }
            return Value.of(TRUES.contains(v));
        }
        if (tag.equals(Tag.NULL)) {
            return Value.NULL;
        }
        return Value.of(v);
    }

    /** A mapping's entries; "<<" merges other mappings' entries under the ones written here. */
    private static Map<String, Value> mapping(MappingNode m) throws FunctionException {
        Map<String, Value> merged = new LinkedHashMap<>();
        Map<String, Value> own = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            Node k = t.getKeyNode();
            if (k instanceof ScalarNode ks && ks.getTag().equals(PLAIN) && ks.getValue().equals("<<")) {
                Node v = t.getValueNode();
                List<Node> sources = v instanceof SequenceNode s ? s.getValue() : List.of(v);
                for (Node src : sources) {
                    if (!(src instanceof MappingNode sm)) {
                        throw new FunctionException("map merge requires map or sequence of maps as the value.");
                    }
                    mapping(sm).forEach(merged::putIfAbsent);
                }
                continue;
            }
            Value key = value(k);
            if (key.isNull() || !key.type().isPrimitive()) {
                throw new FunctionException("only strings, numbers and booleans can be mapping keys.");
            }
            try {
                own.put(Convert.to(key, Type.STRING).asString(), value(t.getValueNode()));
            } catch (ConversionException e) {
                throw new FunctionException("only strings, numbers and booleans can be mapping keys.");
            }
        }
        merged.putAll(own);
        return merged;
    }

    private static Value plain(String v) throws FunctionException {
        if (SPECIAL_FLOAT.matcher(v).matches()) {
            throw new FunctionException("cannot decode " + v + ": peerform's numbers are exact decimals, and have "
                    + "no infinity and no NaN.");
        }
        if (NULLS.contains(v)) {
            return Value.NULL;
        }
        if (TRUES.contains(v)) {
            return Value.TRUE;
        }
        if (FALSES.contains(v)) {
            return Value.FALSE;
        }
        BigDecimal n = number(v);
        if (n != null) {
            return Value.of(n);
        }
        Matcher t = TIMESTAMP.matcher(v);
        if (t.matches()) {
            return Value.of(timestamp(t));
        }
        return Value.of(v);
    }

    private static BigDecimal number(String v) {
        if (INT.matcher(v).matches()) {
            String s = v.replace("_", "");
            boolean negative = s.startsWith("-");
            if (s.startsWith("-") || s.startsWith("+")) {
                s = s.substring(1);
            }
            int radix = 10;
            if (s.length() > 1 && s.charAt(0) == '0' && Character.isLetter(s.charAt(1))) {
                radix = switch (Character.toLowerCase(s.charAt(1))) {
                    case 'x' -> 16;
                    case 'o' -> 8;
                    default -> 2;
                };
                s = s.substring(2);
            } else if (s.length() > 1 && s.charAt(0) == '0') {
                radix = 8; // YAML 1.1's (and Go's) leading-zero octal
            }
            try {
                BigInteger n = new BigInteger(s, radix);
                return new BigDecimal(negative ? n.negate() : n);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        if (FLOAT.matcher(v).matches()) {
            return new BigDecimal(v.startsWith(".") || v.startsWith("-.") || v.startsWith("+.")
                    ? v.replaceFirst("\\.", "0.") : v);
        }
        return null;
    }

    /** A YAML timestamp as Terraform gives it: an RFC 3339 string, whole seconds. */
    private static String timestamp(Matcher t) {
        String date = String.format("%s-%02d-%02d", t.group(1), Integer.parseInt(t.group(2)),
                Integer.parseInt(t.group(3)));
        if (t.group(4) == null) {
            return date + "T00:00:00Z";
        }
        String zone = t.group(8);
        if (zone == null || zone.equals("Z")) {
            zone = "Z";
        } else {
            String digits = zone.substring(1).replace(":", "");
            String hh = digits.length() <= 2 ? digits : digits.substring(0, digits.length() - 2);
            String mm = digits.length() <= 2 ? "00" : digits.substring(digits.length() - 2);
            zone = zone.charAt(0) + String.format("%02d", Integer.parseInt(hh)) + ":" + mm;
            if (zone.equals("+00:00") || zone.equals("-00:00")) {
                zone = "Z";
            }
        }
        return date + "T" + String.format("%02d", Integer.parseInt(t.group(4))) + ":" + t.group(5) + ":"
                + t.group(6) + zone;
    }

    /** Resolves nothing by itself: every untagged plain scalar is left for {@link #plain}. */
    private static final class PlainResolver extends Resolver {
        @Override
        public Tag resolve(NodeId kind, String value, boolean implicit) {
            if (kind == NodeId.scalar && implicit) {
                return PLAIN;
            }
            return super.resolve(kind, value, implicit);
        }
    }
}

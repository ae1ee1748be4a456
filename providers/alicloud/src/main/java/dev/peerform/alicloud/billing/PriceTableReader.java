package dev.peerform.alicloud.billing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peerform.alicloud.billing.PriceEntry.Distance;
import dev.peerform.alicloud.billing.PriceEntry.Kind;
import dev.peerform.alicloud.billing.PriceTable.KnownUnknown;
import dev.peerform.alicloud.billing.PriceTable.RegionGroup;
import dev.peerform.alicloud.billing.PriceTable.Source;
import dev.peerform.diag.Diagnostic;
import dev.peerform.diag.SourcePos;
import dev.peerform.diag.SourceRange;
import dev.peerform.vpcapi.billing.ChargeType;
import dev.peerform.vpcapi.domain.RouterType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a parsed price table against its format (docs/peerform-cost.md) and builds it, collecting every problem
 * with the position of the value at fault. Unknown keys are refused, so a misspelt key is not silently ignored.
 */
final class PriceTableReader {

    private static final Set<String> ROOT_KEYS = Set.of("format_version", "name", "currency", "note", "sources",
            "region_groups", "prices", "unknown");
    private static final Set<String> SOURCE_KEYS = Set.of("title", "url", "read");
    private static final Set<String> GROUP_KEYS = Set.of("name", "regions", "source");
    private static final Set<String> ENTRY_KEYS = Set.of("id", "kind", "distance", "region_group", "between",
            "router_type", "bandwidth_mbps", "max_bandwidth_mbps", "charge_types", "monthly", "from", "until",
            "source", "note");
    private static final Set<String> UNKNOWN_KEYS = Set.of("what", "why", "distance", "source");

    private final String filename;
    private final String origin;
    private final Map<String, SourcePos> positions;
    private final List<Diagnostic> problems;

    PriceTableReader(String filename, String origin, Map<String, SourcePos> positions, List<Diagnostic> problems) {
        this.filename = filename;
        this.origin = origin;
        this.positions = positions;
        this.problems = problems;
    }

    PriceTable read(JsonNode root) {
        if (!root.isObject()) {
            problem("", "a price table is a JSON object");
            return null;
        }
        keys(root, "", ROOT_KEYS);
        JsonNode version = root.get("format_version");
        if (version == null || !version.isInt() || version.intValue() != 1) {
            problem(version == null ? "" : "/format_version", "format_version must be 1");
        }
        String name = optionalText(root, "", "name");
        String currency = requiredText(root, "", "currency");
        Map<String, Source> sources = new LinkedHashMap<>();
        for (var f : fields(root, "", "sources", true)) {
            String at = "/sources/" + escape(f.getKey());
            if (object(f.getValue(), at)) {
                keys(f.getValue(), at, SOURCE_KEYS);
                sources.put(f.getKey(), new Source(f.getKey(), requiredText(f.getValue(), at, "title"),
                        optionalText(f.getValue(), at, "url")));
            }
        }
        Map<String, RegionGroup> groups = new LinkedHashMap<>();
        for (var f : fields(root, "", "region_groups", false)) {
            String at = "/region_groups/" + escape(f.getKey());
            if (object(f.getValue(), at)) {
                keys(f.getValue(), at, GROUP_KEYS);
                Set<String> regions = new HashSet<>(strings(f.getValue(), at, "regions"));
                if (regions.isEmpty()) {
                    problem(at, "a region group needs at least one region in \"regions\"");
                }
                groups.put(f.getKey(), new RegionGroup(f.getKey(), optionalText(f.getValue(), at, "name"), regions,
                        sourceRef(f.getValue(), at, sources)));
            }
        }
        List<PriceEntry> entries = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        JsonNode prices = root.get("prices");
        if (prices == null || !prices.isArray()) {
            problem(prices == null ? "" : "/prices", "\"prices\" must be an array of price rows");
        } else {
            for (int i = 0; i < prices.size(); i++) {
                JsonNode id = prices.get(i).get("id");
                if (id != null && id.isTextual() && !ids.add(id.asText())) {
                    problem("/prices/" + i + "/id", "the id \"" + id.asText() + "\" is used by another row");
                }
                PriceEntry e = entry(prices.get(i), "/prices/" + i, sources, groups);
                if (e != null) {
                    entries.add(e);
                }
            }
        }
        List<KnownUnknown> unknown = new ArrayList<>();
        JsonNode notes = root.get("unknown");
        if (notes != null && !notes.isArray()) {
            problem("/unknown", "\"unknown\" must be an array");
        } else if (notes != null) {
            for (int i = 0; i < notes.size(); i++) {
                String at = "/unknown/" + i;
                JsonNode n = notes.get(i);
                if (object(n, at)) {
                    keys(n, at, UNKNOWN_KEYS);
                    unknown.add(new KnownUnknown(requiredText(n, at, "what"), requiredText(n, at, "why"),
                            distance(n, at), sourceRef(n, at, sources)));
                }
            }
        }
        return new PriceTable(name == null ? filename : name, origin, currency == null ? "" : currency, sources,
                groups, entries, unknown);
    }

    private PriceEntry entry(JsonNode n, String at, Map<String, Source> sources, Map<String, RegionGroup> groups) {
        if (!object(n, at)) {
            return null;
        }
        int before = problems.size();
        keys(n, at, ENTRY_KEYS);
        String id = requiredText(n, at, "id");
        String kindText = requiredText(n, at, "kind");
        Kind kind = null;
        if (kindText != null) {
            switch (kindText) {
                case "price" -> kind = Kind.PRICE;
                case "promotion" -> kind = Kind.PROMOTION;
                default -> problem(at + "/kind", "kind must be \"price\" or \"promotion\", not \"" + kindText + "\"");
            }
        }
        Distance distance = distance(n, at);
        String group = optionalText(n, at, "region_group");
        if (group != null && !groups.containsKey(group)) {
            problem(at + "/region_group", "no region group \"" + group + "\" in \"region_groups\"");
        }
        List<String> between = n.has("between") ? strings(n, at, "between") : List.of();
        if (n.has("between") && (between.size() != 2 || between.get(0).equals(between.get(1)))) {
            problem(at + "/between", "\"between\" names two different regions, such as [\"cn-beijing\", "
                    + "\"cn-zhangjiakou\"]");
        }
        if (group != null && !between.isEmpty()) {
            problem(at + "/between", "a row has \"region_group\" or \"between\", not both");
        }
        if (!between.isEmpty() && distance == Distance.SAME_REGION) {
            problem(at + "/distance", "two different regions in \"between\" are cross-region, not same_region");
        }
        RouterType routerType = null;
        String rt = optionalText(n, at, "router_type");
        if (rt != null) {
            routerType = RouterType.fromApiName(rt).orElse(null);
            if (routerType == null) {
                problem(at + "/router_type", "router_type must be \"VRouter\" or \"VBR\", not \"" + rt + "\"");
            }
        }
        Integer exact = positiveInt(n, at, "bandwidth_mbps");
        Integer max = positiveInt(n, at, "max_bandwidth_mbps");
        if (exact != null && max != null) {
            problem(at + "/max_bandwidth_mbps", "a row has \"bandwidth_mbps\" or \"max_bandwidth_mbps\", not both");
        }
        Set<ChargeType> chargeTypes = EnumSet.noneOf(ChargeType.class);
        if (n.has("charge_types")) {
            List<String> names = strings(n, at, "charge_types");
            for (int i = 0; i < names.size(); i++) {
                String c = names.get(i);
                var parsed = ChargeType.fromInstanceChargeType(c).or(() -> ChargeType.fromPaymentType(c));
                if (parsed.isEmpty()) {
                    problem(at + "/charge_types/" + i, "a charge type is PostPaid or PrePaid (also spelt PayAsYouGo "
                            + "or Subscription), not \"" + c + "\"");
                } else {
                    chargeTypes.add(parsed.get());
                }
            }
        }
        BigDecimal monthly = amount(n, at);
        LocalDate from = date(n, at, "from");
        LocalDate until = date(n, at, "until");
        if (from != null && until != null && until.isBefore(from)) {
            problem(at + "/until", "\"until\" (" + until + ") is before \"from\" (" + from + ")");
        }
        if (kind == Kind.PROMOTION && until == null) {
            problem(at, "a promotion needs its end date in \"until\" (the last day it applies, YYYY-MM-DD)");
        }
        String source = sourceRef(n, at, sources);
        if (problems.size() > before) {
            return null;
        }
        return new PriceEntry(id, kind, distance, group, between, routerType, exact, max, chargeTypes, monthly, from,
                until, source, pos(at).line());
    }

    private Distance distance(JsonNode n, String at) {
        String d = optionalText(n, at, "distance");
        if (d == null) {
            return null;
        }
        return switch (d) {
            case "same_region" -> Distance.SAME_REGION;
            case "cross_region" -> Distance.CROSS_REGION;
            default -> {
                problem(at + "/distance", "distance must be \"same_region\" or \"cross_region\", not \"" + d + "\"");
                yield null;
            }
        };
    }

    private BigDecimal amount(JsonNode n, String at) {
        JsonNode v = n.get("monthly");
        if (v == null) {
            problem(at, "a row needs its monthly charge in \"monthly\", a decimal string such as \"70.00\"");
            return null;
        }
        try {
            BigDecimal d = new BigDecimal(v.isNumber() ? v.decimalValue().toPlainString() : v.asText());
            if (d.signum() < 0 || !v.isValueNode()) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            problem(at + "/monthly", "\"monthly\" must be an amount of 0 or more, such as \"70.00\", not "
                    + v.toString());
            return null;
        }
    }

    private LocalDate date(JsonNode n, String at, String key) {
        String s = optionalText(n, at, key);
        if (s == null) {
            return null;
        }
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            problem(at + "/" + key, "\"" + key + "\" must be a date YYYY-MM-DD, not \"" + s + "\"");
            return null;
        }
    }

    private Integer positiveInt(JsonNode n, String at, String key) {
        JsonNode v = n.get(key);
        if (v == null) {
            return null;
        }
        if (!v.isInt() || v.intValue() <= 0) {
            problem(at + "/" + key, "\"" + key + "\" must be a whole number of Mbit/s above 0, such as 1000");
            return null;
        }
        return v.intValue();
    }

    private String sourceRef(JsonNode n, String at, Map<String, Source> sources) {
        String s = requiredText(n, at, "source");
        if (s != null && !sources.containsKey(s)) {
            problem(at + "/source", "no source \"" + s + "\" in \"sources\": every price says where it comes from");
        }
        return s;
    }

    private List<String> strings(JsonNode n, String at, String key) {
        JsonNode v = n.get(key);
        List<String> out = new ArrayList<>();
        if (v == null || !v.isArray()) {
            problem(v == null ? at : at + "/" + key, "\"" + key + "\" must be an array of strings");
            return out;
        }
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isTextual() || v.get(i).asText().isBlank()) {
                problem(at + "/" + key + "/" + i, "\"" + key + "\" must hold non-empty strings");
            } else {
                out.add(v.get(i).asText());
            }
        }
        return out;
    }

    private List<Map.Entry<String, JsonNode>> fields(JsonNode n, String at, String key, boolean required) {
        JsonNode v = n.get(key);
        List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
        if (v == null) {
            if (required) {
                problem(at, "\"" + key + "\" is required");
            }
            return out;
        }
        if (!v.isObject()) {
            problem(at + "/" + key, "\"" + key + "\" must be an object");
            return out;
        }
        v.fields().forEachRemaining(out::add);
        return out;
    }

    private String requiredText(JsonNode n, String at, String key) {
        if (!n.has(key)) {
            problem(at, "\"" + key + "\" is required");
            return null;
        }
        return optionalText(n, at, key);
    }

    private String optionalText(JsonNode n, String at, String key) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            problem(at + "/" + key, "\"" + key + "\" must be a non-empty string");
            return null;
        }
        return v.asText();
    }

    private boolean object(JsonNode n, String at) {
        if (!n.isObject()) {
            problem(at, "expected a JSON object here");
            return false;
        }
        return true;
    }

    private void keys(JsonNode n, String at, Set<String> allowed) {
        n.fieldNames().forEachRemaining(k -> {
            if (!allowed.contains(k)) {
                problem(at + "/" + escape(k), "unknown key \"" + k + "\"; expected one of "
                        + allowed.stream().sorted().toList());
            }
        });
    }

    private void problem(String pointer, String detail) {
        SourcePos p = pos(pointer);
        String where = pointer.isEmpty() ? "" : " at " + readable(pointer);
        problems.add(Diagnostic.error("Invalid price table", detail + where + ".",
                new SourceRange(filename, p, p)));
    }

    private SourcePos pos(String pointer) {
        String p = pointer;
        while (true) {
            SourcePos found = positions.get(p);
            if (found != null || p.isEmpty()) {
                return found != null ? found : SourcePos.START;
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }

    /** {@code /prices/2/monthly} as {@code prices[2].monthly}. */
    private static String readable(String pointer) {
        StringBuilder b = new StringBuilder();
        for (String part : pointer.substring(1).split("/")) {
            String name = part.replace("~1", "/").replace("~0", "~");
            if (!name.isEmpty() && name.chars().allMatch(Character::isDigit)) {
                b.append('[').append(name).append(']');
            } else {
                b.append(b.length() == 0 ? "" : ".").append(name);
            }
        }
        return b.toString();
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}

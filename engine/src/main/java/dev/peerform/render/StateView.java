package dev.peerform.render;

import dev.peerform.lang.ValueJson;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.peerform.addrs.InstanceAddress;
import dev.peerform.addrs.InstanceKey;
import dev.peerform.addrs.ResourceMode;
import dev.peerform.providers.ProviderSet;
import dev.peerform.spi.ResourceType;
import dev.peerform.states.AttributeCodec;
import dev.peerform.states.InstanceState;
import dev.peerform.states.State;
import dev.peerform.value.ObjectValue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The state as {@code show} prints it: HCL-like for people, Terraform's JSON representation for tools. */
public final class StateView {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private StateView() {
    }

    /**
     * Terraform's {@code show}: each instance as {@code state show} prints it, then the outputs, secrets redacted.
     * Laid out as Terraform lays it out: a module's resources after the root's, modules depth first, each group
     * after a blank line once something was printed above it (a state whose root has no resources glues its
     * modules together, as Terraform's does); outputs after two blank lines, rendered as values are in a plan.
     */
    public static String human(State state, ProviderSet providers) {
        StringBuilder b = new StringBuilder();
        if (state.instanceCount() == 0 && state.outputs().isEmpty()) {
            return "The state file is empty. No resources are represented.\n";
        }
        List<String> module = null;
        boolean first = true; // nothing printed yet by this module or any module above it
        boolean firstOfModule = true;
        Set<List<String>> printed = new HashSet<>();
        for (State.Resource r : sorted(state)) {
            List<String> path = r.address.modulePath();
            if (!path.equals(module)) {
                module = path;
                first = !ancestorPrinted(path, printed);
                firstOfModule = true;
            }
            ResourceType type = providers.resourceType(r.address.type());
            for (Map.Entry<InstanceKey, InstanceState> e : r.instances.entrySet()) {
                if (firstOfModule && !first) {
                    b.append('\n');
                }
                if (!first || !firstOfModule) {
                    b.append('\n');
                }
                firstOfModule = false;
                printed.add(path);
                b.append(instance(r.address.instance(e.getKey()), e.getValue(), type));
            }
        }
        Map<String, State.Output> outputs = new TreeMap<>(state.outputs());
        outputs.values().removeIf(o -> o.value() == null || o.value().isNull()); // Terraform keeps no null output
        if (!outputs.isEmpty()) {
            b.append("\n\nOutputs:\n\n");
            outputs.forEach((name, o) -> {
                b.append(name).append(" = ");
                if (o.sensitive()) {
                    b.append("(sensitive value)\n");
                    return;
                }
                List<String> lines = Values.typed(ValueJson.value(o.value(), ValueJson.parseType(o.type())));
                lines.forEach(l -> b.append(l).append('\n'));
            });
        }
        return b.toString();
    }

    /** Whether the root or a module above this one (the path's prefixes) printed a resource already. */
    private static boolean ancestorPrinted(List<String> path, Set<List<String>> printed) {
        for (int i = 0; i <= path.size(); i++) {
            if (printed.contains(path.subList(0, i))) {
                return true;
            }
        }
        return false;
    }

    /** Terraform's order: per module (root, then depth first), data sources first, then by type and name. */
    private static List<State.Resource> sorted(State state) {
        List<State.Resource> out = new ArrayList<>(state.resources().values());
        Comparator<State.Resource> data = Comparator.comparing(r -> r.address.mode() != ResourceMode.DATA);
        out.sort((x, y) -> {
            if (!x.address.modulePath().equals(y.address.modulePath())) {
                return x.address.compareTo(y.address);
            }
            int c = data.compare(x, y);
            if (c == 0) {
                c = x.address.type().compareTo(y.address.type());
            }
            return c != 0 ? c : x.address.name().compareTo(y.address.name());
        });
        return out;
    }

    /** One instance as {@code state show} prints it: aligned attributes, null ones left out. */
    public static String instance(InstanceAddress a, InstanceState is, ResourceType type) {
        StringBuilder b = new StringBuilder();
        b.append("# ").append(a).append(is.tainted() ? ": (tainted)\n" : ":\n");
        b.append("resource \"").append(a.resource().type()).append("\" \"").append(a.resource().name())
                .append("\" {\n");
        if (type != null) {
            ObjectValue v = AttributeCodec.decode(is, type.schema());
            int width = v.attributes().entrySet().stream().filter(e -> !e.getValue().isNull())
                    .mapToInt(e -> e.getKey().length()).max().orElse(0);
            v.attributes().forEach((k, x) -> {
                if (!x.isNull()) {
                    List<String> lines = Values.hcl(x);
                    b.append("    ").append(k).append(" ".repeat(width - k.length())).append(" = ")
                            .append(lines.get(0)).append('\n');
                    lines.subList(1, lines.size()).forEach(l -> b.append("    ").append(l).append('\n'));
                }
            });
        }
        b.append("}\n");
        return b.toString();
    }

    /**
     * {@code {"format_version":"1.0","terraform_version":...,"values":{"outputs":...,"root_module":...}}}, as
     * Terraform's {@code show -json} writes it: sensitive values in clear, their paths in sensitive_values.
     */
    public static ObjectNode json(State state, ProviderSet providers) {
        return json(state, providers, true);
    }

    /** As {@link #json(State, ProviderSet)}; without {@code secrets}, a sensitive attribute is null (a plan's). */
    static ObjectNode json(State state, ProviderSet providers, boolean secrets) {
        ObjectNode root = F.objectNode();
        root.put("format_version", "1.0");
        root.put("terraform_version", state.terraformVersion());
        if (state.instanceCount() == 0 && state.outputs().isEmpty()) {
            return root;
        }
        ObjectNode values = root.putObject("values");
        ObjectNode outputs = values.putObject("outputs");
        new TreeMap<>(state.outputs()).forEach((k, o) -> {
            if (o.value() == null || o.value().isNull()) {
                return; // Terraform keeps no null output
            }
            ObjectNode n = outputs.putObject(k);
            n.put("sensitive", o.sensitive());
            n.set("value", o.value()); // as Terraform's show -json: the value, marked; the human view redacts it
            n.set("type", o.type());
        });
        Map<String, ObjectNode> modules = new LinkedHashMap<>();
        ObjectNode rootModule = values.putObject("root_module");
        for (State.Resource r : sorted(state)) {
            ObjectNode module = moduleNode(rootModule, r.address.modulePath(), modules);
            ArrayNode resources = module.has("resources") ? (ArrayNode) module.get("resources")
                    : module.putArray("resources");
            ResourceType type = providers.resourceType(r.address.type());
            for (Map.Entry<InstanceKey, InstanceState> e : r.instances.entrySet()) {
                ObjectNode n = resources.addObject();
                n.put("address", r.address.toString() + e.getKey());
                n.put("mode", r.address.mode() == ResourceMode.DATA ? "data" : "managed");
                n.put("type", r.address.type());
                n.put("name", r.address.name());
                if (e.getKey() instanceof InstanceKey.IntKey i) {
                    n.put("index", i.index());
                } else if (e.getKey() instanceof InstanceKey.StringKey s) {
                    n.put("index", s.key());
                }
                n.put("provider_name", providerName(r.provider));
                n.put("schema_version", e.getValue().schemaVersion());
                ObjectValue v = type == null ? null : AttributeCodec.decode(e.getValue(), type.schema());
                n.set("values", v == null ? e.getValue().attributes()
                        : secrets ? JsonValues.revealed(v) : JsonValues.known(v));
                n.set("sensitive_values", JsonValues.attributeMarks(v, true));
                if (!e.getValue().dependencies().isEmpty()) {
                    ArrayNode deps = n.putArray("depends_on");
                    e.getValue().dependencies().forEach(deps::add);
                }
                if (e.getValue().tainted()) {
                    n.put("tainted", true);
                }
            }
        }
        OmitEmpty.apply(values);
        return root;
    }

    private static ObjectNode moduleNode(ObjectNode root, List<String> path, Map<String, ObjectNode> modules) {
        ObjectNode node = root;
        StringBuilder address = new StringBuilder();
        for (int i = 0; i < path.size(); i++) {
            address.append(address.length() == 0 ? "" : ".").append("module.").append(path.get(i));
            String key = address.toString();
            ObjectNode parent = node;
            boolean holder = i == path.size() - 1;
            node = modules.computeIfAbsent(key, k -> {
                ArrayNode children = parent.has("child_modules") ? (ArrayNode) parent.get("child_modules")
                        : parent.putArray("child_modules");
                ObjectNode child = children.addObject();
                if (holder) {
                    child.putArray("resources"); // Terraform's key order: resources, address, child_modules
                }
                child.put("address", k);
                return child;
            });
        }
        return node;
    }

    /** {@code terraform.io/builtin/terraform} from {@code provider["terraform.io/builtin/terraform"]}. */
    static String providerName(String stateKey) {
        if (stateKey == null) {
            return "";
        }
        int open = stateKey.indexOf("[\"");
        int close = stateKey.indexOf("\"]");
        return open < 0 || close < 0 ? stateKey : stateKey.substring(open + 2, close);
    }
}

package dev.peerform.eval;

import dev.peerform.addrs.InstanceAddress;
import dev.peerform.addrs.InstanceKey;
import dev.peerform.addrs.ModuleStep;
import dev.peerform.addrs.ResourceAddress;
import dev.peerform.config.Module;
import dev.peerform.config.ModuleCall;
import dev.peerform.config.ModuleScope;
import dev.peerform.config.Output;
import dev.peerform.config.Resource;
import dev.peerform.config.Variable;
import dev.peerform.config.VariableValues;
import dev.peerform.diag.Diagnostics;
import dev.peerform.graph.BlockAddresses;
import dev.peerform.lang.ConversionException;
import dev.peerform.lang.Convert;
import dev.peerform.lang.Evaluator;
import dev.peerform.lang.Functions;
import dev.peerform.spi.DataSourceType;
import dev.peerform.spi.ResourceType;
import dev.peerform.spi.Schema;
import dev.peerform.syntax.Attribute;
import dev.peerform.syntax.Expr;
import dev.peerform.value.ListValue;
import dev.peerform.value.MapValue;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.SetValue;
import dev.peerform.value.TupleValue;
import dev.peerform.value.Type;
import dev.peerform.value.Value;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The values of a configuration's objects, computed on demand: variables (a child module's from its call's
 * arguments), locals, outputs, each resource's expansion and each instance's configuration. Resource instances'
 * values come from outside: planned values while planning, applied values while applying. A value is remembered
 * once it is wholly known (it cannot change after that); during a plan everything is remembered.
 */
public final class ModuleValues {

    /** Where instance values come from; null for an instance that has none (yet). */
    public interface InstanceValues {
        Value instance(InstanceAddress address);
    }

    private final Module root;
    private final Map<String, Value> rootVariables;
    private final Schemas schemas;
    private final Path cwd;
    private final InstanceValues instances;
    private final boolean rememberAll;
    private final Functions functions = Functions.standard();
    private final Map<String, Value> memo = new HashMap<>();
    /** The values being computed on this thread, in order: one asked for again is a cycle. */
    private final ThreadLocal<Set<String>> computing = ThreadLocal.withInitial(LinkedHashSet::new);
    private final Map<ResourceAddress, Expansion> expansions = new HashMap<>();
    private String workspace = "default";
    private final Map<String, Expansion> moduleExpansions = new HashMap<>();
    /** Set in the copy whose instances carry tracers ({@link Traces}); null in the values a plan uses. */
    private final Traces traces;
    private ModuleValues traced;
    private final TraceWorth worth = new TraceWorth(this);

    public ModuleValues(Module root, Map<String, Value> rootVariables, Schemas schemas, Path cwd,
            InstanceValues instances, boolean rememberAll) {
        this(root, rootVariables, schemas, cwd, instances, rememberAll, null);
    }

    private ModuleValues(Module root, Map<String, Value> rootVariables, Schemas schemas, Path cwd,
            InstanceValues instances, boolean rememberAll, Traces traces) {
        this.root = root;
        this.rootVariables = rootVariables;
        this.schemas = schemas;
        this.cwd = cwd;
        this.instances = instances;
        this.rememberAll = rememberAll;
        this.traces = traces;
    }

    /**
     * The resource instances each attribute of one instance's block refers to: those its syntax names
     * ({@link BodyDecoder#instanceReferences}), and those its value comes from through for expressions, functions,
     * locals, module variables and outputs ({@link Traces}), which replace the whole resource they were read from.
     * {@code prefix} is the module instance's address prefix ({@code module.m["a"].}).
     */
    public Map<String, List<String>> instanceReferences(List<String> path, Resource r, Expansion expansion,
            InstanceKey key, String prefix) {
        Map<String, List<String>> refs = BodyDecoder.instanceReferences(r.body(), r.forEach(), prefix,
                evaluator(path, context(expansion, key), new Diagnostics()));
        ModuleValues t = null;
        ModuleScope.Context context = null;
        for (Attribute a : r.body().attributes()) {
            if (!worth.attribute(a.expr(), r, path)) {
                continue;
            }
            if (t == null) {
                t = traced();
                Expansion e = t.expansion(path, r, new Diagnostics());
                context = e != null && e.eachValues().containsKey(key) ? t.context(e, key) : context(expansion, key);
            }
            Diagnostics ignored = new Diagnostics();
            Set<String> found = t.traces.instances(t.evaluator(path, context, ignored).evaluate(a.expr(), ignored));
            if (!found.isEmpty()) {
                refs.put(a.name(), t.traces.merged(refs.getOrDefault(a.name(), List.of()), found));
            }
        }
        return refs;
    }

    private synchronized ModuleValues traced() {
        if (traced == null) {
            traced = new ModuleValues(root, rootVariables, schemas, cwd, instances, rememberAll, new Traces());
            traced.workspace = workspace;
        }
        return traced;
    }

    /** The run's workspace, which terraform.workspace gives. */
    public void workspace(String name) {
        this.workspace = name;
    }

    /** Seeds the expansions decided at plan time, so that apply expands exactly as planned. */
    public void expansions(Map<ResourceAddress, Expansion> planned) {
        expansions.putAll(planned);
    }

    public Map<ResourceAddress, Expansion> expansions() {
        return expansions;
    }

    /** The module at a path; its steps may carry instance keys ({@code net["a"]}), which select no other module. */
    public Module module(List<String> path) {
        Module m = root;
        for (String step : path) {
            m = m == null ? null : m.children().get(ModuleStep.parse(step).name());
        }
        return m;
    }

    public ModuleScope scope(List<String> path, ModuleScope.Context context, Diagnostics diags) {
        Module m = module(path);
        ModuleScope.Values values = ModuleScope.values(
                name -> variable(path, name, diags),
                name -> local(path, name, diags),
                r -> resource(path, r, diags),
                call -> moduleOutputs(path, call, diags));
        return new ModuleScope(m, values, root.dir(), cwd, context, workspace);
    }

    public Evaluator evaluator(List<String> path, ModuleScope.Context context, Diagnostics diags) {
        return new Evaluator(scope(path, context, diags), functions, module(path).dir());
    }

    /**
     * A value computed once. A value asked for again while it is being computed depends on itself: that is a
     * cycle (the graph reports one through a module's variables and outputs before evaluation starts; this is the
     * guard that keeps any other from recursing without end), reported once and unknown.
     */
    private Value remember(String key, Diagnostics diags, Supplier<Value> compute) {
        Value v = memo.get(key);
        if (v != null) {
            return v;
        }
        Set<String> mine = computing.get();
        if (!mine.add(key)) {
            diags.error("Cycle", "The value of " + key.replaceFirst(":\\[\\]:", ".").replace(':', ' ')
                    + " depends on itself through: " + String.join(" -> ", mine) + ". Break the cycle by "
                    + "removing one of these references.", null);
            return Value.DYNAMIC_UNKNOWN;
        }
        try {
            v = compute.get();
        } finally {
            mine.remove(key);
        }
        if (rememberAll || v.isWhollyKnown()) {
            memo.put(key, v);
        }
        return v;
    }

    public Value variable(List<String> path, String name, Diagnostics diags) {
        if (path.isEmpty()) {
            Value v = rootVariables.get(name);
            return v == null ? Value.DYNAMIC_UNKNOWN : v;
        }
        return remember("var:" + path + ":" + name, diags, () -> {
            List<String> parentPath = path.subList(0, path.size() - 1);
            Module parent = module(parentPath);
            Module m = module(path);
            Variable variable = m.variables().get(name);
            ModuleStep step = ModuleStep.parse(path.get(path.size() - 1));
            ModuleCall call = parent.moduleCalls().get(step.name());
            Attribute arg = call.arguments().get(name);
            Value v;
            if (arg == null) {
                if (variable.required()) {
                    diags.error("Missing required argument", "The module \"" + call.name() + "\" needs a value for "
                            + "its variable \"" + name + "\", which has no default.", call.range());
                    return Value.unknown(variable.type().type());
                }
                v = variable.defaultValue();
            } else {
                Expansion calls = moduleExpansion(parentPath, call, diags);
                ModuleScope.Context context = calls == null || !calls.eachValues().containsKey(step.key())
                        ? ModuleScope.Context.NONE : context(calls, step.key());
                Value raw = evaluator(parentPath, context, diags).evaluate(arg.expr(), diags);
                try {
                    v = variable.type().convert(raw);
                } catch (ConversionException e) {
                    diags.error("Invalid value for module argument", "The given value is not suitable for the "
                            + "variable \"" + name + "\" of module \"" + call.name() + "\": " + e.getMessage() + ".",
                            arg.expr().range());
                    return Value.unknown(variable.type().type());
                }
            }
            if (variable.sensitive()) {
                v = Value.sensitive(v);
            }
            return v;
        });
    }

    public Value local(List<String> path, String name, Diagnostics diags) {
        return remember("local:" + path + ":" + name, diags, () -> evaluator(path, ModuleScope.Context.NONE, diags)
                .evaluate(module(path).locals().get(name), diags));
    }

    public Value output(List<String> path, String name, Diagnostics diags) {
        return remember("output:" + path + ":" + name, diags, () -> {
            Output o = module(path).outputs().get(name);
            if (o.value() == null) {
                return Value.NULL;
            }
            Value v = evaluator(path, ModuleScope.Context.NONE, diags).evaluate(o.value(), diags);
            return o.sensitive() ? Value.sensitive(v) : v;
        });
    }

    /** {@code module.NAME}: the object of its outputs, or a tuple (count) or object (for_each) of such objects. */
    private Value moduleOutputs(List<String> path, ModuleCall call, Diagnostics diags) {
        Module child = module(append(path, call.name()));
        Expansion e = moduleExpansion(path, call, diags);
        if (child == null || e == null) {
            return Value.DYNAMIC_UNKNOWN;
        }
        if (e.kind() == Expansion.Kind.SINGLE) {
            return outputsOf(append(path, call.name()), child, diags);
        }
        List<Value> items = new ArrayList<>();
        Map<String, Value> byKey = new TreeMap<>();
        for (InstanceKey k : e.keys()) {
            Value v = outputsOf(append(path, call.name() + k), child, diags);
            items.add(v);
            if (k instanceof InstanceKey.StringKey sk) {
                byKey.put(sk.key(), v);
            }
        }
        return e.kind() == Expansion.Kind.COUNT ? new TupleValue(items) : new ObjectValue(byKey);
    }

    private Value outputsOf(List<String> childPath, Module child, Diagnostics diags) {
        Map<String, Value> outputs = new TreeMap<>();
        for (String name : child.outputs().keySet()) {
            outputs.put(name, output(childPath, name, diags));
        }
        return new ObjectValue(outputs);
    }

    private static List<String> append(List<String> path, String step) {
        List<String> p = new ArrayList<>(path);
        p.add(step);
        return p;
    }

    /**
     * The instances a module call expands to, in the module instance at {@code path}; null (with a diagnostic)
     * when its count or for_each is invalid or not known until apply.
     */
    public Expansion moduleExpansion(List<String> path, ModuleCall call, Diagnostics diags) {
        String key = path + ":" + call.name();
        Expansion known = moduleExpansions.get(key);
        if (known != null) {
            return known.eachValues().values().stream().allMatch(Value::isWhollyKnown) ? known
                    : freshEachValues(path, call, key, known);
        }
        Expansion e;
        if (call.count() != null) {
            e = count(evaluator(path, ModuleScope.Context.NONE, diags).evaluate(call.count(), diags), call.count(),
                    diags);
        } else if (call.forEach() != null) {
            e = forEach(evaluator(path, ModuleScope.Context.NONE, diags).evaluate(call.forEach(), diags),
                    call.forEach(), diags);
        } else {
            e = Expansion.SINGLE;
        }
        if (e != null) {
            moduleExpansions.put(key, e);
        }
        return e;
    }

    /**
     * A module call's keys as decided, with each.value evaluated again: at apply, an object built from a resource
     * made in this run ({@code for_each = alicloud_vpc.peer}) is known once that resource is made, and the module's
     * arguments built from each.value must see it then, not the unknown they were first evaluated with.
     */
    private Expansion freshEachValues(List<String> path, ModuleCall call, String key, Expansion known) {
        if (call.forEach() == null) {
            return known;
        }
        Diagnostics ignored = new Diagnostics();
        Expansion fresh = forEach(evaluator(path, ModuleScope.Context.NONE, ignored).evaluate(call.forEach(),
                ignored), call.forEach(), ignored);
        if (fresh == null || ignored.hasErrors()) {
            return known;
        }
        Map<InstanceKey, Value> each = new LinkedHashMap<>();
        known.eachValues().forEach((k, v) -> each.put(k, fresh.eachValues().getOrDefault(k, v)));
        Expansion e = new Expansion(known.kind(), each);
        if (each.values().stream().allMatch(Value::isWhollyKnown)) {
            moduleExpansions.put(key, e);
        }
        return e;
    }

    /**
     * Every instance of the module at a configuration path ({@code [net, peer]}): the instance paths
     * ({@code [net["a"], peer[0]]}), in key order. The root is the one empty path.
     */
    public List<List<String>> moduleInstances(List<String> configPath, Diagnostics diags) {
        List<List<String>> out = new ArrayList<>();
        out.add(List.of());
        Module m = root;
        for (String name : configPath) {
            ModuleCall call = m == null ? null : m.moduleCalls().get(name);
            m = m == null ? null : m.children().get(name);
            if (call == null || m == null) {
                return List.of();
            }
            List<List<String>> next = new ArrayList<>();
            for (List<String> parent : out) {
                Expansion e = moduleExpansion(parent, call, diags);
                if (e == null) {
                    continue;
                }
                for (InstanceKey k : e.keys()) {
                    next.add(append(parent, name + k));
                }
            }
            out = next;
        }
        return out;
    }

    /** A resource's value for references: an object, a tuple (count) or an object of instances (for_each). */
    public Value resource(List<String> path, Resource r, Diagnostics diags) {
        ResourceAddress address = BlockAddresses.of(path, r);
        Expansion e = expansion(path, r, diags);
        if (e == null) {
            return Value.DYNAMIC_UNKNOWN;
        }
        switch (e.kind()) {
            case SINGLE -> {
                return instanceValue(r, address, InstanceKey.NONE);
            }
            case COUNT -> {
                List<Value> items = new ArrayList<>();
                for (InstanceKey k : e.keys()) {
                    items.add(instanceValue(r, address, k));
                }
                return new TupleValue(items);
            }
            default -> {
                Map<String, Value> items = new TreeMap<>();
                for (InstanceKey k : e.keys()) {
                    items.put(((InstanceKey.StringKey) k).key(), instanceValue(r, address, k));
                }
                return new ObjectValue(items);
            }
        }
    }

    private Value instanceValue(Resource r, ResourceAddress address, InstanceKey k) {
        InstanceAddress ia = address.instance(k);
        Value v = instances.instance(ia);
        if (traces == null) {
            return v == null ? unknownInstance(r) : v;
        }
        return traces.marked(ia, v, () -> {
            Schema s = schema(r);
            return traces.mark(v, s == null ? Type.DYNAMIC : s.type(), ia.toString(), address.toString());
        });
    }

    private Value unknownInstance(Resource r) {
        Schema s = schema(r);
        return s == null ? Value.DYNAMIC_UNKNOWN : Value.unknown(s.type());
    }

    /** The schema of a resource block: its managed type's, or its data source's. */
    public Schema schema(Resource r) {
        if (r.mode() == Resource.Mode.DATA) {
            DataSourceType d = schemas.dataSourceType(r.type());
            return d == null ? null : d.schema();
        }
        ResourceType t = schemas.resourceType(r.type());
        return t == null ? null : t.schema();
    }

    /**
     * The instances a resource block expands to; null (with a diagnostic) when count or for_each is invalid or not
     * known until apply.
     */
    public Expansion expansion(List<String> path, Resource r, Diagnostics diags) {
        ResourceAddress address = BlockAddresses.of(path, r);
        Expansion known = expansions.get(address);
        if (known != null) {
            for (Value each : known.eachValues().values()) {
                if (!each.isWhollyKnown()) {
                    return freshEachValues(path, r, address, known);
                }
            }
            return known; // looked up for every reference to the block: no stream
        }
        Expansion e;
        if (r.count() != null) {
            Value v = evaluator(path, ModuleScope.Context.NONE, diags).evaluate(r.count(), diags);
            e = count(v, r.count(), diags);
        } else if (r.forEach() != null) {
            Value v = evaluator(path, ModuleScope.Context.NONE, diags).evaluate(r.forEach(), diags);
            e = forEach(v, r.forEach(), diags);
        } else {
            e = Expansion.SINGLE;
        }
        if (e != null) {
            expansions.put(address, e);
        }
        return e;
    }

    /**
     * The keys an expansion was decided with, and each.value evaluated again: values that were unknown when the keys
     * were decided (an object holding an id made in this run) are known once what they come from is made, and an
     * instance must see them then, not the unknown of the plan.
     */
    private Expansion freshEachValues(List<String> path, Resource r, ResourceAddress address, Expansion known) {
        if (r.forEach() == null) {
            return known;
        }
        Diagnostics ignored = new Diagnostics();
        Expansion fresh = forEach(evaluator(path, ModuleScope.Context.NONE, ignored).evaluate(r.forEach(), ignored),
                r.forEach(), ignored);
        if (fresh == null || ignored.hasErrors()) {
            return known;
        }
        Map<InstanceKey, Value> each = new LinkedHashMap<>();
        known.eachValues().forEach((k, v) -> each.put(k, fresh.eachValues().getOrDefault(k, v)));
        Expansion e = new Expansion(known.kind(), each);
        if (each.values().stream().allMatch(Value::isWhollyKnown)) {
            expansions.put(address, e);
        }
        return e;
    }

    private static Expansion count(Value v, Expr countExpr, Diagnostics diags) {
        if (!v.isKnown()) {
            diags.error("Invalid count argument", "The \"count\" value depends on resource attributes that cannot be "
                    + "determined until apply, so peerform cannot predict how many instances will be created. To "
                    + "work around this, use the -target argument to first apply only the resources that the count "
                    + "depends on.", countExpr.range());
            return null;
        }
        if (v.isSensitive()) {
            diags.error("Invalid count argument", "Sensitive values, or values derived from sensitive values, "
                    + "cannot be used as count arguments.", countExpr.range());
            return null;
        }
        Value n;
        try {
            n = Convert.to(v, Type.NUMBER);
        } catch (ConversionException ex) {
            diags.error("Invalid count argument", "The given \"count\" argument value is unsuitable: a number is "
                    + "required.", countExpr.range());
            return null;
        }
        if (n.isNull()) {
            diags.error("Invalid count argument", "The given \"count\" argument value is null. An integer is "
                    + "required.", countExpr.range());
            return null;
        }
        BigDecimal d = n.asNumber();
        if (d.signum() < 0 || d.stripTrailingZeros().scale() > 0) {
            diags.error("Invalid count argument", "The given \"count\" argument value is unsuitable: must be a whole "
                    + "number, zero or greater.", countExpr.range());
            return null;
        }
        return Expansion.count(d.intValueExact());
    }

    private static Expansion forEach(Value v, Expr forEachExpr, Diagnostics diags) {
        if (!v.isKnown()) {
            diags.error("Invalid for_each argument", "The \"for_each\" value depends on resource attributes that "
                    + "cannot be determined until apply, so peerform cannot predict how many instances will be "
                    + "created. Use keys that are known before apply, such as names from the configuration.",
                    forEachExpr.range());
            return null;
        }
        if (v.isSensitive()) {
            diags.error("Invalid for_each argument", "Sensitive values, or values derived from sensitive values, "
                    + "cannot be used as for_each arguments.", forEachExpr.range());
            return null;
        }
        Value u = v.unmarked();
        Map<InstanceKey, Value> keys = new LinkedHashMap<>();
        if (u instanceof MapValue m) {
            m.elements().forEach((k, x) -> keys.put(new InstanceKey.StringKey(k), x));
        } else if (u instanceof ObjectValue o) {
            o.attributes().forEach((k, x) -> keys.put(new InstanceKey.StringKey(k), x));
        } else if (u instanceof SetValue s && s.elementType() == Type.STRING) {
            for (Value x : s.elements()) {
                if (!x.isKnown() || x.isNull()) {
                    diags.error("Invalid for_each argument", "Every element of the \"for_each\" set must be a "
                            + "known, non-null string.", forEachExpr.range());
                    return null;
                }
                keys.put(new InstanceKey.StringKey(x.asString()), x);
            }
        } else {
            diags.error("Invalid for_each argument", "The given \"for_each\" argument value is unsuitable: the "
                    + "\"for_each\" argument must be a map, or set of strings, and you have provided a value of type "
                    + u.type().friendlyName() + (u instanceof ListValue || u instanceof TupleValue
                    ? ". Convert a list to a set with toset()." : "."), forEachExpr.range());
            return null;
        }
        return new Expansion(Expansion.Kind.FOR_EACH, keys);
    }

    /** The context of one instance: count.index or each.key and each.value. */
    public ModuleScope.Context context(Expansion e, InstanceKey key) {
        return switch (e.kind()) {
            case SINGLE -> ModuleScope.Context.NONE;
            case COUNT -> new ModuleScope.Context(key.value(), null, null, null);
            case FOR_EACH -> new ModuleScope.Context(null, key.value(), e.eachValues().get(key), null);
        };
    }

    /** One instance's configuration decoded with its type's schema; null when the type is unknown. */
    public ObjectValue instanceConfig(List<String> path, Resource r, InstanceKey key, Diagnostics diags) {
        Schema schema = schema(r);
        if (schema == null) {
            return null;
        }
        Expansion e = expansion(path, r, diags);
        Evaluator evaluator = evaluator(path, context(e, key), diags);
        return BodyDecoder.decode(r.body(), schema, evaluator, (r.mode() == Resource.Mode.DATA ? "data \"" : "resource \"")
                + r.type() + "\" \"" + r.name() + "\"", diags);
    }

    /**
     * Runs the validation rules of every variable of the child modules (the root's ran when they were read). This
     * runs before any instance is planned, so what the variables are computed from is not known yet: values that are
     * not wholly known are forgotten again, or a plan would keep them unknown after the instances they come from are
     * planned (an object passed to a module would plan "(known after apply)" for ever).
     */
    public void validateModuleVariables(Diagnostics diags) {
        validate(root, List.of(), diags);
        memo.values().removeIf(v -> !v.isWhollyKnown());
    }

    private void validate(Module m, List<String> path, Diagnostics diags) {
        if (!path.isEmpty()) {
            for (List<String> instance : moduleInstances(path, diags)) {
                Map<String, Value> all = new HashMap<>();
                m.variables().keySet().forEach(n -> all.put(n, variable(instance, n, diags)));
                for (Variable v : m.variables().values()) {
                    new VariableValues().validate(v, all.get(v.name()), all, m.dir(), diags);
                }
            }
        }
        m.children().forEach((name, child) -> {
            List<String> p = new ArrayList<>(path);
            p.add(name);
            validate(child, p, diags);
        });
    }
}

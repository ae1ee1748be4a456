package dev.peerform.planner;

import dev.peerform.addrs.InstanceAddress;
import dev.peerform.config.Import;
import dev.peerform.config.Module;
import dev.peerform.config.ModuleScope;
import dev.peerform.config.Resource;
import dev.peerform.diag.Diagnostics;
import dev.peerform.eval.ModuleValues;
import dev.peerform.providers.ProviderSet;
import dev.peerform.spi.ConfiguredProvider;
import dev.peerform.spi.ResourceType;
import dev.peerform.spi.Schema;
import dev.peerform.states.AttributeCodec;
import dev.peerform.states.InstanceState;
import dev.peerform.states.State;
import dev.peerform.syntax.Expr;
import dev.peerform.value.MapValue;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.Type;
import dev.peerform.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code import} blocks, as Terraform 1.5 and later plan them: each target the state has no object at is read
 * through its provider while planning and planned against its configuration like any prior object; apply then
 * records it (and makes whatever change the plan shows). A target the state already has is left alone.
 */
public final class Imports {

    private Imports() {
    }

    /** The state with the imported objects in it, and each imported instance's id. */
    record Result(State state, Map<InstanceAddress, String> imported) {
    }

    static Result plan(Module root, ModuleValues values, ProviderSet providers, ConfigIndex config, State state,
            Diagnostics diags) {
        Map<InstanceAddress, String> imported = new LinkedHashMap<>();
        for (Import imp : root.imports()) {
            for (ModuleScope.Context each : contexts(imp, values, diags)) {
                importOne(imp, each, values, providers, config, state, imported, null, diags);
            }
        }
        return new Result(state, imported);
    }

    /** An import target with no resource block, read so that its configuration can be written. */
    public record Generated(InstanceAddress address, String id, String providerKey, Schema schema,
            ObjectValue object) {
    }

    /** {@code plan -generate-config-out}: the import targets that have no resource block, read from the cloud. */
    public static List<Generated> unconfigured(Module root, Map<String, Value> variables, ProviderSet providers,
            Diagnostics diags) {
        ModuleValues values = new ModuleValues(root, variables, providers, root.dir(), a -> null, true);
        ConfigIndex config = new ConfigIndex(root, providers);
        List<Generated> out = new ArrayList<>();
        State scratch = State.empty();
        for (Import imp : root.imports()) {
            for (ModuleScope.Context each : contexts(imp, values, diags)) {
                importOne(imp, each, values, providers, config, scratch, new LinkedHashMap<>(), out, diags);
            }
        }
        return out;
    }

    private static List<ModuleScope.Context> contexts(Import imp, ModuleValues values, Diagnostics diags) {
        if (imp.forEach() == null) {
            return List.of(ModuleScope.Context.NONE);
        }
        Value v = values.evaluator(List.of(), ModuleScope.Context.NONE, diags).evaluate(imp.forEach(), diags);
        if (!v.isWhollyKnown()) {
            diags.error("Invalid for_each argument", "The \"for_each\" of an import block must be known while "
                    + "planning.", imp.forEach().range());
            return List.of();
        }
        Value u = v.unmarked();
        Map<Value, Value> entries = new LinkedHashMap<>();
        if (u instanceof MapValue m) {
            m.elements().forEach((k, x) -> entries.put(Value.of(k), x));
        } else if (u instanceof ObjectValue o) {
            o.attributes().forEach((k, x) -> entries.put(Value.of(k), x));
        } else {
            List<Value> items = u.children();
            boolean set = u.type().friendlyName().startsWith("set");
            for (int i = 0; i < items.size(); i++) {
                entries.put(set ? items.get(i) : Value.of(i), items.get(i));
            }
        }
        return entries.entrySet().stream()
                .map(e -> new ModuleScope.Context(null, e.getKey(), e.getValue(), null)).toList();
    }

    private static void importOne(Import imp, ModuleScope.Context each, ModuleValues values, ProviderSet providers,
            ConfigIndex config, State state, Map<InstanceAddress, String> imported, List<Generated> generate,
            Diagnostics diags) {
        Diagnostics local = new Diagnostics();
        String text = address(imp.to(), values, each, local);
        Value id = values.evaluator(List.of(), each, local).evaluate(imp.id(), Type.STRING, local);
        if (local.hasErrors() || text == null) {
            diags.addAll(local);
            return;
        }
        if (!id.isKnown() || id.isNull()) {
            diags.error("Invalid import id argument", "The import ID must be a string known while planning.",
                    imp.id().range());
            return;
        }
        InstanceAddress a;
        try {
            a = InstanceAddress.parse(text);
        } catch (IllegalArgumentException e) {
            diags.error("Invalid import address", e.getMessage(), imp.to().range());
            return;
        }
        Resource r = config.configOf(a);
        if (r == null && generate != null) {
            String key = imp.provider() != null ? imp.provider() : Resource.impliedProvider(a.resource().type());
            ConfiguredProvider p = providers.configured(key);
            ResourceType type = providers.resourceType(a.resource().type());
            if (p != null && type != null) {
                ObjectValue v = p.importResource(a.resource().type(), id.asString(), diags);
                if (v != null) {
                    generate.add(new Generated(a, id.asString(), imp.provider(), type.schema(), v));
                }
                return;
            }
        }
        if (r == null) {
            diags.error("Configuration for import target does not exist", "The configuration for the given import "
                    + a + " does not exist. All target instances must have an associated configuration to be "
                    + "imported.", imp.range());
            return;
        }
        if (generate != null) {
            return; // only the targets without configuration are generated
        }
        if (state.instance(a) != null) {
            return; // already managed: the block has done its work
        }
        String key = imp.provider() != null ? imp.provider() : config.providerKeyFor(a.resource().modulePath(), r);
        ConfiguredProvider p = providers.configured(key);
        ResourceType type = providers.resourceType(r.type());
        if (p == null || type == null) {
            diags.error("Provider not available", "The provider " + key + " for " + a + " is not configured.",
                    imp.range());
            return;
        }
        Diagnostics reading = new Diagnostics();
        ObjectValue v = p.importResource(r.type(), id.asString(), reading);
        reading.list().forEach(d -> diags.add(d.address() == null ? d.withAddress(a.toString()) : d));
        if (v == null || reading.hasErrors()) {
            return;
        }
        state.put(a, providers.stateKey(key), new InstanceState(0, AttributeCodec.encode(v, type.schema()),
                AttributeCodec.sensitivePaths(v), List.of(), false, false, null));
        imported.put(a, id.asString());
    }

    /** {@code terraform_data.a}, {@code terraform_data.a["k"]}, {@code terraform_data.a[each.key]} as text. */
    private static String address(Expr to, ModuleValues values, ModuleScope.Context each, Diagnostics diags) {
        if (to instanceof Expr.ScopeTraversal t) {
            StringBuilder b = new StringBuilder(t.root());
            for (Expr.Step s : t.steps()) {
                b.append(s instanceof Expr.IndexStep i ? key(i.key()) : s.toString());
            }
            return b.toString();
        }
        Expr.Index index = (Expr.Index) to;
        String base = address(index.collection(), values, each, diags);
        Value k = values.evaluator(List.of(), each, diags).evaluate(index.key(), diags);
        if (base == null || !k.isKnown() || k.isNull()) {
            diags.error("Invalid import address", "The instance key of an import target must be known while "
                    + "planning.", index.key().range());
            return null;
        }
        return base + key(k.unmarked());
    }

    private static String key(Value k) {
        return k.type() == Type.STRING ? "[\"" + k.asString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"]"
                : "[" + k.asNumber().toBigInteger() + "]";
    }
}

package dev.peerform.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.peerform.addrs.InstanceKey;
import dev.peerform.addrs.ResourceMode;
import dev.peerform.config.Module;
import dev.peerform.config.ModuleCall;
import dev.peerform.config.Output;
import dev.peerform.config.Resource;
import dev.peerform.config.Variable;
import dev.peerform.diag.Diagnostics;
import dev.peerform.lang.Evaluator;
import dev.peerform.lang.Functions;
import dev.peerform.lang.References;
import dev.peerform.lang.Scope;
import dev.peerform.lang.ValueJson;
import dev.peerform.plans.Drift;
import dev.peerform.plans.OutputChange;
import dev.peerform.plans.Plan;
import dev.peerform.plans.PlannedStep;
import dev.peerform.plans.ResourceChange;
import dev.peerform.providers.ProviderSet;
import dev.peerform.spi.ChangeAction;
import dev.peerform.spi.PlanAnnotation;
import dev.peerform.states.State;
import dev.peerform.syntax.Attribute;
import dev.peerform.syntax.Expr;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.Value;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A plan in Terraform's plan JSON format ("format_version" 1.2: resource_changes, resource_drift, planned_values,
 * prior_state, output_changes, configuration, applyable, complete, errored), so policy and cost tools read it as
 * they read Terraform's; plus {@code peerform_ordered_actions}, the numbered steps with what each waits for.
 * Sensitive values never appear: they are null in the values and true in the *_sensitive trees.
 */
public final class PlanJson {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private PlanJson() {
    }

    public static ObjectNode plan(Plan plan, State prior, Module module, ProviderSet providers) {
        ObjectNode root = F.objectNode();
        root.put("format_version", "1.2");
        root.put("terraform_version", "1.11.4");
        ObjectNode vars = root.putObject("variables");
        plan.variables().forEach((k, v) -> vars.putObject(k).set("value", JsonValues.known(v)));
        ObjectNode planned = root.putObject("planned_values");
        ObjectNode plannedOutputs = planned.putObject("outputs");
        for (OutputChange o : plan.outputs()) {
            if (o.action() == ChangeAction.DELETE) {
                continue;
            }
            ObjectNode n = plannedOutputs.putObject(o.name());
            n.put("sensitive", o.sensitive());
            if (o.after() != null && o.after().isWhollyKnown() && !o.sensitive()) {
                n.set("type", ValueJson.type(o.after().type()));
                n.set("value", JsonValues.known(o.after()));
            }
        }
        ModuleTree plannedModules = new ModuleTree(planned.putObject("root_module"));
        for (ResourceChange c : plan.changes()) {
            if (c.action() == ChangeAction.DELETE || c.after() == null) {
                continue;
            }
            ObjectNode n = resourceHeader(plannedModules.resources(c.address().resource().stateModule())
                    .addObject(), c, providers);
            n.remove("module_address"); // the enclosing child module says it
            n.put("schema_version", 0);
            n.set("values", withoutNullUnknowns(c.after()));
            n.set("sensitive_values", JsonValues.attributeMarks(c.after(), true));
        }
        if (!plan.drift().isEmpty()) {
            ArrayNode drift = root.putArray("resource_drift");
            for (Drift d : plan.drift()) {
                ObjectNode n = drift.addObject();
                n.put("address", d.address().toString());
                n.put("mode", "managed").put("type", d.address().resource().type())
                        .put("name", d.address().resource().name());
                ObjectNode ch = n.putObject("change");
                ArrayNode actions = ch.putArray("actions");
                actions.add(d.after() == null ? "delete" : "update");
                ch.set("before", JsonValues.known(d.before()));
                ch.set("after", d.after() == null ? F.nullNode() : JsonValues.known(d.after()));
                ch.set("after_unknown", F.objectNode());
                ch.set("before_sensitive", JsonValues.attributeMarks(d.before(), true));
                ch.set("after_sensitive", d.after() == null ? F.booleanNode(false)
                        : JsonValues.attributeMarks(d.after(), true));
            }
        }
        ArrayNode changes = root.putArray("resource_changes");
        for (ResourceChange c : plan.changes()) {
            ObjectNode n = resourceHeader(changes.addObject(), c, providers);
            if (plan.moved().containsKey(c.address())) {
                n.put("previous_address", plan.moved().get(c.address()).toString());
            }
            ObjectNode ch = n.putObject("change");
            ArrayNode actions = ch.putArray("actions");
            c.action().jsonActions().forEach(actions::add);
            ch.set("before", c.before() == null ? F.nullNode() : JsonValues.known(c.before()));
            ch.set("after", c.after() == null || c.action() == ChangeAction.DELETE ? F.nullNode()
                    : withoutNullUnknowns(c.after()));
            ch.set("after_unknown", c.after() == null || c.action() == ChangeAction.DELETE ? F.objectNode()
                    : JsonValues.attributeMarks(c.after(), false));
            ch.set("before_sensitive", c.before() == null ? F.booleanNode(false)
                    : JsonValues.attributeMarks(c.before(), true));
            ch.set("after_sensitive", c.after() == null || c.action() == ChangeAction.DELETE ? F.booleanNode(false)
                    : JsonValues.attributeMarks(c.after(), true));
            String importId = plan.imported().get(c.address());
            if (importId != null) {
                ch.putObject("importing").put("id", importId);
            }
            if (!c.replacePaths().isEmpty()) {
                ArrayNode paths = ch.putArray("replace_paths");
                c.replacePaths().forEach(p -> paths.addArray().add(p));
            }
            String reason = actionReason(c);
            if (reason != null) {
                n.put("action_reason", reason);
            }
        }
        ObjectNode outputs = root.putObject("output_changes");
        for (OutputChange o : plan.outputs()) {
            ObjectNode n = outputs.putObject(o.name());
            ArrayNode actions = n.putArray("actions");
            if (isNull(o.before()) && o.after() != null && o.after().isKnown() && o.after().isNull()) {
                actions.add("no-op"); // null to null: Terraform stores no null output, so nothing is created
            } else {
                o.action().jsonActions().forEach(actions::add);
            }
            n.set("before", o.before() == null || o.sensitive() ? F.nullNode() : JsonValues.known(o.before()));
            if (!o.sensitive() && (o.after() == null || o.after().isKnown())) {
                n.set("after", o.after() == null ? F.nullNode()
                        : JsonValues.knownOmittingUnknownAttributes(o.after()));
            }
            // a wholly known value is "false" as a whole, not a tree of falses
            n.set("after_unknown", o.after() == null || o.after().isWhollyKnown() ? F.booleanNode(false)
                    : JsonValues.unknown(o.after()));
            n.put("before_sensitive", o.sensitive());
            n.put("after_sensitive", o.sensitive());
        }
        ObjectNode priorState = priorState(plan, prior, providers);
        if (priorState != null) {
            root.set("prior_state", priorState);
        }
        root.set("configuration", configuration(module, providers, plan.variables()));
        ArrayNode relevant = RelevantAttributes.of(plan, module);
        if (!relevant.isEmpty()) {
            root.set("relevant_attributes", relevant);
        }
        root.set("peerform_ordered_actions", orderedActions(plan));
        for (PlanAnnotation a : plan.annotations()) {
            root.set(a.key(), annotation(a));
        }
        root.put("timestamp", plan.timestamp().truncatedTo(ChronoUnit.SECONDS).toString()); // Terraform's RFC 3339
        OmitEmpty.apply(root);
        root.put("applyable", plan.hasChanges());
        root.put("complete", true);
        root.put("errored", false);
        return root;
    }

    /**
     * The refreshed state as Terraform records it in a plan: the plan walk has already written every output whose
     * new value is wholly known over the stored one (an output whose value is still unknown, or that the
     * configuration no longer has, keeps what was stored), so even a plan from an empty state has a prior state
     * when an output is known. Left out when it holds nothing at all. A sensitive output's value is null, as
     * every secret in peerform's plan JSON.
     */
    private static ObjectNode priorState(Plan plan, State prior, ProviderSet providers) {
        Map<String, ObjectNode> outputs = new TreeMap<>();
        prior.outputs().forEach((k, o) -> {
            if (o.value() == null || o.value().isNull()) {
                return; // Terraform keeps no null output
            }
            ObjectNode n = F.objectNode();
            n.put("sensitive", o.sensitive());
            n.set("value", o.sensitive() ? F.nullNode() : o.value());
            n.set("type", o.type());
            outputs.put(k, n);
        });
        for (OutputChange o : plan.outputs()) {
            if (o.action() == ChangeAction.DELETE || o.after() == null || !o.after().isWhollyKnown()) {
                continue;
            }
            if (o.after().isNull()) {
                outputs.remove(o.name());
                continue;
            }
            ObjectNode n = F.objectNode();
            n.put("sensitive", o.sensitive());
            n.set("value", o.sensitive() ? F.nullNode() : JsonValues.known(o.after()));
            n.set("type", ValueJson.type(o.after().type()));
            outputs.put(o.name(), n);
        }
        if (prior.instanceCount() == 0 && outputs.isEmpty()) {
            return null;
        }
        ObjectNode state = StateView.json(prior, providers, false);
        ObjectNode values = F.objectNode();
        if (!outputs.isEmpty()) {
            outputs.forEach(values.putObject("outputs")::set);
        }
        JsonNode rootModule = state.path("values").path("root_module");
        values.set("root_module", rootModule.isObject() ? rootModule : F.objectNode());
        state.set("values", values);
        return state;
    }

    private static boolean isNull(Value v) {
        return v == null || (v.isKnown() && v.isNull());
    }

    /** A provider's annotation, embedded as the object it wrote (one that is not valid JSON is left out). */
    private static JsonNode annotation(PlanAnnotation a) {
        try {
            return new ObjectMapper().readTree(a.json());
        } catch (JsonProcessingException e) {
            return F.nullNode();
        }
    }

    /**
     * Terraform leaves unknown attributes out of "after" and planned "values", at every depth of an object (they
     * are in after_unknown); an unknown element of a list stays, as null, to keep the others' positions.
     */
    private static ObjectNode withoutNullUnknowns(ObjectValue after) {
        return (ObjectNode) JsonValues.knownOmittingUnknownAttributes(after);
    }

    private static ObjectNode resourceHeader(ObjectNode n, ResourceChange c, ProviderSet providers) {
        n.put("address", c.address().toString());
        if (c.address().resource().stateModule() != null) {
            n.put("module_address", c.address().resource().stateModule());
        }
        n.put("mode", c.address().resource().mode() == ResourceMode.DATA ? "data" : "managed");
        n.put("type", c.type());
        n.put("name", c.address().resource().name());
        InstanceKey k = c.address().key();
        if (k instanceof InstanceKey.IntKey i) {
            n.put("index", i.index());
        } else if (k instanceof InstanceKey.StringKey s) {
            n.put("index", s.key());
        }
        String name = c.providerKey().contains(".") ? c.providerKey().substring(0, c.providerKey().indexOf('.'))
                : c.providerKey();
        n.put("provider_name", providers.sourceAddress(name));
        return n;
    }

    private static String actionReason(ResourceChange c) {
        return c.reason().terraformName();
    }

    private static ObjectNode configuration(Module module, ProviderSet providers,
            Map<String, Value> values) {
        ObjectNode cfg = F.objectNode();
        ObjectNode pc = cfg.putObject("provider_config");
        ProviderConfigKeys keys = ProviderConfigKeys.of(module);
        for (ProviderConfigKeys.Entry e : keys.listed().values()) {
            ObjectNode n = pc.putObject(e.key());
            n.put("name", e.name());
            n.put("full_name", providers.sourceAddress(e.name()));
            if (e.alias() != null) {
                n.put("alias", e.alias());
            }
            if (e.module() != null) {
                n.put("module_address", e.module());
            }
        }
        cfg.set("root_module", moduleConfig(module, values, "", keys));
        return cfg;
    }

    /**
     * One module's configuration as Terraform describes it: outputs, resources (with count, for_each and
     * depends_on as written), the module calls (source, arguments, count/for_each, the called module's own
     * configuration) and the variables; names in sorted order, as Terraform writes its maps.
     */
    private static ObjectNode moduleConfig(Module module, Map<String, Value> values, String path,
            ProviderConfigKeys keys) {
        boolean root = path.isEmpty();
        ObjectNode rm = F.objectNode();
        ObjectNode outputs = rm.putObject("outputs");
        for (Output o : new TreeMap<>(module.outputs()).values()) {
            ObjectNode n = outputs.putObject(o.name());
            if (o.sensitive()) {
                n.put("sensitive", true);
            }
            n.set("expression", expression(o.value()));
        }
        ArrayNode resources = rm.putArray("resources");
        for (Resource r : module.resources().values()) {
            ObjectNode n = resources.addObject();
            n.put("address", r.address());
            n.put("mode", r.mode() == Resource.Mode.DATA ? "data" : "managed");
            n.put("type", r.type());
            n.put("name", r.name());
            n.put("provider_config_key", keys.keyFor(path, r.provider()));
            ObjectNode expressions = n.putObject("expressions");
            for (Attribute a : r.body().attributes()) {
                expressions.set(a.name(), expression(a.expr()));
            }
            n.put("schema_version", 0);
            if (r.count() != null) {
                n.set("count_expression", expression(r.count()));
            }
            if (r.forEach() != null) {
                n.set("for_each_expression", expression(r.forEach()));
            }
            dependsOn(n, r.dependsOn());
        }
        if (!module.moduleCalls().isEmpty()) {
            ObjectNode calls = rm.putObject("module_calls");
            for (ModuleCall call : new TreeMap<>(module.moduleCalls()).values()) {
                ObjectNode n = calls.putObject(call.name());
                n.put("source", call.source());
                ObjectNode expressions = n.putObject("expressions");
                new TreeMap<>(call.arguments()).forEach((k, a) -> expressions.set(k, expression(a.expr())));
                if (call.count() != null) {
                    n.set("count_expression", expression(call.count()));
                }
                if (call.forEach() != null) {
                    n.set("for_each_expression", expression(call.forEach()));
                }
                Module child = module.children().get(call.name());
                if (child != null) {
                    n.set("module", moduleConfig(child, Map.of(), (root ? "" : path + ".") + "module." + call.name(),
                            keys));
                }
                dependsOn(n, call.dependsOn());
            }
        }
        ObjectNode variables = rm.putObject("variables");
        for (Variable v : new TreeMap<>(module.variables()).values()) {
            ObjectNode n = variables.putObject(v.name());
            // the value's mark says it all: declared sensitive, or a credential (Workspace marks those)
            Value value = root ? values.get(v.name()) : null;
            boolean secret = v.sensitive() || (value != null && value.isSensitive());
            if (v.defaultValue() != null && !secret) {
                n.set("default", JsonValues.known(v.defaultValue()));
            }
            if (v.description() != null) {
                n.put("description", v.description());
            }
            if (secret) {
                n.put("sensitive", true);
            }
        }
        return rm;
    }

    private static void dependsOn(ObjectNode n, List<Expr.ScopeTraversal> dependsOn) {
        if (dependsOn != null && !dependsOn.isEmpty()) {
            ArrayNode d = n.putArray("depends_on");
            dependsOn.forEach(t -> d.add(t.text()));
        }
    }

    /**
     * {"constant_value": ...} for a literal, {"references": [...]} for an expression that names something, and
     * {} for one that does neither but calls a function (not a constant to Terraform), as Terraform describes it.
     */
    private static ObjectNode expression(Expr e) {
        ObjectNode n = F.objectNode();
        if (e == null) {
            return n;
        }
        List<Expr.ScopeTraversal> refs = References.of(e);
        if (refs.isEmpty()) {
            Diagnostics diags = new Diagnostics();
            Value v = new Evaluator(Scope.EMPTY, Functions.none(), Path.of(".")).evaluate(e, diags);
            if (!diags.hasErrors()) {
                n.set("constant_value", JsonValues.known(v));
            }
            return n;
        }
        ArrayNode r = n.putArray("references");
        Set<String> seen = new LinkedHashSet<>();
        refs.forEach(t -> seen.addAll(ReferenceNames.of(t)));
        seen.forEach(r::add);
        return n;
    }

    private static ArrayNode orderedActions(Plan plan) {
        ArrayNode a = F.arrayNode();
        List<PlannedStep> ordered = plan.steps().ordered();
        Map<PlannedStep, Integer> numbers = new HashMap<>();
        int i = 0;
        for (PlannedStep s : ordered) {
            numbers.put(s, ++i);
        }
        for (PlannedStep s : ordered) {
            ObjectNode n = a.addObject();
            n.put("number", numbers.get(s));
            n.put("address", s.change().address().toString());
            n.put("step", s.spec().name());
            n.put("phase", s.spec().phase().name().toLowerCase(Locale.ROOT));
            n.put("description", s.spec().description());
            if (!s.spec().waitsFor().isEmpty()) {
                n.put("waits_until", s.spec().waitsFor());
            }
            ArrayNode after = n.putArray("after");
            plan.steps().predecessors(s).stream().map(numbers::get).sorted().forEach(after::add);
            ArrayNode why = n.putArray("because");
            plan.steps().reasonsInto(s).forEach(why::add);
        }
        return a;
    }
}

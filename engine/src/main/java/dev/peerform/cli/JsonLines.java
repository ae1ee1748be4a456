package dev.peerform.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.peerform.addrs.InstanceAddress;
import dev.peerform.addrs.InstanceKey;
import dev.peerform.diag.Diagnostic;
import dev.peerform.plans.Drift;
import dev.peerform.plans.Plan;
import dev.peerform.plans.ResourceChange;
import dev.peerform.spi.ChangeAction;
import dev.peerform.spi.PlanAnnotation;
import dev.peerform.workspace.StoredOutput;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Map;

/**
 * Terraform's machine-readable UI ({@code plan -json}, {@code apply -json}): one JSON object a line, each with
 * {@code type}, {@code @level}, {@code @message}, {@code @module} and {@code @timestamp}, and the message types
 * Terraform emits (version, diagnostic, resource_drift, planned_change, change_summary, apply_*, outputs), plus
 * one line per provider annotation before the summary ({@code peerform_cost}).
 */
final class JsonLines {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final PrintWriter out;

    JsonLines(PrintWriter out) {
        this.out = out;
    }

    static ObjectNode line(String type, String level, String message) {
        return F.objectNode().put("@level", level).put("@message", message).put("@module", "peerform.ui")
                .put("@timestamp", Instant.now().toString()).put("type", type);
    }

    synchronized void emit(ObjectNode line) {
        out.println(line);
        out.flush();
    }

    void version() {
        emit(line("version", "info", "peerform " + Version.number()).put("terraform", "1.11.4")
                .put("peerform", Version.number()).put("ui", "1.2"));
    }

    void diagnostic(Diagnostic d) {
        String level = d.isError() ? "error" : "warn";
        ObjectNode line = line("diagnostic", level, (d.isError() ? "Error: " : "Warning: ") + d.summary());
        line.set("diagnostic", diagnosticBody(d));
        emit(line);
    }

    /** The diagnostic object of {@code validate -json} and of the "diagnostic" line. */
    static ObjectNode diagnosticBody(Diagnostic d) {
        ObjectNode n = F.objectNode();
        n.put("severity", d.isError() ? "error" : "warning");
        n.put("summary", d.summary());
        n.put("detail", d.detail());
        if (d.address() != null) {
            n.put("address", d.address());
        }
        if (d.subject() != null) {
            ObjectNode r = n.putObject("range");
            r.put("filename", d.subject().filename());
            r.putObject("start").put("line", d.subject().start().line())
                    .put("column", d.subject().start().column()).put("byte", d.subject().start().offset());
            r.putObject("end").put("line", d.subject().end().line())
                    .put("column", d.subject().end().column()).put("byte", d.subject().end().offset());
        }
        return n;
    }

    /** The plan as lines: drift first, then each change, then the summary. */
    void plan(Plan plan) {
        for (Drift d : plan.drift()) {
            String action = d.after() == null ? "delete" : "update";
            ObjectNode line = line("resource_drift", "info", d.address() + ": Drift detected (" + action + ")");
            line.putObject("change").put("action", action).set("resource", resource(d.address()));
            emit(line);
        }
        for (ResourceChange c : plan.changes()) {
            if (c.action() == ChangeAction.NO_OP) {
                continue;
            }
            String action = action(c.action());
            ObjectNode line = line("planned_change", "info", c.address() + ": Plan to " + action);
            line.putObject("change").put("action", action).set("resource", resource(c.address()));
            emit(line);
        }
        for (PlanAnnotation a : plan.annotations()) {
            annotation(a);
        }
        summary("plan", "Plan: " + plan.toAdd() + " to add, " + plan.toChange() + " to change, "
                + plan.toDestroy() + " to destroy.", plan.toAdd(), plan.toChange(), plan.toDestroy());
    }

    /**
     * A provider's annotation as its own line, typed by its key ({@code peerform_cost}): the message is its first
     * text line (the cost headline), the object it wrote sits under the same key, as in the plan JSON. One whose
     * object is not valid JSON is left out rather than sent half-written.
     */
    private void annotation(PlanAnnotation a) {
        JsonNode body;
        try {
            body = new ObjectMapper().readTree(a.json());
        } catch (JsonProcessingException e) {
            return;
        }
        ObjectNode line = line(a.key(), "info", a.lines().isEmpty() ? a.key() : a.lines().get(0).strip());
        line.set(a.key(), body);
        emit(line);
    }

    void summary(String operation, String message, long add, long change, long remove) {
        ObjectNode line = line("change_summary", "info", message);
        line.putObject("changes").put("add", add).put("change", change).put("import", 0).put("remove", remove)
                .put("operation", operation);
        emit(line);
    }

    /** The "outputs" line after apply: sensitive values are never written, only marked. */
    void outputs(Map<String, StoredOutput> outputs) {
        if (outputs == null || outputs.isEmpty()) {
            return;
        }
        ObjectNode line = line("outputs", "info", "Outputs: " + outputs.size());
        ObjectNode all = line.putObject("outputs");
        outputs.forEach((name, o) -> {
            ObjectNode n = all.putObject(name);
            n.put("sensitive", o.sensitive());
            n.set("type", o.type());
            if (!o.sensitive()) {
                n.set("value", o.value());
            }
        });
        emit(line);
    }

    static String action(ChangeAction a) {
        return switch (a) {
            case CREATE -> "create";
            case UPDATE -> "update";
            case DELETE -> "delete";
            case READ -> "read";
            case NO_OP -> "noop";
            default -> "replace";
        };
    }

    /** Terraform's "resource" object; the implied provider is the type's prefix, as Terraform infers it. */
    static ObjectNode resource(InstanceAddress address) {
        ObjectNode r = F.objectNode();
        String type = address.resource().type();
        r.put("addr", address.toString());
        r.put("module", address.resource().stateModule() == null ? "" : address.resource().stateModule());
        r.put("resource", address.toString().substring(address.resource().modulePrefix().length()));
        r.put("implied_provider", type.contains("_") ? type.substring(0, type.indexOf('_')) : type);
        r.put("resource_type", type);
        r.put("resource_name", address.resource().name());
        InstanceKey k = address.key();
        if (k instanceof InstanceKey.IntKey i) {
            r.put("resource_key", i.index());
        } else if (k instanceof InstanceKey.StringKey s) {
            r.put("resource_key", s.key());
        } else {
            r.putNull("resource_key");
        }
        return r;
    }
}

package dev.peerform.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.peerform.graph.InstanceKey;
import dev.peerform.plan.Plan;
import dev.peerform.plan.ResourceChange;
import dev.peerform.spi.ChangeAction;
import java.io.PrintWriter;
import java.time.Instant;

/**
 * Terraform's machine-readable UI: one JSON object a line, each with {@code type}, {@code @level},
 * {@code @message}, {@code @module} and {@code @timestamp}.
 */
final class JsonLines {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private JsonLines() {
    }

    static ObjectNode line(String type, String level, String message) {
        return F.objectNode().put("@level", level).put("@message", message).put("@module", "peerform.ui")
                .put("@timestamp", Instant.now().toString()).put("type", type);
    }

    static void version(PrintWriter out) {
        out.println(line("version", "info", "peerform " + Version.number()).put("terraform", "1.11.4")
                .put("peerform", Version.number()).put("ui", "1.2"));
    }

    static void plan(PrintWriter out, Plan plan) {
        version(out);
        for (ResourceChange c : plan.changes()) {
            if (c.action() == ChangeAction.NO_OP) {
                continue;
            }
            String action = switch (c.action()) {
                case CREATE -> "create";
                case UPDATE -> "update";
                case DELETE -> "delete";
                case READ -> "read";
                default -> "replace";
            };
            ObjectNode line = line("planned_change", "info", c.address() + ": Plan to " + action);
            line.putObject("change").set("resource", resource(c));
            ((ObjectNode) line.get("change")).put("action", action);
            out.println(line);
        }
        ObjectNode summary = line("change_summary", "info", "Plan: " + plan.toAdd() + " to add, " + plan.toChange()
                + " to change, " + plan.toDestroy() + " to destroy.");
        summary.putObject("changes").put("add", plan.toAdd()).put("change", plan.toChange()).put("import", 0)
                .put("remove", plan.toDestroy()).put("operation", "plan");
        out.println(summary);
        out.flush();
    }

    static ObjectNode resource(ResourceChange c) {
        ObjectNode r = F.objectNode();
        r.put("addr", c.address().toString());
        r.put("module", c.address().resource().stateModule() == null ? "" : c.address().resource().stateModule());
        r.put("resource", c.address().toString().substring(c.address().resource().modulePrefix().length()));
        r.put("implied_provider", c.providerKey().contains(".") ? c.providerKey().substring(0,
                c.providerKey().indexOf('.')) : c.providerKey());
        r.put("resource_type", c.type());
        r.put("resource_name", c.address().resource().name());
        InstanceKey k = c.address().key();
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

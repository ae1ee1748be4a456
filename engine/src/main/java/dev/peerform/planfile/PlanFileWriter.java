package dev.peerform.planfile;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.peerform.json.TerraformJson;
import dev.peerform.plans.OutputChange;
import dev.peerform.plans.Plan;
import dev.peerform.plans.PlannedStep;
import dev.peerform.plans.ResourceChange;
import dev.peerform.plans.StepGraph;
import dev.peerform.spi.PlanAnnotation;
import dev.peerform.value.Value;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a plan file's JSON straight to its stream, field by field, in the order {@link PlanFile} reads it: a tree
 * of the whole plan (tens of megabytes of nodes at 10,000 resources) lived as long as its serialization, and was
 * copied by every young collection that met it.
 */
final class PlanFileWriter {

    private final JsonGenerator g;

    private PlanFileWriter(JsonGenerator g) {
        this.g = g;
    }

    /** The plan as one line of JSON (a plan file is peerform's own: indenting doubled the cost of writing it). */
    static void write(OutputStream out, Plan plan, String configDigest, Set<String> withheld) throws IOException {
        try (JsonGenerator g = TerraformJson.MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT)
                .createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            new PlanFileWriter(g).plan(plan, configDigest, withheld);
        }
    }

    private void plan(Plan plan, String configDigest, Set<String> withheld) throws IOException {
        g.writeStartObject();
        g.writeStringField("format", PlanFile.FORMAT);
        g.writeStringField("mode", plan.mode().name());
        g.writeStringField("lineage", plan.lineage());
        g.writeNumberField("serial", plan.serial());
        g.writeStringField("timestamp", plan.timestamp().toString());
        g.writeStringField("configuration_digest", configDigest);
        g.writeObjectFieldStart("variables");
        for (Map.Entry<String, Value> e : plan.variables().entrySet()) {
            if (!withheld.contains(e.getKey())) {
                g.writeFieldName(e.getKey());
                TaggedValues.write(g, e.getValue());
            }
        }
        g.writeEndObject();
        strings("providers", plan.providerEndpoints());
        g.writeArrayFieldStart("annotations");
        for (PlanAnnotation a : plan.annotations()) {
            g.writeStartObject();
            g.writeStringField("key", a.key());
            g.writeStringField("json", a.json());
            strings("lines", a.lines());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("changes");
        for (ResourceChange c : plan.changes()) {
            change(c);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("outputs");
        for (OutputChange o : plan.outputs()) {
            g.writeStartObject();
            g.writeStringField("name", o.name());
            g.writeStringField("action", o.action().name());
            value("before", o.before());
            value("after", o.after());
            g.writeBooleanField("sensitive", o.sensitive());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("steps");
        StepGraph steps = plan.steps();
        for (PlannedStep s : steps.steps()) {
            step(steps, s);
        }
        g.writeEndArray();
        g.writeObjectFieldStart("data");
        for (var e : plan.data().entrySet()) {
            value(e.getKey().toString(), e.getValue());
        }
        g.writeEndObject();
        g.writeObjectFieldStart("moved");
        for (var e : plan.moved().entrySet()) {
            g.writeStringField(e.getKey().toString(), e.getValue().toString());
        }
        g.writeEndObject();
        g.writeArrayFieldStart("forgotten");
        for (var a : plan.forgotten()) {
            g.writeString(a.toString());
        }
        g.writeEndArray();
        g.writeObjectFieldStart("imported");
        for (var e : plan.imported().entrySet()) {
            g.writeStringField(e.getKey().toString(), e.getValue());
        }
        g.writeEndObject();
        g.writeObjectFieldStart("expansions");
        for (var e : plan.expansions().entrySet()) {
            g.writeObjectFieldStart(e.getKey().toString());
            g.writeStringField("kind", e.getValue().kind().name());
            g.writeObjectFieldStart("keys");
            for (var k : e.getValue().eachValues().entrySet()) {
                String key = k.getKey().toString();
                value(key.isEmpty() ? "_" : key, k.getValue());
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private void change(ResourceChange c) throws IOException {
        g.writeStartObject();
        g.writeStringField("address", c.address().toString());
        g.writeStringField("provider", c.providerKey());
        g.writeStringField("action", c.action().name());
        value("before", c.before());
        value("after", c.after());
        strings("replace_paths", c.replacePaths());
        g.writeStringField("reason", c.reason().key());
        g.writeObjectFieldStart("references");
        for (Map.Entry<String, List<String>> e : c.references().entrySet()) {
            strings(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        strings("dependencies", c.dependencies());
        g.writeBooleanField("create_before_destroy", c.createBeforeDestroy());
        if (c.pendingClientToken() != null) {
            g.writeStringField("pending_client_token", c.pendingClientToken());
        }
        if (!c.resumedSteps().isEmpty()) {
            strings("resumed_steps", c.resumedSteps());
        }
        g.writeEndObject();
    }

    private void step(StepGraph steps, PlannedStep s) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", s.id());
        g.writeStringField("address", s.change().address().toString());
        g.writeStringField("name", s.spec().name());
        g.writeStringField("phase", s.spec().phase().name());
        g.writeStringField("description", s.spec().description());
        g.writeStringField("waits_for", s.spec().waitsFor());
        g.writeNumberField("index", s.index());
        g.writeBooleanField("last_of_phase", s.lastOfPhase());
        g.writeArrayFieldStart("after");
        for (PlannedStep p : steps.predecessors(s)) {
            g.writeStartObject();
            g.writeStringField("id", p.id());
            g.writeStringField("why", steps.reason(p, s));
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private void value(String name, Value v) throws IOException {
        g.writeFieldName(name);
        TaggedValues.write(g, v);
    }

    private void strings(String name, List<String> xs) throws IOException {
        g.writeArrayFieldStart(name);
        for (String x : xs) {
            g.writeString(x);
        }
        g.writeEndArray();
    }

    private void strings(String name, Map<String, String> m) throws IOException {
        g.writeObjectFieldStart(name);
        for (Map.Entry<String, String> e : m.entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }
}

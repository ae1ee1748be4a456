package dev.peerform.planfile;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.peerform.addrs.InstanceAddress;
import dev.peerform.addrs.InstanceKey;
import dev.peerform.addrs.ResourceAddress;
import dev.peerform.addrs.ResourceMode;
import dev.peerform.eval.Expansion;
import dev.peerform.json.TerraformJson;
import dev.peerform.plans.ChangeReason;
import dev.peerform.plans.OutputChange;
import dev.peerform.plans.Plan;
import dev.peerform.plans.PlanMode;
import dev.peerform.plans.PlannedStep;
import dev.peerform.plans.ResourceChange;
import dev.peerform.plans.StepGraph;
import dev.peerform.providers.ProviderSet;
import dev.peerform.spi.ChangeAction;
import dev.peerform.spi.DataSourceType;
import dev.peerform.spi.Phase;
import dev.peerform.spi.PlanAnnotation;
import dev.peerform.spi.ResourceType;
import dev.peerform.spi.StepSpec;
import dev.peerform.states.AtomicFiles;
import dev.peerform.states.EncryptionTarget;
import dev.peerform.states.Envelope;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.Value;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The saved plan ({@code plan -out FILE}): the changes, the ordered action DAG, the variables, the lineage and
 * serial of the state it was made from, and a digest of the configuration. As Terraform's, it keeps the root
 * variables and sensitive values themselves (marked), so that applying it asks for nothing again; but not the
 * variables that feed a provider's credentials, which apply reads again. Written owner-only.
 */
public final class PlanFile {

    public static final String FORMAT = "peerform-plan-2";
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private PlanFile() {
    }

    private static List<PlanAnnotation> annotations(JsonNode root) {
        List<PlanAnnotation> out = new ArrayList<>();
        for (JsonNode a : root.path("annotations")) {
            List<String> lines = new ArrayList<>();
            a.path("lines").forEach(l -> lines.add(l.asText()));
            out.add(new PlanAnnotation(a.path("key").asText(), lines, a.path("json").asText("{}")));
        }
        return out;
    }

    /** Writes the plan; the variables named in {@code withheld} (provider credentials) are left out. */
    public static void write(Path path, Plan plan, String configDigest, Set<String> withheld,
            EncryptionTarget encryption) throws IOException {
        if (encryption == null) {
            AtomicFiles.writeAtomically(path, out -> PlanFileWriter.write(out, plan, configDigest, withheld));
            return;
        }
        ByteArrayOutputStream plain = new ByteArrayOutputStream(1 << 16);
        PlanFileWriter.write(plain, plan, configDigest, withheld);
        AtomicFiles.writeAtomically(path, Envelope.seal(plain.toByteArray(), encryption, path.toString()));
    }

    /** The saved plan and what it was made from. */
    public record Saved(Plan plan, String configDigest) {
    }

    /**
     * Reads a plan file as a stream: its small top-level fields come back as a tree, while each element of the
     * big arrays ({@code changes}, {@code steps}) goes to its reader as soon as it is parsed (a null reader skips
     * them). A tree of the whole file held several times the file's size at once (about 250 MB for a plan of
     * 50,000 resources), the largest part of an apply's peak memory.
     */
    private static ObjectNode stream(Path path, EncryptionTarget encryption, Map<String, Element> arrays)
            throws IOException {
        byte[] bytes = Envelope.open(Files.readAllBytes(path), encryption, path.toString(), "plan");
        ObjectNode head = F.objectNode();
        try (JsonParser p = TerraformJson.MAPPER.createParser(bytes)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw notAPlan(path);
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if (!arrays.containsKey(name) || t != JsonToken.START_ARRAY) {
                    head.set(name, p.readValueAsTree());
                    continue;
                }
                if (!FORMAT.equals(head.path("format").asText())) {
                    throw notAPlan(path); // peerform writes the format first
                }
                Element reader = arrays.get(name);
                if (reader == null) {
                    p.skipChildren();
                    continue;
                }
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    reader.read(p.readValueAsTree());
                }
            }
        }
        if (!FORMAT.equals(head.path("format").asText())) {
            throw notAPlan(path);
        }
        return head;
    }

    /** Reads one element of a plan file's big arrays. */
    private interface Element {
        void read(JsonNode n) throws IOException;
    }

    private static IOException notAPlan(Path path) {
        return new IOException(path.getFileName() + " is not a peerform plan file (run `peerform plan -out "
                + path.getFileName() + "` to make one)");
    }

    /** A step as the file has it: the graph is built once every step and change is read. */
    private record StepRow(String id, String address, StepSpec spec, int index, boolean last, List<String> after,
            List<String> why) {

        static StepRow of(JsonNode n) {
            List<String> after = new ArrayList<>();
            List<String> why = new ArrayList<>();
            for (JsonNode p : n.path("after")) {
                after.add(p.get("id").asText());
                why.add(p.path("why").asText(""));
            }
            return new StepRow(n.get("id").asText(), n.get("address").asText(), new StepSpec(n.get("name").asText(),
                    Phase.valueOf(n.get("phase").asText()), n.get("description").asText(),
                    n.path("waits_for").asText("")), n.get("index").asInt(), n.get("last_of_phase").asBoolean(),
                    after, why);
        }
    }

    private static Map<String, Value> variables(JsonNode root) {
        Map<String, Value> variables = new LinkedHashMap<>();
        root.path("variables").fields().forEachRemaining(e -> variables.put(e.getKey(),
                TaggedValues.decode(e.getValue())));
        return variables;
    }

    /**
     * The root variables a plan file keeps, to load the configuration with before the plan itself is read (as
     * Terraform, applying a saved plan asks for none of them); empty when the file cannot be read, which reading
     * the plan then reports.
     */
    public static Map<String, Value> variables(Path path, EncryptionTarget encryption) {
        try {
            Map<String, Element> skipped = new HashMap<>();
            skipped.put("changes", null);
            skipped.put("steps", null);
            return variables(stream(path, encryption, skipped));
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
    }

    public static Saved read(Path path, ProviderSet providers, EncryptionTarget encryption) throws IOException {
        List<ResourceChange> changes = new ArrayList<>();
        Map<String, ResourceChange> byAddress = new HashMap<>();
        List<StepRow> rows = new ArrayList<>();
        Map<String, Element> arrays = new HashMap<>();
        arrays.put("changes", n -> {
            ResourceChange c = change(n, providers);
            changes.add(c);
            byAddress.put(c.address().toString(), c);
        });
        arrays.put("steps", n -> rows.add(StepRow.of(n)));
        JsonNode root = stream(path, encryption, arrays);
        Map<String, Value> variables = variables(root);
        Map<String, String> endpoints = new LinkedHashMap<>();
        root.path("providers").fields().forEachRemaining(e -> endpoints.put(e.getKey(), e.getValue().asText()));
        List<OutputChange> outputs = new ArrayList<>();
        for (JsonNode n : root.path("outputs")) {
            outputs.add(new OutputChange(n.get("name").asText(), ChangeAction.valueOf(n.get("action").asText()),
                    TaggedValues.decode(n.get("before")), TaggedValues.decode(n.get("after")),
                    n.path("sensitive").asBoolean()));
        }
        StepGraph steps = new StepGraph();
        for (StepRow r : rows) {
            steps.add(new PlannedStep(r.id(), byAddress.get(r.address()), r.spec(), r.index(), r.last()));
        }
        for (StepRow r : rows) {
            PlannedStep s = steps.step(r.id());
            for (int i = 0; i < r.after().size(); i++) {
                steps.order(steps.step(r.after().get(i)), s, r.why().get(i));
            }
        }
        Map<ResourceAddress, Expansion> expansions = new HashMap<>();
        root.path("expansions").fields().forEachRemaining(e -> {
            ResourceAddress ra = InstanceAddress.parse(e.getKey()).resource();
            Map<InstanceKey, Value> keys = new LinkedHashMap<>();
            e.getValue().path("keys").fields().forEachRemaining(k -> keys.put(k.getKey().equals("_")
                    ? InstanceKey.NONE : InstanceAddress.parse("x.y" + k.getKey()).key(),
                    TaggedValues.decode(k.getValue())));
            expansions.put(ra, new Expansion(Expansion.Kind.valueOf(e.getValue().get("kind").asText()), keys));
        });
        Map<InstanceAddress, Value> data = new HashMap<>();
        root.path("data").fields().forEachRemaining(e -> data.put(InstanceAddress.parse(e.getKey()),
                TaggedValues.decode(e.getValue())));
        Plan plan = new Plan(PlanMode.valueOf(root.get("mode").asText()), changes, outputs, List.of(), steps,
                root.get("lineage").asText(), root.get("serial").asLong(), variables, endpoints, expansions, data,
                Instant.parse(root.get("timestamp").asText()), moved(root), forgotten(root),
                imported(root), annotations(root));
        return new Saved(plan, root.path("configuration_digest").asText());
    }

    private static ResourceChange change(JsonNode n, ProviderSet providers) throws IOException {
        InstanceAddress a = InstanceAddress.parse(n.get("address").asText());
        ResourceType type = providers.resourceType(a.resource().type());
        DataSourceType data = a.resource().mode() == ResourceMode.DATA
                ? providers.dataSourceType(a.resource().type()) : null;
        if (type == null && data == null) {
            throw new IOException("the plan changes " + a + ", whose type no provider of this peerform knows");
        }
        Map<String, List<String>> refs = new LinkedHashMap<>();
        n.path("references").fields().forEachRemaining(e -> refs.put(e.getKey(), list(e.getValue())));
        ResourceChange c = new ResourceChange(a, n.get("provider").asText(),
                data != null ? data.schema() : type.schema(),
                ChangeAction.valueOf(n.get("action").asText()), (ObjectValue) TaggedValues.decode(n.get("before")),
                (ObjectValue) TaggedValues.decode(n.get("after")), list(n.get("replace_paths")),
                ChangeReason.fromKey(n.path("reason").asText("")), refs, list(n.get("dependencies")),
                n.path("create_before_destroy").asBoolean(), n.path("pending_client_token").asText(null),
                n.has("resumed_steps") ? list(n.get("resumed_steps")) : List.of());
        return c;
    }

    private static List<String> list(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n != null) {
            n.forEach(x -> out.add(x.asText()));
        }
        return out;
    }

    private static Map<InstanceAddress, InstanceAddress> moved(JsonNode root) {
        Map<InstanceAddress, InstanceAddress> out = new LinkedHashMap<>();
        root.path("moved").fields().forEachRemaining(e -> out.put(InstanceAddress.parse(e.getKey()),
                InstanceAddress.parse(e.getValue().asText())));
        return out;
    }

    private static Map<InstanceAddress, String> imported(JsonNode root) {
        Map<InstanceAddress, String> out = new LinkedHashMap<>();
        root.path("imported").fields().forEachRemaining(e -> out.put(InstanceAddress.parse(e.getKey()),
                e.getValue().asText()));
        return out;
    }

    private static List<InstanceAddress> forgotten(JsonNode root) {
        List<InstanceAddress> out = new ArrayList<>();
        root.path("forgotten").forEach(a -> out.add(InstanceAddress.parse(a.asText())));
        return out;
    }
}

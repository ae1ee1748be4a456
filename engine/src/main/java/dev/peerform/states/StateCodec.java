package dev.peerform.states;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.peerform.addrs.InstanceAddress;
import dev.peerform.addrs.InstanceKey;
import dev.peerform.addrs.ModuleStep;
import dev.peerform.addrs.ResourceAddress;
import dev.peerform.addrs.ResourceMode;
import dev.peerform.json.TerraformJson;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/** Terraform's state file format, version 4, both ways. */
public final class StateCodec {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private StateCodec() {
    }

    public static ObjectNode encode(State s) {
        ObjectNode root = F.objectNode();
        root.put("version", 4);
        root.put("terraform_version", s.terraformVersion());
        root.put("serial", s.serial());
        root.put("lineage", s.lineage());
        ObjectNode outputs = root.putObject("outputs");
        s.outputs().forEach((name, o) -> {
            ObjectNode out = outputs.putObject(name);
            out.set("value", o.value());
            out.set("type", o.type());
            if (o.sensitive()) {
                out.put("sensitive", true);
            }
        });
        ArrayNode resources = root.putArray("resources");
        for (State.Resource r : s.resources().values()) {
            ObjectNode rn = resources.addObject();
            if (r.address.stateModule() != null) {
                rn.put("module", r.address.stateModule());
            }
            rn.put("mode", r.address.mode() == ResourceMode.DATA ? "data" : "managed");
            rn.put("type", r.address.type());
            rn.put("name", r.address.name());
            rn.put("provider", r.provider);
            ArrayNode instances = rn.putArray("instances");
            r.instances.forEach((key, i) -> {
                ObjectNode in = instances.addObject();
                if (key instanceof InstanceKey.IntKey k) {
                    in.put("index_key", k.index());
                } else if (key instanceof InstanceKey.StringKey k) {
                    in.put("index_key", k.key());
                }
                if (i.tainted()) {
                    in.put("status", "tainted");
                }
                in.put("schema_version", i.schemaVersion());
                in.set("attributes", i.attributes());
                in.set("sensitive_attributes", i.sensitiveAttributes() == null ? F.arrayNode()
                        : i.sensitiveAttributes());
                if (!i.dependencies().isEmpty()) {
                    ArrayNode deps = in.putArray("dependencies");
                    i.dependencies().forEach(deps::add);
                }
                if (i.createBeforeDestroy()) {
                    in.put("create_before_destroy", true);
                }
                if (i.pendingClientToken() != null) {
                    in.put("peerform_pending_client_token", i.pendingClientToken());
                }
                if (i.incomplete()) {
                    ArrayNode done = in.putArray("peerform_completed_steps");
                    i.completedSteps().forEach(done::add);
                }
            });
        }
        root.putNull("check_results");
        return root;
    }

    public static byte[] write(State s) {
        try {
            return TerraformJson.MAPPER.writeValueAsBytes(encode(s));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the state's JSON, as {@link #write(State)} makes it, to a stream (left open). */
    public static void write(State s, OutputStream out) throws IOException {
        TerraformJson.MAPPER.writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(out, encode(s));
    }

    /**
     * Reads a state file; throws {@link StateFormatException} with a clear message when it is not one. The file is
     * read as a stream, one resource's tree at a time: a tree of the whole file (66 MB at 50,000 instances) would
     * be several times its size, all of it alive at once.
     */
    public static State read(byte[] bytes, String where) {
        ObjectNode head = F.objectNode();
        List<Placed> placed = new ArrayList<>();
        SharedNodes shared = new SharedNodes();
        try (JsonParser p = TerraformJson.MAPPER.createParser(bytes)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new StateFormatException(where + " does not hold a state object.");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("resources") && value == JsonToken.START_ARRAY) {
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        resource(p.readValueAsTree(), where, shared, placed);
                    }
                } else {
                    head.set(field, p.readValueAsTree());
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT) {
                throw new StateFormatException(where + " is not valid JSON: it ends before the state object does");
            }
        } catch (IOException e) {
            throw new StateFormatException(where + " is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        int version = head.path("version").asInt(-1);
        if (version != 4) {
            throw new StateFormatException(where + " has state format version " + version + "; peerform reads "
                    + "version 4, as Terraform 0.12 and later write it.");
        }
        State s = new State(head.path("serial").asLong(), head.path("lineage").asText(""));
        s.terraformVersion(head.path("terraform_version").asText("1.11.4"));
        head.path("outputs").fields().forEachRemaining(e -> s.outputs().put(e.getKey(), new State.Output(
                e.getValue().get("value"), e.getValue().get("type"), e.getValue().path("sensitive").asBoolean())));
        for (Placed i : placed) {
            s.put(i.address, i.provider, i.instance);
        }
        return s;
    }

    /** An instance read, to be put in the state once the file's version is known to be one peerform reads. */
    private record Placed(InstanceAddress address, String provider, InstanceState instance) {
    }

    private static void resource(JsonNode rn, String where, SharedNodes shared, List<Placed> out) {
        if (rn == null || !rn.isObject()) {
            return;
        }
        List<String> modules;
        try {
            modules = ModuleStep.ofStateModule(rn.path("module").asText(null));
        } catch (IllegalArgumentException e) {
            throw new StateFormatException(where + ": " + e.getMessage());
        }
        ResourceMode mode = "data".equals(rn.path("mode").asText()) ? ResourceMode.DATA : ResourceMode.MANAGED;
        ResourceAddress address = new ResourceAddress(modules, mode, rn.path("type").asText(),
                rn.path("name").asText());
        String provider = rn.path("provider").asText(null);
        for (JsonNode in : rn.path("instances")) {
            JsonNode k = in.get("index_key");
            InstanceKey key = k == null || k.isNull() ? InstanceKey.NONE
                    : k.isNumber() ? new InstanceKey.IntKey(k.asInt()) : new InstanceKey.StringKey(k.asText());
            List<String> deps = new ArrayList<>();
            in.path("dependencies").forEach(d -> deps.add(d.asText()));
            JsonNode attrs = in.get("attributes");
            InstanceState instance = new InstanceState(in.path("schema_version").asInt(0),
                    attrs instanceof ObjectNode o ? shared.shareObject(o) : F.objectNode(),
                    shared.share(in.get("sensitive_attributes")), deps,
                    "tainted".equals(in.path("status").asText()), in.path("create_before_destroy").asBoolean(),
                    in.path("peerform_pending_client_token").asText(null), completed(in));
            out.add(new Placed(address.instance(key), provider, instance));
        }
    }

    private static List<String> completed(JsonNode in) {
        List<String> out = new ArrayList<>();
        in.path("peerform_completed_steps").forEach(d -> out.add(d.asText()));
        return out;
    }
}

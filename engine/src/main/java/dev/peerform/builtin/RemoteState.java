package dev.peerform.builtin;

import dev.peerform.diag.Diagnostics;
import dev.peerform.lang.ValueJson;
import dev.peerform.spi.AttributeSchema;
import dev.peerform.spi.DataSourceType;
import dev.peerform.spi.Schema;
import dev.peerform.states.Backend;
import dev.peerform.states.LocalBackend;
import dev.peerform.states.PgBackend;
import dev.peerform.states.State;
import dev.peerform.states.pg.PgSettings;
import dev.peerform.value.MapValue;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.Type;
import dev.peerform.value.Value;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code data "terraform_remote_state"}: the root outputs of another configuration's state, read from the
 * {@code local} or {@code pg} backend with Terraform's arguments (backend, config, workspace, defaults) into
 * its {@code outputs} attribute. Reading takes no lock, as in Terraform.
 */
final class RemoteState implements DataSourceType {

    static final String TYPE = "terraform_remote_state";

    private static final Schema SCHEMA = Schema.builder()
            .attribute("backend", AttributeSchema.required(Type.STRING))
            .attribute("config", AttributeSchema.optional(Type.DYNAMIC))
            .attribute("workspace", AttributeSchema.optional(Type.STRING))
            .attribute("defaults", AttributeSchema.optional(Type.DYNAMIC))
            .attribute("outputs", AttributeSchema.computed(Type.DYNAMIC))
            .build();

    @Override
    public String name() {
        return TYPE;
    }

    @Override
    public Schema schema() {
        return SCHEMA;
    }

    static ObjectValue read(ObjectValue config, Path workingDir, Map<String, String> env, Diagnostics diags) {
        String backend = config.get("backend").asString();
        Map<String, String> args = strings(config.get("config"));
        Value ws = config.get("workspace");
        String workspace = ws == null || ws.isNull() ? Backend.DEFAULT_WORKSPACE : ws.asString();
        Backend source;
        switch (backend) {
            case "local" -> {
                if (!List.of("path", "workspace_dir").containsAll(args.keySet())) {
                    diags.errorOn("config", "Invalid backend configuration", "The \"local\" backend takes path "
                            + "and workspace_dir.");
                    return null;
                }
                source = new LocalBackend(workingDir.resolve(args.getOrDefault("path", "terraform.tfstate")),
                        workingDir.resolve(args.getOrDefault("workspace_dir", LocalBackend.WORKSPACE_DIR)),
                        Clock.systemUTC(), "");
            }
            case "pg" -> {
                try {
                    source = new PgBackend(PgSettings.resolve(args, env), env, Clock.systemUTC(), "");
                } catch (IllegalArgumentException e) {
                    diags.errorOn("config", "Invalid backend configuration", e.getMessage() + ".");
                    return null;
                }
            }
            default -> {
                diags.errorOn("backend", "Invalid backend configuration", "peerform reads remote state from the "
                        + "\"local\" and \"pg\" backends; \"" + backend + "\" is not supported.");
                return null;
            }
        }
        State state;
        try {
            state = source.workspace(workspace).read();
        } catch (IOException | RuntimeException e) {
            diags.errorOn("config", "Unable to read remote state", "Reading workspace \"" + workspace + "\" of the \""
                    + backend + "\" backend failed: " + e.getMessage());
            return null;
        } finally {
            if (source instanceof PgBackend pg) {
                pg.close();
            }
        }
        Map<String, Value> outputs = new TreeMap<>();
        Value defaults = config.get("defaults");
        if (defaults != null && !defaults.isNull()) {
            outputs.putAll(elements(defaults));
        }
        state.outputs().forEach((name, o) -> {
            Value v = ValueJson.value(o.value(), ValueJson.parseType(o.type()));
            outputs.put(name, o.sensitive() ? Value.sensitive(v) : v);
        });
        Map<String, Value> attrs = new TreeMap<>(config.attributes());
        attrs.put("outputs", new ObjectValue(outputs));
        if (args.containsKey("conn_str")) {
            // the conn_str may hold a password: marked, so it is never shown (the state keeps it, as Terraform does)
            attrs.put("config", Value.sensitive(config.get("config")));
        }
        return new ObjectValue(attrs);
    }

    private static Map<String, Value> elements(Value v) {
        if (v instanceof ObjectValue o) {
            return o.attributes();
        }
        if (v instanceof MapValue m) {
            return m.elements();
        }
        return Map.of();
    }

    private static Map<String, String> strings(Value v) {
        Map<String, String> out = new LinkedHashMap<>();
        if (v == null || v.isNull()) {
            return out;
        }
        elements(v.unmarkedDeep()).forEach((k, x) -> {
            if (x != null && !x.isNull()) {
                out.put(k, x.type() == Type.BOOL ? Boolean.toString(x.asBool()) : x.asString());
            }
        });
        return out;
    }
}

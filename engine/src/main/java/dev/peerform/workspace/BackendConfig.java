package dev.peerform.workspace;

import dev.peerform.config.Module;
import dev.peerform.diag.Diagnostics;
import dev.peerform.diag.SourceRange;
import dev.peerform.lang.Evaluator;
import dev.peerform.lang.Functions;
import dev.peerform.lang.Scope;
import dev.peerform.syntax.Attribute;
import dev.peerform.syntax.Body;
import dev.peerform.value.Type;
import dev.peerform.value.Value;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * A backend's type and arguments, as strings (null: not set), the way {@code init} records them in
 * {@code .terraform/terraform.tfstate}. {@code hash} is of the configuration's own block only, so that a later
 * command can tell whether the block changed since init without being given the -backend-config values again.
 */
public record BackendConfig(String type, Map<String, String> config, long hash) {

    /** The backends peerform implements, and their arguments, in Terraform's order. */
    static final Map<String, List<String>> SUPPORTED = Map.of(
            "local", List.of("path", "workspace_dir"),
            "pg", List.of("conn_str", "schema_name", "skip_index_creation", "skip_schema_creation",
                    "skip_table_creation"));

    private static final List<String> BOOLEANS = List.of("skip_index_creation", "skip_schema_creation",
            "skip_table_creation");

    /** The implicit backend of a configuration without a backend block. */
    static final BackendConfig IMPLICIT_LOCAL = new BackendConfig("local", Map.of(), 0);

    public BackendConfig {
        config = Collections.unmodifiableMap(new TreeMap<>(config));
    }

    boolean implicit() {
        return type.equals("local") && config.values().stream().allMatch(v -> v == null) && hash == 0;
    }

    /** The configuration's backend block, evaluated (its arguments must be constants); null after an error. */
    static BackendConfig of(Module module, Path dir, Diagnostics diags) {
        if (module.backend() == null) {
            return IMPLICIT_LOCAL;
        }
        String type = module.backend().type();
        List<String> keys = SUPPORTED.get(type);
        if (keys == null) {
            diags.error("Unsupported backend type", "peerform supports the \"local\" and \"pg\" backends; this "
                    + "configuration asks for \"" + type + "\".", module.backend().range());
            return null;
        }
        Map<String, String> values = arguments(type, module.backend().body(), dir, diags);
        if (values == null) {
            return null;
        }
        return new BackendConfig(type, values, hash(type, values));
    }

    /** Evaluates a block's (or a -backend-config file's) arguments: only this backend's, constants only. */
    static Map<String, String> arguments(String type, Body body, Path dir, Diagnostics diags) {
        List<String> keys = SUPPORTED.get(type);
        Map<String, String> values = new LinkedHashMap<>();
        keys.forEach(k -> values.put(k, null));
        for (Attribute a : body.attributes()) {
            if (!keys.contains(a.name())) {
                diags.error("Unsupported argument", "An argument named \"" + a.name() + "\" is not expected here. "
                        + "The \"" + type + "\" backend takes " + String.join(", ", keys) + ".", a.range());
                continue;
            }
            Type want = BOOLEANS.contains(a.name()) ? Type.BOOL : Type.STRING;
            Value v = new Evaluator(Scope.EMPTY, Functions.standard(), dir).evaluate(a.expr(), want, diags);
            if (!v.isKnown()) {
                diags.error("Invalid backend configuration", "The value of " + a.name() + " must be known "
                        + "without a plan: backend arguments cannot use variables or resources.", a.range());
            } else if (!v.isNull()) {
                values.put(a.name(), want == Type.BOOL ? Boolean.toString(v.asBool()) : v.asString());
            }
        }
        return diags.hasErrors() ? null : values;
    }

    /** This configuration with -backend-config values laid over it (they win, as in Terraform). */
    BackendConfig with(Map<String, String> overrides, SourceRange where, Diagnostics diags) {
        Map<String, String> merged = new LinkedHashMap<>(config);
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            if (!SUPPORTED.get(type).contains(e.getKey())) {
                diags.error("Invalid backend configuration argument", "The backend configuration argument \""
                        + e.getKey() + "\" given on the command line is not expected for the selected backend "
                        + "type \"" + type + "\".", where);
                continue;
            }
            merged.put(e.getKey(), e.getValue());
        }
        return new BackendConfig(type, merged, hash);
    }

    private static long hash(String type, Map<String, String> values) {
        CRC32 crc = new CRC32();
        crc.update(type.getBytes(StandardCharsets.UTF_8));
        new TreeMap<>(values).forEach((k, v) -> {
            crc.update(0);
            crc.update(k.getBytes(StandardCharsets.UTF_8));
            crc.update(1);
            crc.update(v == null ? new byte[] {2} : v.getBytes(StandardCharsets.UTF_8));
        });
        return crc.getValue();
    }
}

package dev.peerform.states.pg;

import java.util.Map;
import java.util.Objects;

/**
 * The pg backend's arguments, as Terraform's pg backend takes them: each one from the backend block (or
 * -backend-config) first, else its PG_* environment variable, else Terraform's default.
 *
 * @param connStr Terraform's conn_str: a postgres:// URL or libpq key=value pairs (holds credentials: never print it)
 * @param schemaName the schema holding the states table, terraform_remote_state by default
 * @param skipSchemaCreation do not create the schema (it exists, or the role may not create schemas)
 * @param skipTableCreation do not create the global id sequence and the states table (nor peerform's tables)
 * @param skipIndexCreation do not create the states_by_name index
 */
public record PgSettings(String connStr, String schemaName, boolean skipSchemaCreation, boolean skipTableCreation,
                         boolean skipIndexCreation) {
    public static final String DEFAULT_SCHEMA = "terraform_remote_state";

    public PgSettings {
        Objects.requireNonNull(connStr, "connStr");
        Objects.requireNonNull(schemaName, "schemaName");
    }

    /** The environment variable each argument falls back to, as Terraform names them. */
    public static final Map<String, String> ENVIRONMENT = Map.of(
            "conn_str", "PG_CONN_STR",
            "schema_name", "PG_SCHEMA_NAME",
            "skip_schema_creation", "PG_SKIP_SCHEMA_CREATION",
            "skip_table_creation", "PG_SKIP_TABLE_CREATION",
            "skip_index_creation", "PG_SKIP_INDEX_CREATION");

    /**
     * Resolves the arguments given (already evaluated, as strings) against the environment.
     *
     * An empty value counts as unset, as in Terraform; so does a missing conn_str, which then means libpq's
     * defaults and PGHOST, PGUSER, ... (see {@link PgConnStr}).
     *
     * @throws IllegalArgumentException naming the argument when a boolean is not one
     */
    public static PgSettings resolve(Map<String, String> given, Map<String, String> env) {
        return new PgSettings(pick("conn_str", given, env, ""),
                pick("schema_name", given, env, DEFAULT_SCHEMA),
                bool("skip_schema_creation", given, env),
                bool("skip_table_creation", given, env),
                bool("skip_index_creation", given, env));
    }

    private static String pick(String key, Map<String, String> given, Map<String, String> env, String fallback) {
        // Terraform's SDK-like defaults treat an empty value as unset, in the configuration and the environment
        String value = given.get(key);
        if (value != null && !value.isEmpty()) return value;
        value = env.get(ENVIRONMENT.get(key));
        return value == null || value.isEmpty() ? fallback : value;
    }

    private static boolean bool(String key, Map<String, String> given, Map<String, String> env) {
        String value = pick(key, given, env, "false");
        // the spellings Go's strconv.ParseBool accepts (the environment may use any of them)
        return switch (value) {
            case "1", "t", "T", "TRUE", "true", "True" -> true;
            case "0", "f", "F", "FALSE", "false", "False" -> false;
            default -> throw new IllegalArgumentException(key + " must be true or false, not \"" + value + "\"");
        };
    }
}

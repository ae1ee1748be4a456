package dev.peerform.states.pg;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

/**
 * The objects of Terraform's pg backend, made as Terraform makes them (same statements, same order, same
 * skip_* switches), plus peerform's two tables beside them. Terraform's layout is never altered: peerform's
 * own rows live only in tables whose names start with peerform_.
 *
 * <p>Safe when several processes (peerform's or Terraform's) prepare the same database at once. PostgreSQL's
 * IF NOT EXISTS is not atomic against a concurrent creator: the loser of the race gets a duplicate-object or
 * unique-violation error from the catalog. Such an error means the object now exists, so the statement is run
 * once more, and its IF NOT EXISTS then holds.
 */
final class Layout {
    static final String STATES = "states";
    static final String STATES_INDEX = "states_by_name";
    static final String GLOBAL_SEQUENCE = "public.global_states_id_seq";
    static final String LOCKS = "peerform_locks";
    static final String STEPS = "peerform_steps";

    /** duplicate_schema, duplicate_table (also sequences and indexes), duplicate_object, unique_violation */
    private static final Set<String> LOST_CREATION_RACE = Set.of("42P06", "42P07", "42710", "23505");

    private Layout() {}

    static void prepare(Connection c, PgSettings settings) throws SQLException {
        String schema = Identifiers.quote(settings.schemaName());
        if (!settings.skipSchemaCreation() && !schemaVisible(c, settings.schemaName())) {
            // Terraform looks first, so that a role without CREATE on the database can use an existing schema
            execute(c, "CREATE SCHEMA IF NOT EXISTS " + schema);
        }
        if (!settings.skipTableCreation()) {
            // one sequence for every schema of the database: row ids are advisory lock keys, unique database-wide
            execute(c, "CREATE SEQUENCE IF NOT EXISTS " + GLOBAL_SEQUENCE + " AS bigint");
            execute(c, "CREATE TABLE IF NOT EXISTS " + schema + "." + STATES + " ("
                    + "id bigint NOT NULL DEFAULT nextval('" + GLOBAL_SEQUENCE + "') PRIMARY KEY, "
                    + "name text UNIQUE, "
                    + "data text)");
            for (String ddl : peerformTables(settings.schemaName())) execute(c, ddl);
        }
        if (!settings.skipIndexCreation()) {
            execute(c, "CREATE UNIQUE INDEX IF NOT EXISTS " + STATES_INDEX + " ON " + schema + "." + STATES + " (name)");
        }
    }

    /**
     * peerform's tables, keyed by workspace name like states. Made with the states table (and skipped with it:
     * whoever pre-creates Terraform's table for a role without DDL rights runs these too).
     */
    static List<String> peerformTables(String schemaName) {
        String schema = Identifiers.quote(schemaName);
        return List.of(
                // who holds a workspace's advisory lock: Terraform cannot store it in pg, peerform can.
                // backend_pid ties the row to the session holding the lock, so a row left by a killed holder
                // is recognised as stale instead of being reported.
                "CREATE TABLE IF NOT EXISTS " + schema + "." + LOCKS + " ("
                        + "name text PRIMARY KEY, lock_id text NOT NULL, operation text NOT NULL, "
                        + "who text NOT NULL, version text NOT NULL, created timestamptz NOT NULL, "
                        + "info text NOT NULL, backend_pid integer NOT NULL)",
                // one row per journal line of a run: appended one at a time, folded into states at the end
                "CREATE TABLE IF NOT EXISTS " + schema + "." + STEPS + " ("
                        + "id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL, "
                        + "run_id text NOT NULL, seq bigint NOT NULL, line text NOT NULL, "
                        + "UNIQUE (name, run_id, seq))");
    }

    private static boolean schemaVisible(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "select count(1) from information_schema.schemata where schema_name = ?")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1) >= 1;
            }
        }
    }

    private static void execute(Connection c, String ddl) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try (Statement s = c.createStatement()) {
                s.execute(ddl);
                return;
            } catch (SQLException e) {
                if (attempt >= 3 || !LOST_CREATION_RACE.contains(e.getSQLState())) throw e;
            }
        }
    }
}

package dev.peerform.states.pg;

import dev.peerform.testing.PostgresServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A fresh database on the shared test server, and what the pg tests ask of it. */
final class PgTestDatabase {
    static final String SCHEMA = PgSettings.DEFAULT_SCHEMA;
    static final byte[] EMPTY_STATE = "{\"version\":4,\"serial\":0,\"resources\":[]}".getBytes(StandardCharsets.UTF_8);

    final PostgresServer server;
    final String name;

    PgTestDatabase() {
        this.server = PostgresServer.shared();
        this.name = server.newDatabase();
    }

    PgSettings settings() {
        return new PgSettings(server.connStr(name), SCHEMA, false, false, false);
    }

    PgStateStore open() throws SQLException {
        return PgStateStore.open(settings(), Map.of());
    }

    PgStateStore open(PgSettings settings) throws SQLException {
        return PgStateStore.open(settings, Map.of());
    }

    /** A plain session, as another process (or Terraform) would have. */
    Connection connect() throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(name));
    }

    static PgLockInfo info(String operation) {
        return new PgLockInfo(UUID.randomUUID().toString(), "", operation, "tester@host", "0.1.0",
                Instant.parse("2026-12-01T10:00:00Z"), "");
    }

    /** The output of layout.sql (the statement the fixture was made with) on this database. */
    List<String> layout(String schema) throws SQLException {
        String sql = resource("pg/layout.sql").lines().filter(l -> !l.startsWith("--"))
                .reduce("", (a, b) -> a + b + "\n")
                .replace(":'schema'", "'" + schema.replace("'", "''") + "'")
                .strip();
        if (sql.endsWith(";")) sql = sql.substring(0, sql.length() - 1);
        List<String> lines = new ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) lines.add(r.getString(1));
        }
        return lines;
    }

    /** The advisory locks granted in this database: "key|objsubid|mode|granted", as locks.txt has them. */
    List<String> advisoryLocks() throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "select (classid::bigint << 32) | objid::bigint, objsubid, mode, granted from pg_locks"
                        + " where locktype = 'advisory' and database = (select oid from pg_database"
                        + " where datname = current_database()) order by 1")) {
            while (r.next()) {
                lines.add(r.getLong(1) + "|" + r.getInt(2) + "|" + r.getString(3) + "|" + (r.getBoolean(4) ? "t" : "f"));
            }
        }
        return lines;
    }

    long rowId(String workspace) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "select id from " + SCHEMA + ".states where name = '" + workspace.replace("'", "''") + "'")) {
            if (!r.next()) throw new AssertionError("no row for workspace " + workspace);
            return r.getLong(1);
        }
    }

    static String resource(String path) {
        try (InputStream in = PgTestDatabase.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) throw new AssertionError("missing test resource " + path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

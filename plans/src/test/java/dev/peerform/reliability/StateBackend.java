package dev.peerform.reliability;

import dev.peerform.testing.PostgresServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where a figure's states live: the local file beside the configuration, or Terraform's {@code pg} backend on a
 * private PostgreSQL started as the engine's pg tests start it, one schema per directory so that the cases never
 * share a state. The audit reads a pg state through {@code peerform state pull}, as a user would.
 */
record StateBackend(String name, String connStr) {

    static final StateBackend LOCAL = new StateBackend("local", null);

    static StateBackend of(String name) {
        return switch (name) {
            case "local" -> LOCAL;
            // a fresh database per harness run: the schemas of an earlier run are never met
            case "pg" -> {
                PostgresServer server = PostgresServer.shared();
                yield new StateBackend("pg", server.connStr(server.newDatabase()));
            }
            default -> throw new IllegalArgumentException("the backend is local or pg, not " + name);
        };
    }

    boolean pg() {
        return connStr != null;
    }

    /** What every process needs to reach the backend: the conn_str stays out of the files. */
    Map<String, String> env() {
        return pg() ? Map.of("PG_CONN_STR", connStr) : Map.of();
    }

    /** Makes the directory use this backend: a backend block naming its own schema, and init. */
    void prepare(Peerform p, Path dir) throws IOException {
        if (!pg()) {
            return;
        }
        String schema = "s_" + dir.getFileName().toString().replaceAll("[^A-Za-z0-9]", "_").toLowerCase();
        Files.writeString(dir.resolve("backend.tf"), "terraform {\n  backend \"pg\" {\n    schema_name = \""
                + schema + "\"\n  }\n}\n");
        Peerform.Run init = p.withEnv(env()).run(dir, Harness.COMMAND, "init", "-input=false");
        if (!init.ok()) {
            throw new IOException("init of the pg backend in " + dir + " failed: " + init.gist());
        }
    }

    /** The directory's state as a file the audit can read (null output: no state yet, an empty file). */
    Path state(Peerform p, Path dir) throws IOException {
        if (!pg()) {
            return dir.resolve("terraform.tfstate");
        }
        Peerform.Run pull = p.withEnv(env()).run(dir, Harness.COMMAND, "state", "pull");
        if (!pull.ok()) {
            throw new IOException("state pull from the pg backend in " + dir + " failed: " + pull.gist());
        }
        Path pulled = dir.resolve("pulled.tfstate");
        int json = pull.out().indexOf('{');
        Files.writeString(pulled, json < 0 ? "{}" : pull.out().substring(json));
        return pulled;
    }
}

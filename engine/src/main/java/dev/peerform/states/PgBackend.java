package dev.peerform.states;

import dev.peerform.states.pg.PgSettings;
import dev.peerform.states.pg.PgStateStore;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The pg backend: Terraform's layout in PostgreSQL (one row of {@code states} per workspace, its advisory lock),
 * with peerform's step records and lock holders beside it. The connection is opened on first use and shared by
 * the workspaces' stores; each held lock has a connection of its own.
 */
public final class PgBackend implements Backend, AutoCloseable {

    private final PgSettings settings;
    private final Map<String, String> env;
    private final Clock clock;
    private final String version;
    private PgStateStore store;

    public PgBackend(PgSettings settings, Map<String, String> env, Clock clock, String version) {
        this.settings = settings;
        this.env = env;
        this.clock = clock;
        this.version = version;
    }

    /** Where the states are, for messages: never the conn_str, which may hold a password. */
    public String describe() {
        return "schema \"" + settings.schemaName() + "\" of the pg backend";
    }

    synchronized PgStateStore store() throws IOException {
        if (store == null) {
            try {
                store = PgStateStore.open(settings, env);
            } catch (SQLException e) {
                throw PgWorkspaceState.io("Failed to connect to the pg backend", e);
            } catch (IllegalArgumentException e) {
                throw new IOException("Invalid pg backend configuration: " + e.getMessage());
            }
        }
        return store;
    }

    @Override
    public List<String> workspaces() throws IOException {
        try {
            return store().workspaces();
        } catch (SQLException e) {
            throw PgWorkspaceState.io("Failed to list workspaces", e);
        }
    }

    @Override
    public StateStore workspace(String name) {
        return new PgWorkspaceState(this, name, clock, version);
    }

    @Override
    public void deleteWorkspace(String name) throws IOException {
        if (DEFAULT_WORKSPACE.equals(name) || name.isEmpty()) {
            throw new IllegalArgumentException("can't delete default state");
        }
        try {
            store().delete(name);
        } catch (SQLException e) {
            throw PgWorkspaceState.io("Failed to delete workspace " + name, e);
        }
    }

    @Override
    public synchronized void close() {
        if (store != null) {
            try {
                store.close();
            } catch (SQLException e) {
                // the session ends with the connection either way
            }
            store = null;
        }
    }
}

package dev.peerform.states;

import java.io.IOException;
import java.util.List;

/**
 * Where states are kept: one state per named workspace, each behind its own {@link StateStore} (read, write,
 * lock, step journal, recovery). The local backend keeps files beside the configuration; a database backend
 * keeps one row per workspace, takes advisory locks and a table of step records, behind the same interface.
 */
public interface Backend {

    /** The workspace every backend has, and the only one that cannot be deleted. */
    String DEFAULT_WORKSPACE = "default";

    /** The names of the workspaces that have a state, the default one first. */
    List<String> workspaces() throws IOException;

    /** The state of one workspace; it need not exist yet (reading it then gives an empty state). */
    StateStore workspace(String name);

    /** Deletes a workspace's state, its lock and its journal; the default workspace is refused. */
    void deleteWorkspace(String name) throws IOException;
}

package dev.peerform.states;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * The local backend: the default workspace's state is {@code terraform.tfstate} (or the path a
 * {@code backend "local"} block gives), with its lock file, journal and backup beside it. Named workspaces
 * (Terraform keeps them in {@code terraform.tfstate.d/NAME/}) are not offered yet.
 */
public final class LocalBackend implements Backend {

    private final Path statePath;
    private final Clock clock;
    private final String version;

    public LocalBackend(Path statePath, Clock clock, String version) {
        this.statePath = statePath;
        this.clock = clock;
        this.version = version;
    }

    @Override
    public List<String> workspaces() {
        return List.of(DEFAULT_WORKSPACE);
    }

    @Override
    public StateStore workspace(String name) {
        if (!DEFAULT_WORKSPACE.equals(name)) {
            throw new IllegalArgumentException("the local backend has only the \"" + DEFAULT_WORKSPACE
                    + "\" workspace; named workspaces are not supported yet");
        }
        return new LocalStateStore(statePath, clock, version);
    }

    @Override
    public void deleteWorkspace(String name) {
        throw new IllegalArgumentException(DEFAULT_WORKSPACE.equals(name) ? "the default workspace cannot be deleted"
                : "the local backend has no workspace \"" + name + "\"");
    }
}

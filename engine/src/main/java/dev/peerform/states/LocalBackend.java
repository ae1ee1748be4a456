package dev.peerform.states;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The local backend: the default workspace's state is {@code terraform.tfstate} (or the path a
 * {@code backend "local"} block gives), with its lock file, journal and backup beside it. A named workspace's
 * state is {@code terraform.tfstate.d/NAME/terraform.tfstate}, as Terraform keeps it.
 */
public final class LocalBackend implements Backend {

    /** Terraform's directory of named workspaces, beside the configuration. */
    public static final String WORKSPACE_DIR = "terraform.tfstate.d";

    private final Path statePath;
    private final Path workspaceDir;
    private final Clock clock;
    private final String version;

    public LocalBackend(Path statePath, Clock clock, String version) {
        this(statePath, statePath.toAbsolutePath().getParent().resolve(WORKSPACE_DIR), clock, version);
    }

    public LocalBackend(Path statePath, Path workspaceDir, Clock clock, String version) {
        this.statePath = statePath;
        this.workspaceDir = workspaceDir;
        this.clock = clock;
        this.version = version;
    }

    @Override
    public List<String> workspaces() throws IOException {
        List<String> names = new ArrayList<>(List.of(DEFAULT_WORKSPACE));
        if (Files.isDirectory(workspaceDir)) {
            try (Stream<Path> dirs = Files.list(workspaceDir)) {
                dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                        .filter(n -> !n.equals(DEFAULT_WORKSPACE)).sorted(Comparator.naturalOrder())
                        .forEach(names::add);
            }
        }
        return names;
    }

    @Override
    public StateStore workspace(String name) {
        return new LocalStateStore(statePathOf(name), clock, version);
    }

    /** Where a workspace's state file is (or will be). */
    public Path statePathOf(String name) {
        return DEFAULT_WORKSPACE.equals(name) ? statePath : workspaceDir.resolve(name).resolve("terraform.tfstate");
    }

    /** Makes a named workspace's directory, which is what makes it listed. */
    public void create(String name) throws IOException {
        if (!DEFAULT_WORKSPACE.equals(name)) {
            Files.createDirectories(workspaceDir.resolve(name));
        }
    }

    @Override
    public void deleteWorkspace(String name) throws IOException {
        if (DEFAULT_WORKSPACE.equals(name)) {
            throw new IllegalArgumentException("can't delete default state");
        }
        Path dir = workspaceDir.resolve(name);
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

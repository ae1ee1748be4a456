package dev.peerform.workspace;

import dev.peerform.config.Module;
import dev.peerform.diag.Diagnostics;
import dev.peerform.diag.SourceRange;
import dev.peerform.states.Backend;
import dev.peerform.states.LocalBackend;
import dev.peerform.states.PgBackend;
import dev.peerform.states.pg.PgSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * Which backend a working directory uses, as Terraform decides it: the configuration's block, with the
 * arguments init recorded in .terraform/terraform.tfstate (which include the -backend-config values). A pg block
 * needs init first, and a changed block needs init again; the local backend works without init.
 */
final class Backends {

    private final Path dir;
    private final Map<String, String> env;
    private final Clock clock;
    private final String version;

    Backends(Path dir, Map<String, String> env, Clock clock, String version) {
        this.dir = dir;
        this.env = env;
        this.clock = clock;
        this.version = version;
    }

    /** The backend for commands other than init; an error says to run init when it is needed. */
    Backend forRun(Module module, Diagnostics diags) {
        BackendConfig block = BackendConfig.of(module, dir, diags);
        SourceRange where = module.backend() == null ? null : module.backend().range();
        if (block == null) {
            return open(BackendConfig.IMPLICIT_LOCAL, diags);
        }
        BackendConfig saved;
        try {
            saved = new DataDir(dir).backend();
        } catch (IOException e) {
            diags.error("Failed to read .terraform/terraform.tfstate", e.getMessage(), null);
            return open(block, diags);
        }
        boolean savedRemote = saved != null && !saved.type().equals("local");
        if (block.type().equals("local")) {
            if (savedRemote) {
                diags.error("Backend configuration changed", "The configuration now uses the local backend, but "
                        + "init last configured the \"" + saved.type() + "\" backend. Run \"peerform init "
                        + "-migrate-state\" to move the states to the local backend, or \"peerform init "
                        + "-reconfigure\" to use the local backend without them.", where);
            }
            return open(block, diags);
        }
        if (saved == null || !saved.type().equals(block.type()) || saved.hash() != block.hash()) {
            diags.error("Backend initialization required, please run \"peerform init\"", saved == null
                    ? "The \"" + block.type() + "\" backend has not been initialized in this directory. Run "
                            + "\"peerform init\" (with -backend-config for arguments kept out of the files)."
                    : "The backend configuration changed since \"peerform init\" last ran. Run \"peerform init "
                            + "-migrate-state\" to copy the states to the new backend, or \"peerform init "
                            + "-reconfigure\" to use it as it is.", where);
            return open(block, diags);
        }
        return open(saved, diags);
    }

    /** The backend a configuration (recorded or given) describes. */
    Backend open(BackendConfig config, Diagnostics diags) {
        if (config.type().equals("pg")) {
            try {
                return new PgBackend(PgSettings.resolve(config.config(), env), env, clock, version);
            } catch (IllegalArgumentException e) {
                diags.error("Invalid pg backend configuration", e.getMessage() + ".", null);
                return local(BackendConfig.IMPLICIT_LOCAL);
            }
        }
        return local(config);
    }

    private LocalBackend local(BackendConfig config) {
        String path = config.config().get("path");
        String workspaces = config.config().get("workspace_dir");
        return new LocalBackend(dir.resolve(path == null ? "terraform.tfstate" : path),
                dir.resolve(workspaces == null ? LocalBackend.WORKSPACE_DIR : workspaces), clock, version);
    }

    /** The workspace runs use: TF_WORKSPACE when set, else the one selected, else default. */
    String currentWorkspace() throws IOException {
        String forced = env.get("TF_WORKSPACE");
        if (forced != null && !forced.isEmpty()) {
            return forced;
        }
        return new DataDir(dir).selectedWorkspace();
    }
}

package dev.peerform.workspace;

import dev.peerform.config.Module;
import dev.peerform.config.ModuleLoader;
import dev.peerform.diag.Diagnostics;
import dev.peerform.states.Backend;
import dev.peerform.states.LocalBackend;
import dev.peerform.states.State;
import dev.peerform.states.StateLockedException;
import dev.peerform.states.StateStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * {@code workspace new|select|list|show|delete}, with Terraform's rules: names are URL-safe path segments,
 * {@code default} always exists and cannot be deleted, nor can the selected workspace, and a workspace that
 * still tracks resources is deleted only with -force. The selection lives in .terraform/environment;
 * TF_WORKSPACE overrides it and then forbids selecting.
 */
public final class WorkspaceOperations implements AutoCloseable {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_\\-.]+");

    private final Workspace workspace;
    private final Backend backend;
    private final DataDir data;

    private WorkspaceOperations(Workspace workspace, Backend backend) {
        this.workspace = workspace;
        this.backend = backend;
        this.data = new DataDir(workspace.dir());
    }

    /** Null, with the reason, when the backend cannot be used (init needed, unsupported, ...). */
    public static WorkspaceOperations open(Workspace workspace, Diagnostics diags) {
        Module module = new ModuleLoader(workspace.dir()).load(diags);
        if (diags.hasErrors()) {
            return null;
        }
        Backend backend = workspace.backend(module, diags);
        return diags.hasErrors() ? null : new WorkspaceOperations(workspace, backend);
    }

    public String current() {
        return workspace.currentWorkspace();
    }

    private boolean overridden() {
        String forced = workspace.env().get("TF_WORKSPACE");
        return forced != null && !forced.isEmpty();
    }

    public List<String> list() throws IOException {
        return backend.workspaces();
    }

    /** {@code workspace new NAME}: creates it (a pg row with an empty state, a local directory) and selects it. */
    public boolean create(String name, Locking locking, Diagnostics diags) throws IOException {
        if (!valid(name, diags) || refusedByOverride(diags)) {
            return false;
        }
        if (list().contains(name)) {
            diags.error("Workspace \"" + name + "\" already exists", null, null);
            return false;
        }
        if (backend instanceof LocalBackend local) {
            local.create(name);
        } else {
            // as Terraform: the state manager locks it, which writes the empty sentinel state that lists it
            try (StateStore.Lock held = backend.workspace(name).lock("workspace new", locking.timeout())) {
                Objects.requireNonNull(held);
            } catch (StateLockedException e) {
                diags.error("Error acquiring the state lock", e.getMessage(), null);
                return false;
            }
        }
        data.selectWorkspace(name);
        return true;
    }

    /** {@code workspace select NAME [-or-create]}. */
    public boolean select(String name, boolean orCreate, Locking locking, Diagnostics diags) throws IOException {
        if (!valid(name, diags) || refusedByOverride(diags)) {
            return false;
        }
        if (!list().contains(name)) {
            if (orCreate) {
                return create(name, locking, diags);
            }
            diags.error("Workspace \"" + name + "\" doesn't exist.", "You can create this workspace with the "
                    + "\"new\" subcommand \nor include the \"-or-create\" flag with the \"select\" subcommand.", null);
            return false;
        }
        data.selectWorkspace(name);
        return true;
    }

    /** {@code workspace delete [-force] NAME}: under the workspace's lock, as in Terraform. */
    public boolean delete(String name, boolean force, Locking locking, Diagnostics diags) throws IOException {
        if (Backend.DEFAULT_WORKSPACE.equals(name)) {
            diags.error("Can't delete default state", "The \"default\" workspace always exists and cannot be "
                    + "deleted.", null);
            return false;
        }
        if (!list().contains(name)) {
            diags.error("Workspace \"" + name + "\" doesn't exist.", null, null);
            return false;
        }
        if (name.equals(current())) {
            diags.error("Workspace \"" + name + "\" is your active workspace.", "You cannot delete the currently "
                    + "active workspace. Please switch\nto another workspace and try again.", null);
            return false;
        }
        StateStore store = backend.workspace(name);
        StateStore.Lock held = null;
        try {
            if (locking.enabled()) {
                held = store.lock("workspace delete", locking.timeout());
            }
            State state = store.read();
            store.recover(state);
            List<String> tracked = new ArrayList<>();
            state.resources().values().forEach(r -> r.instances.keySet().forEach(k -> tracked.add(r.address + ""
                    + k)));
            if (!tracked.isEmpty() && !force) {
                diags.error("Workspace is not empty", "Workspace \"" + name + "\" is currently tracking the "
                        + "following resource instances:\n  - " + String.join("\n  - ", tracked) + "\n\nDeleting "
                        + "this workspace would cause peerform to lose track of any\nassociated remote objects, which "
                        + "would then require you to delete them\nmanually outside of peerform. You should destroy "
                        + "these objects with\npeerform before deleting the workspace.\n\nIf you want to delete this "
                        + "workspace anyway, and have peerform forget\nabout these managed objects, use the -force "
                        + "option to disable this safety\ncheck.", null);
                return false;
            }
            backend.deleteWorkspace(name);
            return true;
        } catch (StateLockedException e) {
            diags.error("Error acquiring the state lock", e.getMessage(), null);
            return false;
        } finally {
            if (held != null) {
                held.close();
            }
        }
    }

    private boolean refusedByOverride(Diagnostics diags) {
        if (overridden()) {
            diags.error("The selected workspace is currently overridden using the TF_WORKSPACE\nenvironment "
                    + "variable.", "To select a new workspace, either update this environment variable or unset\n"
                    + "it and then run this command again.", null);
            return true;
        }
        return false;
    }

    private static boolean valid(String name, Diagnostics diags) {
        if (!VALID.matcher(name).matches() || name.equals(".") || name.equals("..")) {
            diags.error("Invalid workspace name", "The workspace name \"" + name + "\" is not allowed. The name "
                    + "must contain only URL safe characters, and no path separators.", null);
            return false;
        }
        return true;
    }

    @Override
    public void close() {
        if (backend instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                // the session ends with the process
            }
        }
    }
}

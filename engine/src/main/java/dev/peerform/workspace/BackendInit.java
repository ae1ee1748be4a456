package dev.peerform.workspace;

import dev.peerform.config.Module;
import dev.peerform.config.ModuleLoader;
import dev.peerform.diag.Diagnostics;
import dev.peerform.states.Backend;
import dev.peerform.states.LocalBackend;
import dev.peerform.states.State;
import dev.peerform.states.StateLockedException;
import dev.peerform.states.StateStore;
import dev.peerform.syntax.ConfigFile;
import dev.peerform.syntax.Parser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The backend half of {@code init}: the block's arguments with -backend-config laid over them, recorded in
 * .terraform/terraform.tfstate; when they changed since the last init, the states stay where they were
 * (-reconfigure) or are copied, every workspace, to the new backend (-migrate-state; -force-copy answers yes).
 */
public final class BackendInit {

    /** What init was asked; {@code backendConfig} holds each -backend-config as given (KEY=VALUE or a file). */
    public record Options(List<String> backendConfig, boolean reconfigure, boolean migrateState, boolean forceCopy,
            Locking locking) {
    }

    /** What happened, for the command to print. */
    public record Result(String type, boolean changed, List<String> migrated) {
    }

    private final Workspace workspace;

    public BackendInit(Workspace workspace) {
        this.workspace = workspace;
    }

    /** Null with the reason in {@code diags} when init cannot configure the backend. */
    public Result run(Options options, Predicate<String> confirm, Diagnostics diags) {
        Path dir = workspace.dir();
        Module module = new ModuleLoader(dir).load(diags);
        if (diags.hasErrors()) {
            return null;
        }
        BackendConfig block = BackendConfig.of(module, dir, diags);
        if (block == null) {
            return null;
        }
        if (module.backend() == null && !options.backendConfig().isEmpty()) {
            diags.error("Invalid backend configuration", "-backend-config was used without a \"backend\" block in "
                    + "the configuration. Add a backend block (for example terraform { backend \"pg\" {} }) or "
                    + "remove -backend-config.", null);
            return null;
        }
        Map<String, String> overrides = overrides(block.type(), options.backendConfig(), dir, diags);
        if (overrides == null) {
            return null;
        }
        BackendConfig wanted = block.with(overrides, module.backend() == null ? null : module.backend().range(),
                diags);
        if (diags.hasErrors()) {
            return null;
        }
        DataDir data = new DataDir(dir);
        Backends backends = workspace.backends();
        try {
            BackendConfig saved = data.backend();
            BackendConfig previous = saved != null ? saved : BackendConfig.IMPLICIT_LOCAL;
            if (saved != null && overrides.isEmpty() && saved.type().equals(wanted.type())
                    && saved.hash() == wanted.hash() && !options.reconfigure()) {
                wanted = saved; // init again with the block unchanged keeps what -backend-config gave before
            }
            boolean changed = !same(previous, wanted);
            Backend target = backends.open(wanted, diags);
            if (diags.hasErrors()) {
                return null;
            }
            List<String> migrated = new ArrayList<>();
            try {
                target.workspaces(); // connects, and makes the layout as Terraform's configure does
                if (changed && !options.reconfigure()) {
                    Backend source = backends.open(previous, diags);
                    try {
                        List<String> withState = nonEmpty(source);
                        if (!withState.isEmpty() || (options.migrateState() && source.workspaces().size() > 1)) {
                            if (saved != null && !options.migrateState() && !options.forceCopy()) {
                                diags.error("Backend configuration changed", "A change in the backend configuration "
                                        + "has been detected, which may require migrating existing state.\n\nIf you "
                                        + "wish to attempt automatic migration of the state, use \"peerform init "
                                        + "-migrate-state\".\nIf you wish to store the current configuration with no "
                                        + "changes to the state, use \"peerform init -reconfigure\".", null);
                                return null;
                            }
                            List<String> all = source.workspaces();
                            String question = all.size() > 1
                                    ? "Do you want to migrate all workspaces to \"" + wanted.type() + "\"?\n  Both the "
                                            + "existing \"" + previous.type() + "\" backend and the newly configured \""
                                            + wanted.type() + "\" backend support workspaces. When migrating between "
                                            + "backends,\n  peerform will copy all workspaces (with the same names). "
                                            + "THIS WILL OVERWRITE any conflicting\n  states in the destination."
                                    : "Do you want to copy existing state to the new backend?\n  Pre-existing state was "
                                            + "found while migrating the previous \"" + previous.type() + "\" backend "
                                            + "to the\n  newly configured \"" + wanted.type() + "\" backend.";
                            if (!options.forceCopy() && !confirm.test(question)) {
                                diags.error("Migration aborted by user.", "Nothing was copied; the backend was not "
                                        + "changed. Run init again and answer yes, or use -force-copy.", null);
                                return null;
                            }
                            for (String name : all) {
                                copy(source, target, name, options.locking());
                                migrated.add(name);
                            }
                        }
                    } finally {
                        close(source);
                    }
                }
            } finally {
                close(target);
            }
            data.backend(wanted, workspace.version());
            return new Result(wanted.type(), changed, migrated);
        } catch (StateLockedException e) {
            diags.error("Error acquiring the state lock", e.getMessage().substring(e.getMessage().indexOf('\n') + 1)
                    .trim(), null);
        } catch (IOException | RuntimeException e) {
            diags.error("Failed to configure the backend", Objects.toString(e.getMessage(), e.toString()), null);
        }
        return null;
    }

    /** One workspace's state, locked at both ends, lineage and serial kept (it is the same state, moved). */
    private static void copy(Backend source, Backend target, String name, Locking locking)
            throws IOException, StateLockedException {
        StateStore from = source.workspace(name);
        StateStore to = target.workspace(name);
        StateStore.Lock a = locking.enabled() ? from.lock("migration", locking.timeout()) : null;
        try {
            State state = from.read();
            from.recover(state);
            if (target instanceof LocalBackend local) {
                local.create(name);
            }
            StateStore.Lock b = locking.enabled() ? to.lock("migration", locking.timeout()) : null;
            try {
                if (!state.resources().isEmpty() || !state.outputs().isEmpty() || state.serial() > 0) {
                    to.write(state);
                }
            } finally {
                if (b != null) {
                    b.close();
                }
            }
        } finally {
            if (a != null) {
                a.close();
            }
        }
    }

    private static List<String> nonEmpty(Backend backend) throws IOException {
        List<String> out = new ArrayList<>();
        for (String name : backend.workspaces()) {
            State s = backend.workspace(name).read();
            if (!s.resources().isEmpty() || !s.outputs().isEmpty()) {
                out.add(name);
            }
        }
        return out;
    }

    /** -backend-config values: KEY=VALUE pairs, or HCL files of arguments, in the order given (later wins). */
    private static Map<String, String> overrides(String type, List<String> given, Path dir, Diagnostics diags) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String g : given) {
            Path file = dir.resolve(g);
            int eq = g.indexOf('=');
            if (eq > 0 && !Files.isRegularFile(file)) {
                out.put(g.substring(0, eq).trim(), g.substring(eq + 1));
                continue;
            }
            if (!Files.isRegularFile(file)) {
                diags.error("Failed to read file", "The backend configuration file \"" + g + "\" does not exist. "
                        + "-backend-config takes KEY=VALUE or a file of arguments.", null);
                return null;
            }
            try {
                ConfigFile parsed = Parser.parseFile(g, Files.readString(file), diags);
                if (diags.hasErrors()) {
                    return null;
                }
                Map<String, String> values = BackendConfig.arguments(type, parsed.body(), dir, diags);
                if (values == null) {
                    return null;
                }
                values.forEach((k, v) -> {
                    if (v != null) {
                        out.put(k, v);
                    }
                });
            } catch (IOException e) {
                diags.error("Failed to read file", "Cannot read " + g + ": " + e.getMessage(), null);
                return null;
            }
        }
        return out;
    }

    private static boolean same(BackendConfig a, BackendConfig b) {
        if (!a.type().equals(b.type())) {
            return false;
        }
        Map<String, String> x = new LinkedHashMap<>(a.config());
        Map<String, String> y = new LinkedHashMap<>(b.config());
        x.values().removeIf(Objects::isNull);
        y.values().removeIf(Objects::isNull);
        return x.equals(y);
    }

    private static void close(Backend b) {
        if (b instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                // the session ends with the process
            }
        }
    }
}

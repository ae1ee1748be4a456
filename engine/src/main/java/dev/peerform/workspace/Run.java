package dev.peerform.workspace;

import dev.peerform.addrs.InstanceAddress;
import dev.peerform.addrs.ModuleStep;
import dev.peerform.addrs.ResourceMode;
import dev.peerform.apply.Applier;
import dev.peerform.apply.ApplyListener;
import dev.peerform.apply.Interrupt;
import dev.peerform.config.Module;
import dev.peerform.config.Resource;
import dev.peerform.config.VariableValues;
import dev.peerform.diag.Diagnostics;
import dev.peerform.planfile.PlanFile;
import dev.peerform.planner.Imports;
import dev.peerform.planner.Planner;
import dev.peerform.plans.Plan;
import dev.peerform.plans.PlanMode;
import dev.peerform.spi.ChangeView;
import dev.peerform.render.GeneratedConfig;
import dev.peerform.spi.ConfiguredProvider;
import dev.peerform.spi.ReachAnswer;
import dev.peerform.spi.ReachQuery;
import dev.peerform.spi.ResourceType;
import dev.peerform.states.AttributeCodec;
import dev.peerform.states.InstanceState;
import dev.peerform.states.JournalDamagedException;
import dev.peerform.states.State;
import dev.peerform.states.StateFormatException;
import dev.peerform.states.StateLockedException;
import dev.peerform.states.StateStore;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.Value;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One run over the workspace, as plan, apply and import make it: the configuration and variables loaded, the state
 * lock taken, the state read (and recovered); then a plan, a saved plan judged, an apply or an import. The lock is
 * released on close. Every refusal is a diagnostic; the caller prints them.
 */
public final class Run implements AutoCloseable {

    private final Workspace workspace;
    private final Workspace.Loaded loaded;
    private StateStore.Lock lock;
    private State state;
    /** The state the next apply starts from: the refreshed one of the last plan, or the state as read. */
    private State base;

    private Run(Workspace workspace, Workspace.Loaded loaded) {
        this.workspace = workspace;
        this.loaded = loaded;
    }

    /** Loads the configuration and variables (and configures the providers); null when that failed. */
    public static Run load(Workspace workspace, List<VariableValues.CliOption> vars, boolean configureProviders,
            Diagnostics diags) {
        Workspace.Loaded loaded = workspace.load(vars, configureProviders, diags);
        return loaded == null || diags.hasErrors() ? null : new Run(workspace, loaded);
    }

    /** Loads to apply the saved plan {@code planFile}: its variables need not be given again. */
    public static Run loadForPlan(Workspace workspace, List<VariableValues.CliOption> vars, Path planFile,
            Diagnostics diags) {
        Workspace.Loaded loaded = workspace.load(vars, workspace.planVariables(vars, planFile), diags);
        return loaded == null || diags.hasErrors() ? null : new Run(workspace, loaded);
    }

    /** Takes the lock (unless disabled) and reads the state; the returned diagnostics say why not, if not. */
    public Diagnostics lockAndRead(String operation, Locking locking, Diagnostics diags) {
        Diagnostics refused = new Diagnostics();
        try {
            if (locking.enabled()) {
                lock = loaded.store().lock(operation, locking.timeout());
            }
            state = workspace.readState(loaded, diags);
            base = state;
        } catch (StateLockedException e) {
            refused.error("Error acquiring the state lock", e.getMessage().substring(e.getMessage().indexOf('\n') + 1)
                    .trim(), null);
        } catch (StateFormatException e) {
            refused.error("Failed to load state", e.getMessage() + " Nothing was changed. Restore the file from "
                    + "terraform.tfstate.backup or from version control.", null);
        } catch (JournalDamagedException e) {
            refused.error("Failed to recover the interrupted run", e.getMessage(), null);
        } catch (IOException e) {
            refused.error("Failed to load state", e.getMessage(), null);
        }
        return refused;
    }

    public Module module() {
        return loaded.module();
    }

    /** Whether the directory has configuration files: planning without any would destroy everything. */
    public boolean hasConfiguration() {
        return !loaded.module().files().isEmpty();
    }

    /** Plans; the refreshed state becomes what a following apply starts from. */
    public Planner.Result plan(Planner.Options options, Diagnostics diags) {
        Planner.Result result = workspace.plan(loaded, state, options, diags);
        if (result != null) {
            base = result.refreshed();
        }
        return result;
    }

    /**
     * The managed objects a refreshing plan reads, in the state's order, each with its id when it may be shown
     * (null when it has none, or a sensitive one): what "Refreshing state... [id=...]" names.
     */
    public Map<InstanceAddress, String> refreshedObjects() {
        Map<InstanceAddress, String> out = new LinkedHashMap<>();
        for (State.Resource r : state.resources().values()) {
            if (r.address.mode() == ResourceMode.DATA) {
                continue;
            }
            r.instances.forEach((key, is) -> {
                if (is.pendingClientToken() != null && is.attributes().isEmpty()) {
                    return; // a create interrupted before the cloud answered: re-issued, not refreshed
                }
                JsonNode id = is.attributes().get("id");
                boolean hidden = id == null || !id.isTextual() || idIsSensitive(is.sensitiveAttributes());
                out.put(r.address.instance(key), hidden ? null : id.asText());
            });
        }
        return out;
    }

    private static boolean idIsSensitive(JsonNode paths) {
        if (paths == null) {
            return false;
        }
        for (JsonNode path : paths) {
            if (path.size() >= 1 && "id".equals(path.get(0).path("value").asText())) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code plan -generate-config-out}: writes a resource block for each import target that has none; false, with
     * the reason in {@code diags}, when nothing could be written.
     */
    public boolean generateConfig(Path file, Diagnostics diags) throws IOException {
        List<Imports.Generated> targets = Imports.unconfigured(loaded.module(), loaded.variables(),
                loaded.providers(), diags);
        if (diags.hasErrors()) {
            return false;
        }
        if (!targets.isEmpty()) {
            Files.writeString(file, GeneratedConfig.text(targets, loaded.providers().references(),
                    KnownObjects.inState(state, loaded.providers()), loaded.providers()::argumentsNotWritten));
        }
        return true;
    }

    /**
     * {@code adopt}: writes to {@code file} what the directory's provider configurations find in their accounts
     * (only the regions named, when some are), as resource and import blocks; null, with the reason in
     * {@code diags}, when nothing was written.
     */
    public Adoption.Result adopt(Path file, Set<String> regions, Diagnostics diags) throws IOException {
        Adoption.Result result = Adoption.of(loaded, KnownObjects.inState(state, loaded.providers()), regions,
                diags);
        if (diags.hasErrors()) {
            return null;
        }
        Files.writeString(file, result.text());
        return result;
    }

    /** Writes the plan to a file, with the digest of the configuration it was made from. */
    public void savePlan(Plan plan, Path file) throws IOException {
        PlanFile.write(file, plan, Workspace.configurationDigest(loaded.module()),
                loaded.providers().credentialVariables(loaded.module()), loaded.encryption().plan());
    }

    /**
     * A plan saved by {@code plan -out}, if it can still be applied: made from this state (lineage and serial) and
     * this configuration, with the variables it was made with (the credentials it does not keep are read again
     * from this run's -var, -var-file, tfvars and environment). Null, with the reason in {@code refused}, when not.
     */
    public Plan savedPlan(Path path, String name, Diagnostics refused) {
        if (!Files.isRegularFile(path)) {
            refused.error("Failed to load plan file", "The plan file " + name + " does not exist.", null);
            return null;
        }
        PlanFile.Saved saved;
        try {
            saved = PlanFile.read(path, loaded.providers(), loaded.encryption().plan());
        } catch (IOException e) {
            refused.error("Failed to load plan file", e.getMessage() + ".", null);
            return null;
        }
        if (!saved.plan().lineage().equals(state.lineage()) || saved.plan().serial() != state.serial()) {
            refused.error("Saved plan is stale", "The given plan file can no longer be applied because the state "
                    + "was changed by another operation after the plan was created (the plan was made from serial "
                    + saved.plan().serial() + ", the state is now at serial " + state.serial() + "). Create a new "
                    + "plan with `peerform plan -out " + name + "`.", null);
            return null;
        }
        if (!saved.configDigest().equals(Workspace.configurationDigest(loaded.module()))) {
            refused.error("Saved plan is stale", "The configuration changed after the plan was created, so the plan "
                    + "no longer describes what applying it would do. Create a new plan.", null);
            return null;
        }
        base = state;
        return withVariables(saved.plan(), refused);
    }

    /**
     * A saved plan keeps every root variable but the provider credentials (a plan file is often handed between CI
     * jobs; a key in it would outlive the job): those come again from this run, as a provider would read them.
     */
    private Plan withVariables(Plan saved, Diagnostics refused) {
        Map<String, Value> vars = new LinkedHashMap<>(saved.variables());
        for (String name : loaded.providers().credentialVariables(loaded.module())) {
            Value now = loaded.variables().get(name);
            if (now == null || !now.isKnown()) {
                refused.error("Provider credential needed", "The saved plan does not keep the provider credential "
                        + "variable \"" + name + "\". Provide it again, with -var, -var-file, a tfvars file or TF_VAR_"
                        + name + ", when you apply the plan.", null);
                return null;
            }
            vars.put(name, now);
        }
        return saved.withVariables(vars);
    }

    /**
     * {@code reach}: the verdict over the live cloud (the state refreshed, not written) or, given a saved plan,
     * over its planned values; null, with the reason in {@code diags}, when there is none.
     */
    public ReachAnswer reach(ReachQuery query, Path planFile, String planName, Diagnostics diags) {
        List<ChangeView> world;
        if (planFile == null) {
            Planner.Result refreshed = plan(new Planner.Options(PlanMode.REFRESH_ONLY, true, List.of(), List.of()),
                    diags);
            if (refreshed == null || diags.hasErrors()) {
                return null;
            }
            world = Reaching.live(refreshed.plan().changes());
        } else {
            if (!Files.isRegularFile(planFile)) {
                diags.error("Failed to load plan file", "The plan file " + planName + " does not exist.", null);
                return null;
            }
            try {
                world = Reaching.planned(PlanFile.read(planFile, loaded.providers(), loaded.encryption().plan()).plan().changes());
            } catch (IOException e) {
                diags.error("Failed to load plan file", e.getMessage() + ".", null);
                return null;
            }
        }
        return Reaching.answer(loaded.providers(), query, world, diags);
    }

    /** Applies the plan to the state it was made from, and writes the state. */
    public Applier.Result apply(Plan plan, int parallelism, ApplyListener listener, Interrupt interrupt,
            Diagnostics diags) throws IOException {
        return workspace.apply(loaded, plan, base, Applier.Options.defaults(parallelism), listener, interrupt, diags);
    }

    /** The outputs of the state as now stored; null when it cannot be read. */
    public Map<String, StoredOutput> storedOutputs() {
        try {
            return Workspace.outputs(loaded.store().read());
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * {@code import ADDR ID}: reads an existing object through its provider and puts it in the state at an address
     * the configuration declares and the state does not have yet. The cloud is not changed. Returns the resource
     * type imported, or null with the reason in {@code refused}.
     */
    public String importResource(InstanceAddress target, String id, Diagnostics refused) throws IOException {
        Module m = loaded.module();
        for (String p : ModuleStep.names(target.resource().modulePath())) {
            m = m == null ? null : m.children().get(p);
        }
        Resource r = m == null ? null : m.resources().get(target.resource().type() + "." + target.resource().name());
        if (r == null) {
            refused.error("Configuration for import target does not exist", "The configuration does not contain "
                    + target.resource() + ". Before importing, add a resource block for it, for example:\n\n"
                    + "resource \"" + target.resource().type() + "\" \"" + target.resource().name()
                    + "\" {\n  # (resource arguments)\n}", null);
            return null;
        }
        if (state.instance(target) != null) {
            refused.error("Resource already managed by peerform", target + " is already in the state. To import to "
                    + "this address you must first remove the existing object from the state with "
                    + "`peerform state rm " + target + "`.", null);
            return null;
        }
        String key = r.provider();
        ConfiguredProvider provider = loaded.providers().configured(key);
        ResourceType type = loaded.providers().resourceType(r.type());
        if (provider == null || type == null) {
            refused.error("Provider not available", "The provider " + key + " for " + target + " is not "
                    + "configured.", null);
            return null;
        }
        ObjectValue v = provider.importResource(r.type(), id, refused);
        if (v == null || refused.hasErrors()) {
            return null;
        }
        state.put(target, loaded.providers().stateKey(key), new InstanceState(0, AttributeCodec.encode(v,
                type.schema()), AttributeCodec.sensitivePaths(v), List.of(), false, false, null));
        state.bumpSerial();
        loaded.store().write(state);
        return r.type();
    }

    @Override
    public void close() {
        if (lock != null) {
            lock.close();
        }
        if (loaded.backend() instanceof AutoCloseable connected) {
            try {
                connected.close();
            } catch (Exception e) {
                // a database session that cannot be closed ends with the process
            }
        }
    }
}

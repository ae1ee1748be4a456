package dev.peerform.workspace;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.peerform.apply.Applier;
import dev.peerform.apply.ApplyListener;
import dev.peerform.apply.Interrupt;
import dev.peerform.config.Module;
import dev.peerform.config.ModuleLoader;
import dev.peerform.config.ModuleScope;
import dev.peerform.config.VariableValues;
import dev.peerform.diag.Diagnostics;
import dev.peerform.eval.ModuleValues;
import dev.peerform.json.TerraformJson;
import dev.peerform.lang.Evaluator;
import dev.peerform.lang.Functions;
import dev.peerform.lang.Scope;
import dev.peerform.lang.ValueJson;
import dev.peerform.planfile.PlanFile;
import dev.peerform.planner.Moves;
import dev.peerform.planner.Planner;
import dev.peerform.plans.OutputChange;
import dev.peerform.plans.Plan;
import dev.peerform.plans.PlanMode;
import dev.peerform.plans.ResourceChange;
import dev.peerform.providers.ProviderSet;
import dev.peerform.spi.ProviderFactory;
import dev.peerform.render.PlanJson;
import dev.peerform.render.ProviderSchemaJson;
import dev.peerform.render.PlanRenderer;
import dev.peerform.render.StateView;
import dev.peerform.states.AttributeCodec;
import dev.peerform.states.Backend;
import dev.peerform.states.Encryption;
import dev.peerform.states.EncryptionConfig;
import dev.peerform.states.InstanceState;
import dev.peerform.states.LocalBackend;
import dev.peerform.states.Recovered;
import dev.peerform.states.State;
import dev.peerform.states.StateStore;
import dev.peerform.states.StepJournal;
import dev.peerform.syntax.Attribute;
import dev.peerform.syntax.ConfigFile;
import dev.peerform.value.Type;
import dev.peerform.value.Value;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A working directory: its configuration, variables, providers and state backend, and the runs over them (plan,
 * apply). The CLI's commands are thin layers over this; tests drive it directly.
 */
public final class Workspace {

    /** Everything loaded for a run. */
    public record Loaded(Module module, Map<String, Value> variables, ProviderSet providers, StateStore store,
            String workspaceName, Backend backend, Encryption encryption) {
    }

    private final Path dir;
    private final Map<String, String> env;
    private final Clock clock;
    private final String version;
    private final ProviderSet providerOverride;

    public Workspace(Path dir, Map<String, String> env, Clock clock, String version) {
        this(dir, env, clock, version, null);
    }

    /** A workspace using exactly the given providers (tests), rather than those found on the class path. */
    public Workspace(Path dir, Map<String, String> env, Clock clock, String version, ProviderSet providers) {
        this.dir = dir;
        this.env = env;
        this.clock = clock;
        this.version = version;
        this.providerOverride = providers;
    }

    public Path dir() {
        return dir;
    }

    Map<String, String> env() {
        return env;
    }

    String version() {
        return version;
    }

    /** Loads the configuration and variables and configures the providers; null when that failed. */
    public Loaded load(List<VariableValues.CliOption> varOptions, boolean configureProviders, Diagnostics diags) {
        return load(varOptions, configureProviders, false, Map.of(), diags);
    }

    /**
     * The root variables a saved plan keeps, opened with the encryption this run's variables configure (the
     * passphrase of an encrypted plan comes from them, not from the plan); empty when the file cannot be read,
     * which reading the plan itself then reports.
     */
    public Map<String, Value> planVariables(List<VariableValues.CliOption> varOptions, Path planFile) {
        Diagnostics ignored = new Diagnostics();
        Module module = new ModuleLoader(dir).load(ignored);
        if (ignored.hasErrors()) {
            return Map.of();
        }
        Map<String, Value> variables = new VariableValues().resolve(module, dir, env, varOptions, ignored);
        ProviderSet providers = providerOverride != null ? providerOverride
                : ProviderSet.available(module.requiredProviders());
        ModuleValues values = new ModuleValues(module, variables, providers, dir, a -> null, true);
        values.workspace(currentWorkspace());
        Encryption encryption = EncryptionConfig.of(module, env, values.scope(List.of(), ModuleScope.Context.NONE,
                ignored), ignored);
        return PlanFile.variables(planFile, encryption.plan());
    }

    /** Loads with a saved plan's variables for those no -var, -var-file, tfvars or environment sets. */
    public Loaded load(List<VariableValues.CliOption> varOptions, Map<String, Value> planVariables,
            Diagnostics diags) {
        return load(varOptions, true, false, planVariables, diags);
    }

    private Loaded load(List<VariableValues.CliOption> varOptions, boolean configureProviders, boolean forValidate,
            Map<String, Value> planVariables, Diagnostics diags) {
        Module module = new ModuleLoader(dir).load(diags);
        if (diags.hasErrors()) {
            return null;
        }
        Diagnostics variableDiags = new Diagnostics();
        Map<String, Value> variables = new VariableValues().resolve(module, dir, env, varOptions, planVariables, variableDiags);
        // validate takes an unset required variable as unknown, as Terraform's does: no value is needed to validate
        variableDiags.list().stream()
                .filter(d -> !(forValidate && d.isError() && d.summary().equals("No value for required variable")))
                .forEach(diags::add);
        if (diags.hasErrors()) {
            return null;
        }
        ProviderSet providers = providerOverride != null ? providerOverride
                : ProviderSet.available(module.requiredProviders());
        for (String name : providers.credentialVariables(module)) {
            variables.computeIfPresent(name, (n, v) -> Value.sensitive(v));
        }
        ModuleValues values = new ModuleValues(module, variables, providers, dir, a -> null, true);
        values.workspace(currentWorkspace());
        ModuleScope scope = values.scope(List.of(), ModuleScope.Context.NONE, diags);
        if (configureProviders) {
            providers.configure(module, scope, dir, env, diags);
        }
        Encryption encryption = forValidate ? Encryption.NONE : EncryptionConfig.of(module, env, scope, diags);
        // validate needs no backend (Terraform's neither): its errors count only for commands that use the state
        Diagnostics backendDiags = new Diagnostics();
        Backend backend = backend(module, backendDiags);
        if (!forValidate) {
            diags.addAll(backendDiags);
        }
        String name = currentWorkspace();
        return new Loaded(module, variables, providers, backend.workspace(name).encryptedWith(encryption.state()),
                name, backend, encryption);
    }

    /**
     * The configuration's backend: the local one (terraform.tfstate, or the path of {@code backend "local"}), or
     * the pg backend init configured; an error when init is needed first.
     */
    public Backend backend(Module module, Diagnostics diags) {
        return backends().forRun(module, diags);
    }

    Backends backends() {
        return new Backends(dir, env, clock, version);
    }

    /** The workspace runs use: TF_WORKSPACE, else the one selected with {@code workspace select}, else default. */
    public String currentWorkspace() {
        try {
            return backends().currentWorkspace();
        } catch (IOException e) {
            return Backend.DEFAULT_WORKSPACE;
        }
    }

    /** A console over the configuration and the stored state; null, with the reason, when it cannot load. */
    public Console console(List<VariableValues.CliOption> varOptions, Diagnostics diags) throws IOException {
        Loaded l = load(varOptions, false, diags);
        if (l == null || diags.hasErrors()) {
            return null;
        }
        return new Console(l, l.store().read(), l.workspaceName());
    }

    /** The providers each module needs; null, with the reason, when the configuration does not load. */
    public ProviderRequirements.Node providerRequirements(Diagnostics diags) {
        Module module = new ModuleLoader(dir).load(diags);
        return diags.hasErrors() ? null : ProviderRequirements.of(module);
    }

    /** The source addresses of the providers the stored state's resources belong to, sorted. */
    public Set<String> stateProviders() throws IOException {
        Module module = new ModuleLoader(dir).load(new Diagnostics());
        Set<String> out = new TreeSet<>();
        for (State.Resource r : store(module, new Diagnostics()).read().resources().values()) {
            if (r.provider != null && r.provider.contains("[\"")) {
                out.add(r.provider.substring(r.provider.indexOf("[\"") + 2, r.provider.indexOf("\"]")));
            }
        }
        return out;
    }

    /** {@code providers schema -json}: the schemas of the providers the configuration needs. */
    public ObjectNode providerSchemas(Diagnostics diags) {
        Module module = new ModuleLoader(dir).load(diags);
        if (diags.hasErrors()) {
            return null;
        }
        Set<String> needed = new TreeSet<>();
        collect(ProviderRequirements.of(module), needed);
        ProviderSet available = ProviderSet.available(module.requiredProviders());
        Map<String, ProviderFactory> byAddress = new LinkedHashMap<>();
        for (String name : available.names()) {
            String address = available.sourceAddress(name);
            if (needed.contains(address)) {
                byAddress.put(address, available.factory(name));
            }
        }
        return ProviderSchemaJson.of(byAddress);
    }

    private static void collect(ProviderRequirements.Node node, Set<String> into) {
        node.providers().forEach(r -> into.add(r.address()));
        node.children().forEach(c -> collect(c, into));
    }

    /** The state of the configuration's backend, for the {@code state} commands and {@code force-unlock}. */
    public StateOperations stateOperations() {
        return new StateOperations(store(new ModuleLoader(dir).load(new Diagnostics()), new Diagnostics()));
    }

    private StateStore store(Module module, Diagnostics diags) {
        return backend(module, diags).workspace(currentWorkspace()).encryptedWith(encryption(module).state());
    }

    /**
     * The encryption of commands that only read (show, output, state): with the variables the environment and
     * tfvars files give, since they take no -var; a passphrase they cannot give leaves the files unreadable, which
     * reading them says.
     */
    private Encryption encryption(Module module) {
        Diagnostics ignored = new Diagnostics();
        Map<String, Value> variables = new VariableValues().resolve(module, dir, env, List.of(), ignored);
        ProviderSet providers = providerOverride != null ? providerOverride
                : ProviderSet.available(module.requiredProviders());
        ModuleValues values = new ModuleValues(module, variables, providers, dir, a -> null, true);
        values.workspace(currentWorkspace());
        return EncryptionConfig.of(module, env, values.scope(List.of(), ModuleScope.Context.NONE, ignored), ignored);
    }

    /** The outputs stored in the state: the backend's, or those of the state file given ({@code -state}). */
    public Map<String, StoredOutput> outputs(String statePath) throws IOException {
        StateStore store = statePath != null
                ? new LocalBackend(dir.resolve(statePath), clock, version).workspace(Backend.DEFAULT_WORKSPACE)
                        .encryptedWith(encryption(new ModuleLoader(dir).load(new Diagnostics())).state())
                : store(new ModuleLoader(dir).load(new Diagnostics()), new Diagnostics());
        return outputs(store.read());
    }

    static Map<String, StoredOutput> outputs(State state) {
        Map<String, StoredOutput> out = new LinkedHashMap<>();
        state.outputs().forEach((name, o) -> out.put(name, new StoredOutput(o.value(), o.type(), o.sensitive())));
        return out;
    }

    /** {@code show}: the state, as text or as Terraform's JSON representation. */
    public String showState(boolean json) throws IOException {
        Module module = new ModuleLoader(dir).load(new Diagnostics());
        ProviderSet providers = ProviderSet.available(module.requiredProviders());
        State state = store(module, new Diagnostics()).read();
        return json ? TerraformJson.compact(StateView.json(state, providers)) + "\n"
                : StateView.human(state, providers);
    }

    /**
     * {@code show PLANFILE}: a saved plan, as text or as Terraform's plan JSON (which also describes the state it
     * was made from); null, with the reason in {@code refused}, when the file is not a plan.
     */
    public String showPlan(String name, boolean json, boolean color, Diagnostics refused) throws IOException {
        Module module = new ModuleLoader(dir).load(new Diagnostics());
        ProviderSet providers = ProviderSet.available(module.requiredProviders());
        Path p = dir.resolve(name);
        if (!Files.isRegularFile(p)) {
            refused.error("Failed to read the given file", name + " does not exist.", null);
            return null;
        }
        PlanFile.Saved saved;
        try {
            saved = PlanFile.read(p, providers, encryption(module).plan());
        } catch (IOException e) {
            refused.error("Failed to read the given file as a plan", e.getMessage() + ".", null);
            return null;
        }
        State prior = store(module, new Diagnostics()).read();
        if (!json) {
            return new PlanRenderer(color).render(saved.plan());
        }
        // the credentials the plan does not keep are still secrets: their defaults stay out of the configuration
        Set<String> withheld = providers.credentialVariables(module);
        Map<String, Value> variables = new LinkedHashMap<>();
        module.variables().keySet().forEach(n -> {
            Value v = saved.plan().variables().get(n);
            if (v != null || withheld.contains(n)) {
                variables.put(n, v != null ? v : Value.sensitive(Value.NULL));
            }
        });
        saved.plan().variables().forEach(variables::putIfAbsent);
        return TerraformJson.compact(PlanJson.plan(saved.plan().withVariables(variables), prior, module, providers))
                + "\n";
    }

    /**
     * {@code validate}: the configuration, its expressions and every rule a provider can check without reaching
     * the cloud, planned against an empty state with no credentials and no refresh.
     */
    public Diagnostics validate() {
        Diagnostics diags = new Diagnostics();
        Loaded l = load(List.of(), false, true, Map.of(), diags);
        if (l != null && !diags.hasErrors()) {
            Diagnostics planned = new Diagnostics();
            plan(l, State.empty(), new Planner.Options(PlanMode.NORMAL, false, List.of(), List.of()), planned);
            // check blocks judge the infrastructure, which validate does not look at (nor does Terraform's)
            planned.list().stream().filter(d -> d.isError() || !d.summary().equals("Check block assertion failed"))
                    .forEach(diags::add);
        }
        return diags;
    }

    /** A digest of every configuration file of the module tree: a saved plan is refused when it changed. */
    public static String configurationDigest(Module root) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            digest(root, md);
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void digest(Module m, MessageDigest md) {
        for (ConfigFile f : m.files()) {
            md.update(f.filename().getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(f.source().getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
        }
        m.children().values().forEach(c -> digest(c, md));
    }

    /** Reads the state, folding in the journal of an interrupted run (a warning says so). */
    public State readState(Loaded l, Diagnostics diags) throws IOException {
        State s = l.store().read();
        Recovered recovered = l.store().recover(s);
        if (recovered.note() != null) {
            diags.warning("Dropped a torn journal line", recovered.note(), null);
        }
        if (recovered.replayed() > 0) {
            diags.warning("Recovered an interrupted run", "The previous run stopped before it finished; its journal "
                    + "(" + recovered.replayed() + " entries) has been folded into the state. Creates it had started will be "
                    + "re-issued with their ClientTokens, so nothing is duplicated.", null);
        }
        return s;
    }

    public Planner.Result plan(Loaded l, State state, Planner.Options options, Diagnostics diags) {
        return new Planner(l.module(), l.variables(), l.providers(), dir, clock).workspace(l.workspaceName())
                .plan(state, options, diags);
    }

    /**
     * Applies a plan to the (refreshed) state it was made from, journalling every step, then writes the state with
     * the new outputs.
     */
    public Applier.Result apply(Loaded l, Plan plan, State state, Applier.Options options, ApplyListener listener,
            Interrupt interrupt, Diagnostics diags) throws IOException {
        Applier.Result result;
        Moves.apply(state, plan.moved()); // a saved plan's moves (a fresh plan's state has them already)
        plan.forgotten().forEach(state::remove);
        for (ResourceChange c : plan.changes()) {
            // a saved plan's imports: the objects read while planning, recorded now
            if (plan.imported().containsKey(c.address()) && state.instance(c.address()) == null && c.before() != null) {
                state.put(c.address(), l.providers().stateKey(c.providerKey()), new InstanceState(0,
                        AttributeCodec.encode(c.before(), c.schema()), AttributeCodec.sensitivePaths(c.before()),
                        List.of(), false, false, null));
            }
        }
        try (StepJournal journal = l.store().openJournal()) {
            Applier applier = new Applier(plan, l.module(), l.providers(), state, journal, dir, listener, options);
            result = applier.workspace(l.workspaceName()).run(interrupt, diags);
            Diagnostics outputDiags = new Diagnostics();
            Map<String, Value> outputs = plan.mode() == PlanMode.DESTROY ? Map.of() : applier.outputs(outputDiags);
            state.outputs().clear();
            // only the outputs the plan covers: a targeted plan leaves out those not yet in the state, and so
            // does its apply (as Terraform's), so that the next plan still shows them to be created
            Set<String> planned = plan.outputs().stream().map(OutputChange::name).collect(Collectors.toSet());
            outputs.forEach((name, v) -> {
                if (!v.isWhollyKnown() || !planned.contains(name)) {
                    return;
                }
                state.outputs().put(name, new State.Output(ValueJson.value(v), ValueJson.type(v.type()),
                        v.containsSensitive()));
            });
        }
        state.bumpSerial();
        l.store().write(state);
        l.store().discardJournal();
        return result;
    }
}

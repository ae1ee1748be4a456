package dev.peerform.config;

import dev.peerform.diag.Diagnostics;
import dev.peerform.diag.SourceRange;
import dev.peerform.lang.Evaluator;
import dev.peerform.lang.Functions;
import dev.peerform.lang.Scope;
import dev.peerform.lang.TypeConstraint;
import dev.peerform.syntax.Attribute;
import dev.peerform.syntax.Block;
import dev.peerform.syntax.Body;
import dev.peerform.syntax.ConfigFile;
import dev.peerform.syntax.Expr;
import dev.peerform.syntax.Parser;
import dev.peerform.value.Type;
import dev.peerform.value.Value;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads a directory of {@code *.tf} files into a {@link Module}, and the local modules it calls. Every problem is a
 * diagnostic naming the file, line and column; a module with errors is still returned, as complete as it could be
 * made, so that one run reports every mistake.
 */
public final class ModuleLoader {

    private static final Set<String> TOP_LEVEL = Set.of("terraform", "provider", "variable", "locals", "resource",
            "data", "output", "module", "moved", "import", "check");
    private static final Set<String> META = Set.of("count", "for_each", "depends_on", "provider", "lifecycle");

    private final Path root;
    private final Functions functions = Functions.standard();
    private final Evaluator constants;

    public ModuleLoader(Path root) {
        this.root = root;
        this.constants = new Evaluator(Scope.EMPTY, functions, root);
    }

    /** Loads the root module and, recursively, the local modules it calls. */
    public Module load(Diagnostics diags) {
        return load(root, new HashSet<>(), diags);
    }

    private Module load(Path dir, Set<Path> loading, Diagnostics diags) {
        List<ConfigFile> files = new ArrayList<>();
        List<Path> paths;
        try (Stream<Path> s = Files.list(dir)) {
            paths = s.filter(p -> p.getFileName().toString().endsWith(".tf") && Files.isRegularFile(p)).sorted()
                    .toList();
        } catch (IOException e) {
            diags.error("Failed to read module directory", "Module directory " + dir + " does not exist or cannot "
                    + "be read.", null);
            paths = List.of();
        }
        for (Path p : paths) {
            String name = displayName(p);
            try {
                String text = new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
                files.add(Parser.parseFile(name, text, diags));
            } catch (IOException e) {
                diags.error("Failed to read file", "The file " + name + " could not be read: " + e.getMessage(), null);
            }
        }
        Builder b = new Builder(dir, files, diags);
        for (ConfigFile f : files) {
            b.file(f);
        }
        Map<String, Module> children = new LinkedHashMap<>();
        loading.add(dir.toAbsolutePath().normalize());
        for (ModuleCall call : b.moduleCalls.values()) {
            if (call.source() == null) {
                continue;
            }
            Path childDir = dir.resolve(call.source()).normalize();
            if (loading.contains(childDir.toAbsolutePath().normalize())) {
                diags.error("Module calls itself", "Module \"" + call.name() + "\" calls " + call.source()
                        + ", which is already being loaded: modules may not call themselves.", call.range());
                continue;
            }
            if (!Files.isDirectory(childDir)) {
                diags.error("Unreadable module directory", "The directory " + call.source() + " of module \""
                        + call.name() + "\" does not exist.", call.range());
                continue;
            }
            children.put(call.name(), load(childDir, loading, diags));
        }
        loading.remove(dir.toAbsolutePath().normalize());
        return new Module(dir, files, b.requiredProviders, b.backend, b.providers, b.variables, b.locals,
                b.resources, b.outputs, b.moduleCalls, children);
    }

    private String displayName(Path p) {
        Path rel = root.toAbsolutePath().normalize().relativize(p.toAbsolutePath().normalize());
        return rel.toString().replace('\\', '/');
    }

    /** Decodes the top-level blocks of one module's files into its maps, reporting duplicates across files. */
    private final class Builder {
        final Path dir;
        final Diagnostics diags;
        final Map<String, String> requiredProviders = new LinkedHashMap<>();
        Backend backend;
        final Map<String, ProviderConfig> providers = new LinkedHashMap<>();
        final Map<String, Variable> variables = new LinkedHashMap<>();
        final Map<String, Expr> locals = new LinkedHashMap<>();
        final Map<String, SourceRange> localRanges = new HashMap<>();
        final Map<String, Resource> resources = new LinkedHashMap<>();
        final Map<String, Output> outputs = new LinkedHashMap<>();
        final Map<String, ModuleCall> moduleCalls = new LinkedHashMap<>();

        Builder(Path dir, List<ConfigFile> files, Diagnostics diags) {
            this.dir = dir;
            this.diags = diags;
        }

        void file(ConfigFile f) {
            for (Attribute a : f.body().attributes()) {
                diags.error("Unsupported argument", "An argument named \"" + a.name() + "\" is not expected here: "
                        + "the top level of a configuration holds only blocks.", a.nameRange());
            }
            for (Block block : f.body().blocks()) {
                switch (block.type()) {
                    case "terraform" -> terraform(block);
                    case "provider" -> provider(block);
                    case "variable" -> variable(block);
                    case "locals" -> locals(block);
                    case "resource" -> resource(block, Resource.Mode.MANAGED);
                    case "data" -> resource(block, Resource.Mode.DATA);
                    case "output" -> output(block);
                    case "module" -> module(block);
                    case "moved", "import", "check" -> diags.warning("Block type not yet supported",
                            "peerform does not support \"" + block.type() + "\" blocks yet; this one is ignored.",
                            block.typeRange());
                    default -> diags.error("Unsupported block type", "Blocks of type \"" + block.type()
                            + "\" are not expected here." + BodyCheck.suggest(block.type(), TOP_LEVEL),
                            block.typeRange());
                }
            }
        }

        private boolean labels(Block block, int n, String... names) {
            if (block.labels().size() != n) {
                diags.error("Missing name for " + block.type(), "A " + block.type() + " block needs " + n
                        + " label" + (n == 1 ? "" : "s") + ": " + String.join(" and ", names) + ".",
                        block.headerRange());
                return false;
            }
            for (int i = 0; i < n; i++) {
                if (!validName(block.labels().get(i))) {
                    diags.error("Invalid " + names[i], "A name must start with a letter or underscore and may "
                            + "contain only letters, digits, underscores, and dashes.", block.labelRanges().get(i));
                    return false;
                }
            }
            return true;
        }

        private void terraform(Block block) {
            BodyCheck.only(block.body(), Set.of("required_version", "experiments"),
                    Set.of("required_providers", "backend", "cloud"), "in a terraform block", diags);
            for (Block rp : block.body().blocks("required_providers")) {
                for (Attribute a : rp.body().attributes()) {
                    Value v = constants.evaluate(a.expr(), diags);
                    String source = a.name();
                    if (v.unmarked() instanceof dev.peerform.value.ObjectValue o && o.get("source") != null
                            && o.get("source").isKnown() && !o.get("source").isNull()) {
                        source = o.get("source").asString();
                    } else if (v.unmarked() instanceof dev.peerform.value.StringValue) {
                        source = a.name();
                    }
                    requiredProviders.put(a.name(), source);
                }
            }
            for (Block be : block.body().blocks("backend")) {
                if (!labels(be, 1, "backend type")) {
                    continue;
                }
                if (backend != null) {
                    diags.error("Duplicate backend configuration", "A module may have only one backend "
                            + "configuration. The backend was previously configured at " + backend.range() + ".",
                            be.headerRange());
                    continue;
                }
                backend = new Backend(be.labels().get(0), be.body(), be.range());
            }
        }

        private void provider(Block block) {
            if (!labels(block, 1, "provider name")) {
                return;
            }
            String alias = block.body().attribute("alias").map(a -> constantString(a, "alias")).orElse(null);
            ProviderConfig p = new ProviderConfig(block.labels().get(0), alias, block.body(), block.range());
            ProviderConfig before = providers.putIfAbsent(p.key(), p);
            if (before != null) {
                String which = alias == null ? "A default (non-aliased) provider configuration"
                        : "A provider configuration with alias \"" + alias + "\"";
                diags.error("Duplicate provider configuration", which + " for \"" + p.name() + "\" was already "
                        + "given at " + before.range() + ". If multiple configurations are required, set the "
                        + "\"alias\" argument for alternative configurations.", block.headerRange());
            }
        }

        private void variable(Block block) {
            if (!labels(block, 1, "variable name")) {
                return;
            }
            String name = block.labels().get(0);
            BodyCheck.only(block.body(), Set.of("type", "default", "description", "sensitive", "nullable",
                    "ephemeral"), Set.of("validation"), "in a variable block", diags);
            TypeConstraint type = block.body().attribute("type").map(a -> TypeConstraint.parse(a.expr(), diags))
                    .orElse(TypeConstraint.ANY);
            boolean nullable = block.body().attribute("nullable").map(a -> constantBool(a, true)).orElse(true);
            Value def = null;
            if (block.body().attribute("default").isPresent()) {
                Attribute a = block.body().attribute("default").get();
                Value raw = constants.evaluate(a.expr(), diags);
                try {
                    def = raw.isNull() ? Value.nullOf(type.type()) : type.convert(raw);
                } catch (dev.peerform.lang.ConversionException e) {
                    diags.error("Invalid default value for variable", "This default value is not compatible with "
                            + "the variable's type constraint: " + e.getMessage() + ".", a.expr().range());
                    def = Value.unknown(type.type());
                }
                if (def.isNull() && !nullable) {
                    diags.error("Invalid default value for variable", "A null default value is not valid when "
                            + "nullable=false.", a.expr().range());
                }
            }
            List<Variable.Validation> validations = new ArrayList<>();
            for (Block v : block.body().blocks("validation")) {
                BodyCheck.only(v.body(), Set.of("condition", "error_message"), Set.of(), "in a validation block",
                        diags);
                Attribute cond = required(v, "condition");
                Attribute msg = required(v, "error_message");
                if (cond != null && msg != null) {
                    validations.add(new Variable.Validation(cond.expr(), msg.expr(), v.range()));
                }
            }
            String description = block.body().attribute("description").map(a -> constantString(a, "description"))
                    .orElse(null);
            boolean sensitive = block.body().attribute("sensitive").map(a -> constantBool(a, false)).orElse(false);
            Variable variable = new Variable(name, type, def, description, sensitive, nullable, validations,
                    block.headerRange());
            Variable before = variables.putIfAbsent(name, variable);
            if (before != null) {
                diags.error("Duplicate variable declaration", "A variable named \"" + name + "\" was already "
                        + "declared at " + before.range() + ". Variable names must be unique within a module.",
                        block.headerRange());
            }
        }

        private void locals(Block block) {
            BodyCheck.only(block.body(), Set.copyOf(block.body().attributes().stream().map(Attribute::name)
                    .toList()), Set.of(), "in a locals block", diags);
            for (Attribute a : block.body().attributes()) {
                SourceRange before = localRanges.putIfAbsent(a.name(), a.nameRange());
                if (before != null) {
                    diags.error("Duplicate local value definition", "A local value named \"" + a.name()
                            + "\" was already defined at " + before + ". Local value names must be unique within a "
                            + "module.", a.nameRange());
                    continue;
                }
                locals.put(a.name(), a.expr());
            }
        }

        private void resource(Block block, Resource.Mode mode) {
            if (!labels(block, 2, mode == Resource.Mode.DATA ? "data source type" : "resource type",
                    mode == Resource.Mode.DATA ? "data source name" : "resource name")) {
                return;
            }
            String type = block.labels().get(0);
            String name = block.labels().get(1);
            Body body = block.body();
            Expr count = body.attribute("count").map(Attribute::expr).orElse(null);
            Expr forEach = body.attribute("for_each").map(Attribute::expr).orElse(null);
            if (count != null && forEach != null) {
                diags.error("Invalid combination of \"count\" and \"for_each\"", "The \"count\" and \"for_each\" "
                        + "meta-arguments are mutually-exclusive, only one should be used to be explicit about the "
                        + "number of resources to be created.", forEach.range());
            }
            String provider = body.attribute("provider").map(this::providerRef)
                    .orElse(Resource.impliedProvider(type));
            List<Expr.ScopeTraversal> dependsOn = body.attribute("depends_on").map(this::traversalList)
                    .orElse(List.of());
            Lifecycle lifecycle = Lifecycle.DEFAULT;
            List<Block> lifecycles = body.blocks("lifecycle");
            if (lifecycles.size() > 1) {
                diags.error("Duplicate lifecycle block", "This resource already has a lifecycle block at "
                        + lifecycles.get(0).range() + ".", lifecycles.get(1).typeRange());
            }
            if (!lifecycles.isEmpty()) {
                lifecycle = lifecycle(lifecycles.get(0), mode);
            }
            Body own = new Body(body.attributes().stream().filter(a -> !META.contains(a.name())).toList(),
                    body.blocks().stream().filter(b -> !b.type().equals("lifecycle")).toList(), body.range());
            Resource r = new Resource(mode, type, name, provider, count, forEach, dependsOn, lifecycle, own,
                    block.headerRange());
            Resource before = resources.putIfAbsent(r.address(), r);
            if (before != null) {
                String kind = mode == Resource.Mode.DATA ? "data" : "resource";
                diags.error("Duplicate " + kind + " \"" + type + "\" configuration", "A " + type + " " + kind
                        + " named \"" + name + "\" was already declared at " + before.range() + ". Resource names "
                        + "must be unique per type in each module.", block.headerRange());
            }
        }

        private Lifecycle lifecycle(Block block, Resource.Mode mode) {
            Body b = block.body();
            BodyCheck.only(b, Set.of("create_before_destroy", "prevent_destroy", "ignore_changes",
                    "replace_triggered_by"), Set.of("precondition", "postcondition"), "in a lifecycle block", diags);
            boolean cbd = b.attribute("create_before_destroy").map(a -> constantBool(a, false)).orElse(false);
            boolean prevent = b.attribute("prevent_destroy").map(a -> constantBool(a, false)).orElse(false);
            List<Expr.ScopeTraversal> ignore = List.of();
            boolean ignoreAll = false;
            if (b.attribute("ignore_changes").isPresent()) {
                Expr e = b.attribute("ignore_changes").get().expr();
                if (e instanceof Expr.ScopeTraversal t && t.root().equals("all") && t.steps().isEmpty()) {
                    ignoreAll = true;
                } else {
                    ignore = traversalList(b.attribute("ignore_changes").get());
                }
            }
            List<Expr> replaceTriggeredBy = b.attribute("replace_triggered_by")
                    .map(a -> a.expr() instanceof Expr.TupleCons t ? t.elements() : List.of(a.expr()))
                    .orElse(List.of());
            return new Lifecycle(cbd, prevent, ignore, ignoreAll, replaceTriggeredBy, conditions(b, "precondition"),
                    conditions(b, "postcondition"));
        }

        private List<Condition> conditions(Body body, String type) {
            List<Condition> out = new ArrayList<>();
            for (Block c : body.blocks(type)) {
                BodyCheck.only(c.body(), Set.of("condition", "error_message"), Set.of(), "in a " + type + " block",
                        diags);
                Attribute cond = required(c, "condition");
                Attribute msg = required(c, "error_message");
                if (cond != null && msg != null) {
                    out.add(new Condition(cond.expr(), msg.expr(), c.range()));
                }
            }
            return out;
        }

        private void output(Block block) {
            if (!labels(block, 1, "output name")) {
                return;
            }
            BodyCheck.only(block.body(), Set.of("value", "description", "sensitive", "depends_on", "ephemeral"),
                    Set.of("precondition"), "in an output block", diags);
            Attribute value = required(block, "value");
            String description = block.body().attribute("description").map(a -> constantString(a, "description"))
                    .orElse(null);
            boolean sensitive = block.body().attribute("sensitive").map(a -> constantBool(a, false)).orElse(false);
            List<Expr> dependsOn = new ArrayList<>(block.body().attribute("depends_on").map(this::traversalList)
                    .orElse(List.of()));
            Output o = new Output(block.labels().get(0), value == null ? null : value.expr(), description, sensitive,
                    dependsOn, conditions(block.body(), "precondition"), block.headerRange());
            Output before = outputs.putIfAbsent(o.name(), o);
            if (before != null) {
                diags.error("Duplicate output definition", "An output named \"" + o.name() + "\" was already "
                        + "defined at " + before.range() + ". Output names must be unique within a module.",
                        block.headerRange());
            }
        }

        private void module(Block block) {
            if (!labels(block, 1, "module name")) {
                return;
            }
            Body body = block.body();
            Attribute sourceAttr = required(block, "source");
            String source = sourceAttr == null ? null : constantString(sourceAttr, "source");
            if (source != null && !(source.startsWith("./") || source.startsWith("../"))) {
                diags.error("Unsupported module source", "peerform loads modules from local paths only (starting "
                        + "with ./ or ../); \"" + source + "\" is not one. Copy the module into the repository and "
                        + "refer to it by its path.", sourceAttr.expr().range());
                source = null;
            }
            Map<String, Attribute> arguments = new LinkedHashMap<>();
            Set<String> meta = Set.of("source", "version", "count", "for_each", "depends_on", "providers");
            for (Attribute a : body.attributes()) {
                if (!meta.contains(a.name())) {
                    arguments.put(a.name(), a);
                }
            }
            for (Block nested : body.blocks()) {
                diags.error("Unsupported block type", "Blocks of type \"" + nested.type() + "\" are not expected "
                        + "in a module block.", nested.typeRange());
            }
            Map<String, String> providerMap = new LinkedHashMap<>();
            body.attribute("providers").ifPresent(a -> {
                if (a.expr() instanceof Expr.ObjectCons o) {
                    for (Expr.ObjectItem item : o.items()) {
                        String child = item.key() instanceof Expr.ScopeTraversal t ? t.text() : null;
                        String parent = item.value() instanceof Expr.ScopeTraversal t ? t.text() : null;
                        if (child == null || parent == null) {
                            diags.error("Invalid providers argument", "Each element of \"providers\" maps a "
                                    + "provider name in the child module to one in this module, like "
                                    + "{ alicloud = alicloud.b }.", item.value().range());
                        } else {
                            providerMap.put(child, parent);
                        }
                    }
                } else {
                    diags.error("Invalid providers argument", "The \"providers\" argument must be an object such "
                            + "as { alicloud = alicloud.b }.", a.expr().range());
                }
            });
            ModuleCall call = new ModuleCall(block.labels().get(0), source,
                    body.attribute("count").map(Attribute::expr).orElse(null),
                    body.attribute("for_each").map(Attribute::expr).orElse(null), arguments, providerMap,
                    body.attribute("depends_on").map(this::traversalList).orElse(List.of()), block.headerRange());
            ModuleCall before = moduleCalls.putIfAbsent(call.name(), call);
            if (before != null) {
                diags.error("Duplicate module call", "A module call named \"" + call.name() + "\" was already "
                        + "defined at " + before.range() + ". Module calls must have unique names within a module.",
                        block.headerRange());
            }
        }

        private Attribute required(Block block, String name) {
            return block.body().attribute(name).orElseGet(() -> {
                diags.error("Missing required argument", "The argument \"" + name + "\" is required, but no "
                        + "definition was found.", block.headerRange());
                return null;
            });
        }

        private String providerRef(Attribute a) {
            if (a.expr() instanceof Expr.ScopeTraversal t && t.steps().size() <= 1
                    && (t.steps().isEmpty() || t.steps().get(0) instanceof Expr.AttrStep)) {
                return t.text();
            }
            diags.error("Invalid provider reference", "The provider argument requires a provider name followed by "
                    + "an optional alias, like \"alicloud.b\".", a.expr().range());
            return null;
        }

        private List<Expr.ScopeTraversal> traversalList(Attribute a) {
            List<Expr.ScopeTraversal> out = new ArrayList<>();
            if (!(a.expr() instanceof Expr.TupleCons t)) {
                diags.error("Invalid expression", "A static list expression is required for \"" + a.name()
                        + "\".", a.expr().range());
                return out;
            }
            for (Expr e : t.elements()) {
                if (e instanceof Expr.ScopeTraversal s) {
                    out.add(s);
                } else {
                    diags.error("Invalid reference", "Only plain references to other objects (such as "
                            + "alicloud_vpc.a) are allowed in \"" + a.name() + "\".", e.range());
                }
            }
            return out;
        }

        private String constantString(Attribute a, String what) {
            Value v = constants.evaluate(a.expr(), Type.STRING, diags);
            return v.isKnown() && !v.isNull() ? v.asString() : null;
        }

        private boolean constantBool(Attribute a, boolean fallback) {
            Value v = constants.evaluate(a.expr(), Type.BOOL, diags);
            return v.isKnown() && !v.isNull() ? v.asBool() : fallback;
        }
    }

    /** A label or name: a letter or underscore, then letters, digits, underscores and dashes. */
    static boolean validName(String s) {
        if (s == null || s.isEmpty() || !(Character.isLetter(s.charAt(0)) || s.charAt(0) == '_')) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }
}

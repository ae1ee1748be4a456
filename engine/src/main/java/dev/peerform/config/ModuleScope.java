package dev.peerform.config;

import dev.peerform.diag.Diagnostics;
import dev.peerform.diag.Suggestions;
import dev.peerform.lang.Scope;
import dev.peerform.syntax.Expr;
import dev.peerform.value.Value;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The references an expression of a module may make, checked against what the module declares: {@code var.*},
 * {@code local.*}, {@code TYPE.NAME}, {@code data.TYPE.NAME}, {@code module.NAME}, {@code path.module},
 * {@code path.root}, {@code path.cwd}, and {@code count.index}, {@code each.key}, {@code each.value},
 * {@code self} where the context allows them. The values of locals, resources and module calls come from the
 * stage that evaluates the module in dependency order, through {@link Values}.
 */
public final class ModuleScope implements Scope {

    /** Where the values of the module's objects come from. */
    public interface Values {
        Value variable(String name);

        Value local(String name);

        /** The whole value of a resource (an object, or a tuple or object of instances with count/for_each). */
        Value resource(Resource resource);

        /** The object of a module call's outputs (or a tuple or object of them with count/for_each). */
        Value module(ModuleCall call);
    }

    /** What the expression's own block adds: count.index, each.key/each.value and self, when it has them. */
    public record Context(Value countIndex, Value eachKey, Value eachValue, Value self) {
        public static final Context NONE = new Context(null, null, null, null);

        /** The same instance, with {@code self} (for postconditions). */
        public Context withSelf(Value object) {
            return new Context(countIndex, eachKey, eachValue, object);
        }
    }

    private final Module module;
    private final Values values;
    private final Path rootDir;
    private final Path cwd;
    private final Context context;
    private final String workspace;

    public ModuleScope(Module module, Values values, Path rootDir, Path cwd, Context context) {
        this(module, values, rootDir, cwd, context, "default");
    }

    /** {@code workspace} is what terraform.workspace gives: the run's selected workspace. */
    public ModuleScope(Module module, Values values, Path rootDir, Path cwd, Context context, String workspace) {
        this.module = module;
        this.values = values;
        this.rootDir = rootDir;
        this.cwd = cwd;
        this.context = context;
        this.workspace = workspace;
    }

    public ModuleScope with(Context other) {
        return new ModuleScope(module, values, rootDir, cwd, other, workspace);
    }

    @Override
    public Resolved resolve(Expr.ScopeTraversal ref, Diagnostics diags) {
        List<Expr.Step> steps = ref.steps();
        String first = steps.isEmpty() || !(steps.get(0) instanceof Expr.AttrStep a) ? null : a.name();
        switch (ref.root()) {
            case "var" -> {
                if (first == null) {
                    return invalid(ref, diags, "The \"var\" object cannot be accessed directly. Instead, access one "
                            + "of its attributes.");
                }
                if (!module.variables().containsKey(first)) {
                    return error(ref, diags, "Reference to undeclared input variable", "An input variable with the "
                            + "name \"" + first + "\" has not been declared. This variable can be declared with a "
                            + "variable \"" + first + "\" {} block." + Suggestions.didYouMean(first,
                            module.variables().keySet()));
                }
                return new Resolved(values.variable(first), 1);
            }
            case "local" -> {
                if (first == null) {
                    return invalid(ref, diags, "The \"local\" object cannot be accessed directly. Instead, access "
                            + "one of its attributes.");
                }
                if (!module.locals().containsKey(first)) {
                    return error(ref, diags, "Reference to undeclared local value", "A local value with the name \""
                            + first + "\" has not been declared." + Suggestions.didYouMean(first,
                            module.locals().keySet()));
                }
                return new Resolved(values.local(first), 1);
            }
            case "path" -> {
                if (first == null) {
                    return invalid(ref, diags, "The \"path\" object cannot be accessed directly. Instead, access one "
                            + "of its attributes: module, root or cwd.");
                }
                return switch (first) {
                    case "module" -> new Resolved(Value.of(relative(module.dir())), 1);
                    case "root" -> new Resolved(Value.of(relative(rootDir)), 1);
                    case "cwd" -> new Resolved(Value.of(cwd.toAbsolutePath().toString()), 1);
                    default -> error(ref, diags, "Invalid \"path\" attribute", "The \"path\" object does not have "
                            + "an attribute named \"" + first + "\". The available attributes are module, root and "
                            + "cwd.");
                };
            }
            case "count" -> {
                if (context.countIndex() == null) {
                    return error(ref, diags, "Reference to \"count\" in non-counted context", "The \"count\" object "
                            + "can only be used in \"module\", \"resource\", and \"data\" blocks, and only when the "
                            + "\"count\" argument is set.");
                }
                if (!"index".equals(first)) {
                    return error(ref, diags, "Invalid \"count\" attribute", "The \"count\" object does not have an "
                            + "attribute named \"" + first + "\". The only supported attribute is count.index, which "
                            + "is the index of each instance of a resource block that has the \"count\" argument "
                            + "set.");
                }
                return new Resolved(context.countIndex(), 1);
            }
            case "each" -> {
                if (context.eachKey() == null) {
                    return error(ref, diags, "Reference to \"each\" in context without for_each", "The \"each\" "
                            + "object can be used only in \"module\" or \"resource\" blocks, and only when the "
                            + "\"for_each\" argument is set.");
                }
                if ("key".equals(first)) {
                    return new Resolved(context.eachKey(), 1);
                }
                if ("value".equals(first)) {
                    return new Resolved(context.eachValue(), 1);
                }
                return error(ref, diags, "Invalid \"each\" attribute", "The \"each\" object does not have an "
                        + "attribute named \"" + first + "\". The supported attributes are each.key and each.value, "
                        + "the current key and value pair of the \"for_each\" attribute set.");
            }
            case "self" -> {
                if (context.self() == null) {
                    return error(ref, diags, "Invalid \"self\" reference", "The \"self\" object is not available in "
                            + "this context. This object can be used only in resource postconditions and "
                            + "provisioner blocks.");
                }
                return new Resolved(context.self(), 0);
            }
            case "module" -> {
                if (first == null) {
                    return invalid(ref, diags, "The \"module\" object cannot be accessed directly. Instead, access "
                            + "one of its attributes.");
                }
                ModuleCall call = module.moduleCalls().get(first);
                if (call == null) {
                    return error(ref, diags, "Reference to undeclared module", "No module call named \"" + first
                            + "\" is declared in this module." + Suggestions.didYouMean(first,
                            module.moduleCalls().keySet()));
                }
                return new Resolved(values.module(call), 1);
            }
            case "data" -> {
                String name = steps.size() > 1 && steps.get(1) instanceof Expr.AttrStep a ? a.name() : null;
                if (first == null || name == null) {
                    return invalid(ref, diags, "The \"data\" object must be followed by two attribute names: the "
                            + "data source type and the resource name.");
                }
                return resource("data." + first + "." + name, first, name, true, ref, diags, 2);
            }
            case "terraform" -> {
                if ("workspace".equals(first)) {
                    return new Resolved(Value.of(workspace), 1);
                }
                return error(ref, diags, "Invalid \"terraform\" attribute", "The only supported attribute of the "
                        + "\"terraform\" object is terraform.workspace.");
            }
            default -> {
                if (first == null) {
                    return invalid(ref, diags, "A reference to a resource type must be followed by at least one "
                            + "attribute access, specifying the resource name.");
                }
                return resource(ref.root() + "." + first, ref.root(), first, false, ref, diags, 1);
            }
        }
    }

    private Resolved resource(String address, String type, String name, boolean data, Expr.ScopeTraversal ref,
            Diagnostics diags, int used) {
        Resource r = module.resources().get(address);
        if (r == null) {
            List<String> candidates = new ArrayList<>();
            module.resources().values().stream().filter(x -> (x.mode() == Resource.Mode.DATA) == data)
                    .forEach(x -> candidates.add(x.address()));
            return error(ref, diags, "Reference to undeclared resource", "A " + (data ? "data" : "managed")
                    + " resource \"" + type + "\" \"" + name + "\" has not been declared in "
                    + (module.dir().equals(rootDir) ? "the root module" : "module " + relative(module.dir())) + "."
                    + Suggestions.didYouMean(address, candidates));
        }
        return new Resolved(values.resource(r), used);
    }

    private String relative(Path dir) {
        Path rel = cwd.toAbsolutePath().normalize().relativize(dir.toAbsolutePath().normalize());
        String s = rel.toString().replace('\\', '/');
        return s.isEmpty() ? "." : s;
    }

    private static Resolved invalid(Expr.ScopeTraversal ref, Diagnostics diags, String detail) {
        return error(ref, diags, "Invalid reference", detail);
    }

    private static Resolved error(Expr.ScopeTraversal ref, Diagnostics diags, String summary, String detail) {
        diags.error(summary, detail, ref.range());
        return new Resolved(Value.DYNAMIC_UNKNOWN, ref.steps().size());
    }

    /** A {@link Values} whose entries come from functions, for callers that hold them in maps. */
    public static Values values(Function<String, Value> variables, Function<String, Value> locals,
            Function<Resource, Value> resources, Function<ModuleCall, Value> modules) {
        return new Values() {
            @Override
            public Value variable(String name) {
                return variables.apply(name);
            }

            @Override
            public Value local(String name) {
                return locals.apply(name);
            }

            @Override
            public Value resource(Resource resource) {
                return resources.apply(resource);
            }

            @Override
            public Value module(ModuleCall call) {
                return modules.apply(call);
            }
        };
    }
}

package dev.peerform.lang;

import dev.peerform.diag.Diagnostics;
import dev.peerform.diag.SourceRange;
import dev.peerform.diag.Suggestions;
import dev.peerform.value.StringValue;
import dev.peerform.value.Type;
import dev.peerform.value.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;


/**
 * The function library, and the checks every call goes through: arity, null, unknown and sensitive arguments,
 * conversion to the parameter types, and the diagnostics for what fails. {@code try} and {@code can} are
 * special forms of the evaluator, since they look at their arguments' errors.
 */
public final class Functions {

    private static final String CORE = "core::";

    private final Map<String, Function> byName;

    private Functions(Map<String, Function> byName) {
        this.byName = Collections.unmodifiableMap(byName);
    }

    /** Terraform's built-in functions that peerform supports. */
    public static Functions standard() {
        Map<String, Function> all = new TreeMap<>();
        Registry r = new Registry(all);
        NumericFunctions.register(r);
        StringFunctions.register(r);
        CollectionFunctions.register(r);
        EncodingFunctions.register(r);
        TypeFunctions.register(r);
        NetworkFunctions.register(r);
        FileFunctions.register(r);
        HashFunctions.register(r);
        CryptoFunctions.register(r);
        UuidFunctions.register(r);
        PathFunctions.register(r);
        TimeFunctions.register(r);
        YamlFunctions.register(r);
        // every built-in is also core::NAME, so that a provider's function of the same name cannot hide it
        for (Function f : List.copyOf(all.values())) {
            all.put(CORE + f.name(), new Function(CORE + f.name(), f.params(), f.variadic(), f.impl()));
        }
        TerraformProviderFunctions.register(r);
        return new Functions(all);
    }

    /**
     * No functions at all: for constant-only text such as decode_tfvars' input, and to tell a constant expression
     * from a function call as plan JSON does.
     */
    public static Functions none() {
        return new Functions(Map.of());
    }

    /** The diagnostic (summary and detail) for a call to a name this library does not have. */
    record Unknown(String summary, String detail) {
    }

    Unknown unknown(String name) {
        if (name.startsWith(CORE)) {
            return new Unknown("Unknown provider function", "The function namespace \"core\" is not valid. "
                    + "Provider function calls must use the \"provider::\" namespace prefix.");
        }
        if (name.startsWith(TerraformProviderFunctions.PREFIX)) {
            return new Unknown("Unknown provider function", "The function \""
                    + name.substring(TerraformProviderFunctions.PREFIX.length())
                    + "\" is not available from the provider \"terraform\".");
        }
        String[] parts = name.split("::");
        if (parts.length == 3 && parts[0].equals("provider")) {
            return new Unknown("Unknown provider function", "There is no function named \"" + name + "\". "
                    + "Ensure that provider name \"" + parts[1] + "\" is declared in this module's "
                    + "required_providers block, and that this provider offers a function named \"" + parts[2]
                    + "\".");
        }
        String near = suggest(name);
        return new Unknown("Call to unknown function", "There is no function named \"" + name + "\"."
                + (near == null ? "" : " Did you mean \"" + near + "\"?"));
    }

    public Function get(String name) {
        return byName.get(name);
    }

    public Set<String> names() {
        Set<String> names = new TreeSet<>(byName.keySet());
        names.add("try");
        names.add("can");
        return names;
    }

    /** The closest known name, for "Did you mean ...?". */
    public String suggest(String name) {
        return Suggestions.closest(name, names(), 3);
    }

    Value call(Function fn, List<Value> args, List<SourceRange> argRanges, SourceRange callRange,
            CallContext context, Diagnostics diags) {
        int min = fn.params().size();
        if (args.size() < min) {
            String expected = (fn.variadic() == null ? "" : "at least ") + min;
            diags.error("Not enough function arguments", "Function \"" + fn.name() + "\" expects " + expected
                    + " argument(s). Missing value for \"" + fn.params().get(args.size()).name() + "\".", callRange);
            return Value.DYNAMIC_UNKNOWN;
        }
        if (fn.variadic() == null && args.size() > min) {
            diags.error("Too many function arguments", "Function \"" + fn.name() + "\" expects only " + min
                    + " argument(s).", argRanges.get(min));
            return Value.DYNAMIC_UNKNOWN;
        }
        boolean sensitive = false;
        boolean unknown = false;
        List<Value> prepared = new ArrayList<>(args.size());
        for (int i = 0; i < args.size(); i++) {
            Function.Param param = fn.param(i);
            Value arg = args.get(i);
            if (!param.allowMarked() && arg.containsSensitive()) {
                sensitive = true;
                arg = arg.unmarkedDeep();
            }
            if (arg.isNull() && !param.allowNull()) {
                diags.error("Invalid function argument", "Invalid value for \"" + param.name() + "\" parameter: "
                        + "argument must not be null.", argRanges.get(i));
                return Value.DYNAMIC_UNKNOWN;
            }
            if (!param.allowUnknown() && !arg.isWhollyKnown()) {
                unknown = true;
            }
            if (param.type() != Type.DYNAMIC && arg.isKnown()) {
                try {
                    arg = Convert.to(arg, param.type());
                } catch (ConversionException e) {
                    diags.error("Invalid function argument", "Invalid value for \"" + param.name()
                            + "\" parameter: " + e.getMessage() + ".", argRanges.get(i));
                    return Value.DYNAMIC_UNKNOWN;
                }
            }
            prepared.add(arg);
        }
        if (unknown) {
            return sensitive ? Value.sensitive(Value.DYNAMIC_UNKNOWN) : Value.DYNAMIC_UNKNOWN;
        }
        Value result;
        try {
            result = fn.impl().call(prepared, context);
            checkSize(result);
        } catch (FunctionException e) {
            if (e.argument() >= 0 && e.argument() < args.size()) {
                diags.error("Invalid function argument", "Invalid value for \"" + fn.param(e.argument()).name()
                        + "\" parameter: " + e.getMessage(), argRanges.get(e.argument()));
            } else {
                diags.error("Error in function call", "Call to function \"" + fn.name() + "\" failed: "
                        + e.getMessage(), callRange);
            }
            return Value.DYNAMIC_UNKNOWN;
        } catch (ArithmeticException | IllegalArgumentException e) {
            diags.error("Error in function call", "Call to function \"" + fn.name() + "\" failed: "
                    + e.getMessage() + ".", callRange);
            return Value.DYNAMIC_UNKNOWN;
        }
        return sensitive ? Value.sensitive(result) : result;
    }

    /**
     * A result past the bounds is refused here for every function, so that repeated doubling (a local that
     * concatenates another twice, and so on) stops at the bound instead of at the heap's end; the functions that
     * can multiply their input in one call check before building.
     */
    private static void checkSize(Value result) throws FunctionException {
        if (result instanceof StringValue s) {
            Limits.checkChars(s.asString().length());
        } else if (result.isKnown() && !result.isNull()) {
            Limits.checkElements(result.children().size(), "elements");
        }
    }

    /** How the function files add their functions. */
    static final class Registry {
        private final Map<String, Function> into;

        Registry(Map<String, Function> into) {
            this.into = into;
        }

        void add(String name, List<Function.Param> params, Function.Param variadic, Function.Impl impl) {
            into.put(name, new Function(name, params, variadic, impl));
        }

        void add(String name, List<Function.Param> params, Function.Impl impl) {
            add(name, params, null, impl);
        }
    }

    static Function.Param p(String name, Type type) {
        return Function.Param.of(name, type);
    }
}

package dev.peerform.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.peerform.diag.Diagnostics;
import dev.peerform.diag.SourceRange;
import dev.peerform.lang.ConversionException;
import dev.peerform.lang.Evaluator;
import dev.peerform.lang.Functions;
import dev.peerform.lang.Scope;
import dev.peerform.lang.ValueJson;
import dev.peerform.syntax.Attribute;
import dev.peerform.syntax.ConfigFile;
import dev.peerform.syntax.Expr;
import dev.peerform.syntax.Parser;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.Type;
import dev.peerform.value.Value;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The root module's input variable values, gathered in Terraform's order of precedence (later wins): defaults,
 * {@code TF_VAR_name} environment variables, {@code terraform.tfvars}, {@code terraform.tfvars.json},
 * {@code *.auto.tfvars(.json)} in lexical order, then {@code -var} and {@code -var-file} in command-line order.
 * Each value is converted to the variable's type, checked against its validation rules and, for a sensitive
 * variable, marked sensitive.
 */
public final class VariableValues {

    /** One {@code -var name=value} or {@code -var-file=path} option, in the order given. */
    public sealed interface CliOption {
        record Var(String assignment) implements CliOption {
        }

        record VarFile(String path) implements CliOption {
        }

        /**
         * Asks for a required variable that nothing else set (Terraform's interactive input): the answer, taken
         * as a -var value would be, or null when none came.
         */
        record Prompt(Asker asker) implements CliOption {
        }
    }

    /** Asks the user for one variable's value. */
    @FunctionalInterface
    public interface Asker {
        String ask(Variable variable);
    }

    private record Raw(Object value, String origin, SourceRange range) {
        // value: a Value (already evaluated) or a String (from the environment or -var, parsed by type)
    }

    private final Functions functions = Functions.standard();

    public Map<String, Value> resolve(Module root, Path workingDir, Map<String, String> env, List<CliOption> options,
            Diagnostics diags) {
        return resolve(root, workingDir, env, options, Map.of(), diags);
    }

    /** As {@link #resolve}, with values (a saved plan's) for the variables no other source sets. */
    public Map<String, Value> resolve(Module root, Path workingDir, Map<String, String> env, List<CliOption> options,
            Map<String, Value> fallback, Diagnostics diags) {
        Map<String, Raw> raw = new LinkedHashMap<>();
        env.forEach((k, v) -> {
            if (k.startsWith("TF_VAR_") && root.variables().containsKey(k.substring(7))) {
                raw.put(k.substring(7), new Raw(v, "environment variable " + k, null));
            }
        });
        readFile(root, workingDir.resolve("terraform.tfvars"), raw, diags);
        readFile(root, workingDir.resolve("terraform.tfvars.json"), raw, diags);
        try (Stream<Path> files = Files.list(workingDir)) {
            for (Path p : files.filter(p -> {
                String n = p.getFileName().toString();
                return n.endsWith(".auto.tfvars") || n.endsWith(".auto.tfvars.json");
            }).sorted().toList()) {
                readFile(root, p, raw, diags);
            }
        } catch (IOException e) {
            diags.error("Failed to read directory", "Could not list " + workingDir + ": " + e.getMessage(), null);
        }
        for (CliOption option : options) {
            if (option instanceof CliOption.Var v) {
                int eq = v.assignment().indexOf('=');
                if (eq <= 0) {
                    diags.error("Invalid -var option", "The given -var option \"" + v.assignment() + "\" is not "
                            + "correctly specified. It must be a variable name and value separated by an equals "
                            + "sign, like -var=\"key=value\".", null);
                    continue;
                }
                String name = v.assignment().substring(0, eq);
                if (!root.variables().containsKey(name)) {
                    diags.error("Value for undeclared variable", "A variable named \"" + name + "\" was assigned "
                            + "on the command line, but the root module does not declare a variable of that name. "
                            + "To use this value, add a \"variable\" block to the configuration.", null);
                    continue;
                }
                raw.put(name, new Raw(v.assignment().substring(eq + 1), "-var option", null));
            } else if (option instanceof CliOption.VarFile file) {
                Path p = workingDir.resolve(file.path());
                if (!Files.isRegularFile(p)) {
                    diags.error("Failed to read variables file", "Given variables file "
                            + file.path() + " does not exist.", null);
                    continue;
                }
                readFile(root, p, raw, diags);
            }
        }

        for (CliOption option : options) {
            if (option instanceof CliOption.Prompt prompt) {
                for (Variable variable : root.variables().values()) {
                    if (variable.required() && !raw.containsKey(variable.name())) {
                        String answer = prompt.asker().ask(variable);
                        if (answer != null) {
                            raw.put(variable.name(), new Raw(answer, "input", null));
                        }
                    }
                }
            }
        }
        Map<String, Value> values = new LinkedHashMap<>();
        for (Variable variable : root.variables().values()) {
            Raw r = raw.get(variable.name());
            Value value;
            if (r == null && fallback.get(variable.name()) != null) {
                value = fallback.get(variable.name());
            } else if (r == null) {
                if (variable.required()) {
                    diags.error("No value for required variable", "The root module input variable \""
                            + variable.name() + "\" is not set, and has no default value. Use a -var or -var-file "
                            + "command line argument to provide a value for this variable.", variable.range());
                    values.put(variable.name(), Value.unknown(variable.type().type()));
                    continue;
                }
                value = variable.defaultValue();
            } else {
                value = convert(variable, r, diags);
            }
            if (value.isNull() && !variable.nullable()) {
                diags.error("Required variable not set", "Unsuitable value for var." + variable.name() + ": the "
                        + "variable declared at " + variable.range() + " is not nullable, so null is not allowed.",
                        r == null ? variable.range() : r.range());
            }
            if (variable.sensitive()) {
                value = Value.sensitive(value);
            }
            values.put(variable.name(), value);
        }
        for (Variable variable : root.variables().values()) {
            validate(variable, values.get(variable.name()), values, root.dir(), diags);
        }
        return values;
    }

    /** Runs a variable's validation rules, as Terraform does for every module's variables. */
    public void validate(Variable variable, Value value, Map<String, Value> all, Path moduleDir, Diagnostics diags) {
        Scope scope = (ref, d) -> {
            if (ref.root().equals("var") && !ref.steps().isEmpty()
                    && ref.steps().get(0) instanceof Expr.AttrStep a && all.containsKey(a.name())) {
                return new Scope.Resolved(a.name().equals(variable.name()) ? value : all.get(a.name()), 1);
            }
            return Scope.EMPTY.resolve(ref, d);
        };
        Evaluator evaluator = new Evaluator(scope, functions, moduleDir);
        for (Variable.Validation rule : variable.validations()) {
            Value ok = evaluator.evaluate(rule.condition(), Type.BOOL, diags);
            if (!ok.isKnown() || ok.isNull()) {
                continue;
            }
            if (!ok.asBool()) {
                Value message = evaluator.evaluate(rule.errorMessage(), Type.STRING, diags);
                String text = message.isKnown() && !message.isNull() && !message.isSensitive() ? message.asString()
                        : "(the error message is sensitive or unknown)";
                diags.error("Invalid value for variable", text + "\n\nThis was checked by the validation rule at "
                        + rule.range() + ".", variable.range());
            }
        }
    }

    private Value convert(Variable variable, Raw r, Diagnostics diags) {
        Value v;
        if (r.value() instanceof String s) {
            Type t = variable.type().type();
            boolean complex = !(t instanceof Type.Primitive) && t != Type.DYNAMIC;
            if (complex) {
                Diagnostics parse = new Diagnostics();
                Expr e = Parser.parseExpression("<value for var." + variable.name() + ">", s, parse);
                v = parse.hasErrors() ? null : new Evaluator(Scope.EMPTY, functions, Path.of(".")).evaluate(e, parse);
                if (parse.hasErrors()) {
                    // Terraform names the expression's own problem (e.g. "Variables not allowed")
                    diags.error(parse.errors().get(0).summary(), "The value given for var." + variable.name()
                            + " by the " + r.origin() + " is not a valid expression for its type "
                            + t.typeExpression() + ": " + parse.errors().get(0).detail(), variable.range());
                    return Value.unknown(t);
                }
            } else {
                v = Value.of(s);
            }
        } else {
            v = (Value) r.value();
        }
        try {
            return variable.type().convert(v);
        } catch (ConversionException e) {
            diags.error("Invalid value for input variable", "The given value is not suitable for var."
                    + variable.name() + " declared at " + variable.range() + ": " + e.getMessage() + ".",
                    r.range() != null ? r.range() : variable.range());
            return Value.unknown(variable.type().type());
        }
    }

    private void readFile(Module root, Path p, Map<String, Raw> raw, Diagnostics diags) {
        if (!Files.isRegularFile(p)) {
            return;
        }
        String name = p.getFileName().toString();
        String text;
        try {
            text = Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            diags.error("Failed to read variables file", "Could not read " + name + ": " + e.getMessage(), null);
            return;
        }
        Map<String, Value> found = new LinkedHashMap<>();
        Map<String, SourceRange> ranges = new LinkedHashMap<>();
        if (name.endsWith(".json")) {
            try {
                Value doc = ValueJson.value(new ObjectMapper().readTree(text), Type.DYNAMIC);
                if (!(doc instanceof ObjectValue o)) {
                    diags.error("Invalid variables file", name + " must hold a JSON object of variable values.",
                            null);
                    return;
                }
                found.putAll(o.attributes());
            } catch (IOException e) {
                diags.error("Invalid variables file", name + " is not valid JSON: " + e.getMessage(), null);
                return;
            }
        } else {
            ConfigFile f = Parser.parseFile(name, text, diags);
            f.body().blocks().forEach(b -> diags.error("Unexpected block", "Blocks are not allowed in a "
                    + "variables file; it holds only assignments like name = value.", b.typeRange()));
            Evaluator constants = new Evaluator(Scope.EMPTY, functions, p.getParent());
            for (Attribute a : f.body().attributes()) {
                found.put(a.name(), constants.evaluate(a.expr(), diags));
                ranges.put(a.name(), a.expr().range());
            }
        }
        found.forEach((k, v) -> {
            if (!root.variables().containsKey(k)) {
                String detail = "A variable named \"" + k + "\" was assigned in " + name + ", but the root module "
                        + "does not declare a variable of that name. To use this value, add a \"variable\" block "
                        + "to the configuration.";
                // a warning even for -var-file, as Terraform: one file often serves several configurations
                diags.warning("Value for undeclared variable", detail, ranges.get(k));
                return;
            }
            raw.put(k, new Raw(v, name, ranges.get(k)));
        });
    }
}

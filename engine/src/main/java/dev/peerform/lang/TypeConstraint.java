package dev.peerform.lang;

import dev.peerform.diag.Diagnostics;
import dev.peerform.syntax.Expr;
import dev.peerform.value.ListValue;
import dev.peerform.value.MapValue;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.SetValue;
import dev.peerform.value.Type;
import dev.peerform.value.Value;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A variable's {@code type} argument: a type, plus the defaults of {@code optional(type, default)} attributes,
 * which conversion applies after the value has been converted.
 */
public record TypeConstraint(Type type, Map<String, Value> defaults, Map<String, TypeConstraint> nested) {

    public static final TypeConstraint ANY = new TypeConstraint(Type.DYNAMIC, Map.of(), Map.of());

    /** Reads a type expression such as {@code object({ name = string, port = optional(number, 80) })}. */
    public static TypeConstraint parse(Expr e, Diagnostics diags) {
        if (e instanceof Expr.ScopeTraversal t && t.steps().isEmpty()) {
            return switch (t.root()) {
                case "string" -> simple(Type.STRING);
                case "number" -> simple(Type.NUMBER);
                case "bool" -> simple(Type.BOOL);
                case "any" -> ANY;
                case "list" -> simple(Type.list(Type.DYNAMIC));
                case "map" -> simple(Type.map(Type.DYNAMIC));
                case "set" -> simple(Type.set(Type.DYNAMIC));
                default -> invalid(e, diags, "The keyword \"" + t.root() + "\" is not a valid type specification.");
            };
        }
        if (e instanceof Expr.FunctionCall f) {
            switch (f.name()) {
                case "list", "set", "map" -> {
                    if (f.args().size() != 1) {
                        return invalid(e, diags, "The " + f.name() + " type constructor requires one argument "
                                + "specifying the element type.");
                    }
                    TypeConstraint element = parse(f.args().get(0), diags);
                    Type t = switch (f.name()) {
                        case "list" -> Type.list(element.type);
                        case "set" -> Type.set(element.type);
                        default -> Type.map(element.type);
                    };
                    return new TypeConstraint(t, Map.of(), Map.of("*", element));
                }
                case "tuple" -> {
                    if (f.args().size() != 1 || !(f.args().get(0) instanceof Expr.TupleCons elements)) {
                        return invalid(e, diags, "The tuple type constructor requires one argument specifying the "
                                + "element types as a list.");
                    }
                    List<Type> types = new ArrayList<>();
                    Map<String, TypeConstraint> nested = new LinkedHashMap<>();
                    for (int i = 0; i < elements.elements().size(); i++) {
                        TypeConstraint c = parse(elements.elements().get(i), diags);
                        types.add(c.type);
                        nested.put(Integer.toString(i), c);
                    }
                    return new TypeConstraint(Type.tuple(types), Map.of(), nested);
                }
                case "object" -> {
                    return object(f, diags);
                }
                default -> {
                    return invalid(e, diags, "Keyword \"" + f.name() + "\" is not a valid type constructor.");
                }
            }
        }
        return invalid(e, diags, "A type specification is either a primitive type keyword (bool, number, string) or "
                + "a complex type constructor call, like list(string).");
    }

    private static TypeConstraint object(Expr.FunctionCall f, Diagnostics diags) {
        if (f.args().size() != 1 || !(f.args().get(0) instanceof Expr.ObjectCons attrs)) {
            return invalid(f, diags, "The object type constructor requires one argument specifying the attribute "
                    + "types as a map.");
        }
        TreeMap<String, Type> types = new TreeMap<>();
        Set<String> optional = new HashSet<>();
        Map<String, Value> defaults = new TreeMap<>();
        Map<String, TypeConstraint> nested = new TreeMap<>();
        for (Expr.ObjectItem item : attrs.items()) {
            String name = attributeName(item, diags);
            if (name == null) {
                continue;
            }
            Expr typeExpr = item.value();
            if (typeExpr instanceof Expr.FunctionCall call && call.name().equals("optional")) {
                if (call.args().isEmpty() || call.args().size() > 2) {
                    invalid(call, diags, "Optional attribute modifier expects the attribute type and an optional "
                            + "default value.");
                    continue;
                }
                optional.add(name);
                typeExpr = call.args().get(0);
                TypeConstraint c = parse(typeExpr, diags);
                if (call.args().size() == 2) {
                    Value d = new Evaluator(Scope.EMPTY, Functions.standard(), Path.of("."))
                            .evaluate(call.args().get(1), c.type, diags);
                    defaults.put(name, d);
                }
                types.put(name, c.type);
                nested.put(name, c);
            } else {
                TypeConstraint c = parse(typeExpr, diags);
                types.put(name, c.type);
                nested.put(name, c);
            }
        }
        return new TypeConstraint(new Type.ObjectType(types, optional), defaults, nested);
    }

    private static String attributeName(Expr.ObjectItem item, Diagnostics diags) {
        if (item.keyIsBareIdentifier()) {
            return ((Expr.ScopeTraversal) item.key()).root();
        }
        if (item.key() instanceof Expr.Template t && t.literalText() != null) {
            return t.literalText();
        }
        diags.error("Invalid type specification", "Object constructor map keys must be attribute names.",
                item.key().range());
        return null;
    }

    private static TypeConstraint simple(Type t) {
        return new TypeConstraint(t, Map.of(), Map.of());
    }

    private static TypeConstraint invalid(Expr e, Diagnostics diags, String detail) {
        diags.error("Invalid type specification", detail, e.range());
        return ANY;
    }

    /** Converts to the type, then fills the defaults of absent optional attributes, at every depth. */
    public Value convert(Value v) throws ConversionException {
        return applyDefaults(Convert.to(v, type));
    }

    private Value applyDefaults(Value v) {
        Value u = v.unmarked();
        if (u.isNull() || !u.isKnown()) {
            return v;
        }
        Value result = u;
        if (u instanceof ObjectValue o && type instanceof Type.ObjectType) {
            Map<String, Value> out = new TreeMap<>(o.attributes());
            for (Map.Entry<String, Value> e : o.attributes().entrySet()) {
                Value attr = e.getValue();
                if (attr.isNull() && defaults.containsKey(e.getKey())) {
                    attr = defaults.get(e.getKey());
                }
                TypeConstraint c = nested.get(e.getKey());
                out.put(e.getKey(), c == null ? attr : c.applyDefaults(attr));
            }
            result = new ObjectValue(out);
        } else if (nested.containsKey("*")) {
            TypeConstraint element = nested.get("*");
            if (!element.hasDefaults()) {
                return v;
            }
            if (u instanceof ListValue l) {
                result = new ListValue(l.elementType(),
                        l.elements().stream().map(element::applyDefaults).toList());
            } else if (u instanceof MapValue m) {
                Map<String, Value> out = new TreeMap<>();
                m.elements().forEach((k, x) -> out.put(k, element.applyDefaults(x)));
                result = new MapValue(m.elementType(), out);
            } else if (u instanceof SetValue s) {
                result = new SetValue(s.elementType(),
                        s.elements().stream().map(element::applyDefaults).toList());
            }
        }
        return v.isSensitive() ? Value.sensitive(result) : result;
    }

    private boolean hasDefaults() {
        return !defaults.isEmpty() || nested.values().stream().anyMatch(TypeConstraint::hasDefaults);
    }
}

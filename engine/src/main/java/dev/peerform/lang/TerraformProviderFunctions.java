package dev.peerform.lang;

import static dev.peerform.lang.Functions.p;

import dev.peerform.diag.Diagnostic;
import dev.peerform.diag.Diagnostics;
import dev.peerform.syntax.Attribute;
import dev.peerform.syntax.ConfigFile;
import dev.peerform.syntax.Parser;
import dev.peerform.value.MapValue;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.Type;
import dev.peerform.value.Value;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The built-in provider's functions, called as {@code provider::terraform::NAME}: encode_tfvars, decode_tfvars
 * and encode_expr.
 */
final class TerraformProviderFunctions {

    static final String PREFIX = "provider::terraform::";
    private static final String SOURCE = "<decode_tfvars argument>";

    private TerraformProviderFunctions() {
    }

    static void register(Functions.Registry r) {
        r.add(PREFIX + "encode_tfvars", List.of(p("value", Type.DYNAMIC)), (a, c) -> {
            Value v = a.get(0);
            if (!(v instanceof ObjectValue || v instanceof MapValue)) {
                throw new FunctionException("invalid value to encode: must be an object whose attribute names "
                        + "will become the encoded variable names.");
            }
            Map<String, Value> vars = new TreeMap<>(v instanceof ObjectValue o ? o.attributes()
                    : ((MapValue) v).elements());
            Map<String, String> lines = new LinkedHashMap<>();
            for (Map.Entry<String, Value> e : vars.entrySet()) {
                if (!HclEncoder.IDENTIFIER.matcher(e.getKey()).matches()) {
                    throw new FunctionException("invalid variable name \"" + e.getKey() + "\": must be a valid "
                            + "identifier, per Terraform's rules for input variable declarations.");
                }
                lines.put(e.getKey(), HclEncoder.expression(e.getValue(), 0));
            }
            return Value.of(HclEncoder.attributes(lines, 0));
        });
        r.add(PREFIX + "decode_tfvars", List.of(p("src", Type.STRING)), (a, c) -> decode(a.get(0).asString()));
        r.add(PREFIX + "encode_expr", List.of(p("value", Type.DYNAMIC)),
                (a, c) -> Value.of(HclEncoder.expression(a.get(0), 0)));
    }

    /** A .tfvars text's attributes as an object: constants only, no blocks, no references, no functions. */
    private static Value decode(String text) throws FunctionException {
        Diagnostics diags = new Diagnostics();
        ConfigFile file = Parser.parseFile(SOURCE, text, diags);
        if (diags.hasErrors()) {
            throw new FunctionException("invalid tfvars syntax: " + describe(diags.errors().get(0)) + ".");
        }
        if (!file.body().blocks().isEmpty()) {
            var block = file.body().blocks().get(0);
            throw new FunctionException("invalid tfvars content: " + block.typeRange() + ": Unexpected \""
                    + block.type() + "\" block; Blocks are not allowed here.");
        }
        Map<String, Value> out = new LinkedHashMap<>();
        Evaluator constants = new Evaluator(Scope.EMPTY, Functions.none(), Path.of("."));
        for (Attribute attr : file.body().attributes()) {
            Diagnostics d = new Diagnostics();
            Value v = constants.evaluate(attr.expr(), d);
            if (d.hasErrors()) {
                throw new FunctionException("invalid expression for variable \"" + attr.name() + "\": "
                        + describe(d.errors().get(0)) + ".");
            }
            out.put(attr.name(), v);
        }
        return new ObjectValue(out);
    }

    private static String describe(Diagnostic d) {
        return d.subject() + ": " + d.summary() + "; " + d.detail();
    }
}

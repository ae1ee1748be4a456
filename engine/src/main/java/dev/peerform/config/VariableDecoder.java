package dev.peerform.config;

import dev.peerform.diag.Diagnostics;
import dev.peerform.lang.ConversionException;
import dev.peerform.lang.Evaluator;
import dev.peerform.lang.TypeConstraint;
import dev.peerform.syntax.Attribute;
import dev.peerform.syntax.Block;
import dev.peerform.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** {@code variable}: type constraint, default converted to it, validations, sensitivity, nullability. */
final class VariableDecoder extends BlockDecoder {

    VariableDecoder(Diagnostics diags, Evaluator constants) {
        super(diags, constants);
    }

    @Override
    void decode(Block block, ModuleParts into) {
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
            } catch (ConversionException e) {
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
        String description = block.body().attribute("description").map(this::constantString)
                .orElse(null);
        boolean sensitive = block.body().attribute("sensitive").map(a -> constantBool(a, false)).orElse(false);
        Variable variable = new Variable(name, type, def, description, sensitive, nullable, validations,
                block.headerRange());
        Variable before = into.variables.putIfAbsent(name, variable);
        if (before != null) {
            diags.error("Duplicate variable declaration", "A variable named \"" + name + "\" was already "
                    + "declared at " + before.range() + ". Variable names must be unique within a module.",
                    block.headerRange());
        }
    }
}

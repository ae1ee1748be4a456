package dev.peerform.eval;

import dev.peerform.config.Condition;
import dev.peerform.config.ModuleScope;
import dev.peerform.config.Resource;
import dev.peerform.diag.Diagnostic;
import dev.peerform.diag.Diagnostics;
import dev.peerform.lang.Evaluator;
import dev.peerform.value.Type;
import dev.peerform.value.Value;
import java.util.List;

/**
 * Custom conditions: a resource's {@code precondition} and {@code postcondition} blocks and an output's
 * {@code precondition}. A condition that is false is an error with its error_message, at the condition; one that
 * is not known yet (it depends on values known only after apply) is not judged while planning.
 */
public final class Conditions {

    private Conditions() {
    }

    /** A resource instance's postconditions, with {@code self} the object as planned or as the cloud made it. */
    public static void postconditions(Resource r, List<String> path, ModuleValues moduleValues,
            ModuleScope.Context context, Value self, String address, Diagnostics diags) {
        if (!r.lifecycle().postconditions().isEmpty()) {
            check(r.lifecycle().postconditions(), moduleValues.evaluator(path, context.withSelf(self),
                    new Diagnostics()), "Resource postcondition", address, diags);
        }
    }

    /** Checks each condition; {@code kind} is "Resource precondition", "Resource postcondition" or "Module output". */
    public static void check(List<Condition> conditions, Evaluator evaluator, String kind, String address,
            Diagnostics diags) {
        for (Condition c : conditions) {
            Diagnostics local = new Diagnostics();
            Value ok = evaluator.evaluate(c.condition(), Type.BOOL, local);
            if (local.hasErrors()) {
                local.list().forEach(d -> diags.add(address == null || d.address() != null ? d
                        : d.withAddress(address)));
                continue;
            }
            if (!ok.isKnown()) {
                continue;
            }
            if (ok.isNull()) {
                diags.add(Diagnostic.error("Invalid condition result", "The condition value is null. Conditions "
                        + "must either be true or false.", c.condition().range()).withAddress(address));
                continue;
            }
            if (!ok.unmarked().asBool()) {
                Value message = evaluator.evaluate(c.errorMessage(), Type.STRING, new Diagnostics());
                String text = message.isKnown() && !message.isNull() && !message.isSensitive() ? message.asString()
                        : "(the error message is sensitive or not known)";
                diags.add(Diagnostic.error(kind + " failed", text, c.condition().range()).withAddress(address));
            }
        }
    }
}

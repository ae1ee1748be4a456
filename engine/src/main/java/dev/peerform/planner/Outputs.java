package dev.peerform.planner;

import dev.peerform.config.Module;
import dev.peerform.config.ModuleScope;
import dev.peerform.config.Output;
import dev.peerform.diag.Diagnostics;
import dev.peerform.eval.Conditions;
import dev.peerform.eval.ModuleValues;
import dev.peerform.lang.Marks;
import dev.peerform.lang.ValueJson;
import dev.peerform.plans.OutputChange;
import dev.peerform.plans.PlanMode;
import dev.peerform.spi.ChangeAction;
import dev.peerform.states.State;
import dev.peerform.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The root module outputs' changes, against those the state holds; a sensitive value needs sensitive = true. */
final class Outputs {

    private Outputs() {
    }

    static List<OutputChange> plan(Module root, ModuleValues values, State prior, PlanMode mode, Diagnostics diags) {
        List<OutputChange> out = new ArrayList<>();
        Set<String> names = new TreeSet<>(root.outputs().keySet()); // Terraform lists outputs by name
        names.addAll(prior.outputs().keySet());
        for (String name : names) {
            State.Output before = prior.outputs().get(name);
            Value beforeValue = before == null ? null
                    : ValueJson.value(before.value(), ValueJson.parseType(before.type()));
            Output o = root.outputs().get(name);
            if (o == null || mode == PlanMode.DESTROY) {
                if (before != null) {
                    out.add(new OutputChange(name, ChangeAction.DELETE, beforeValue, null, before.sensitive()));
                }
                continue;
            }
            Conditions.check(o.preconditions(), values.evaluator(List.of(), ModuleScope.Context.NONE,
                    new Diagnostics()), "Module output value precondition", null, diags);
            Value after = mode == PlanMode.REFRESH_ONLY && beforeValue != null ? beforeValue
                    : values.output(List.of(), name, diags);
            boolean sensitive = o.sensitive() || after.containsSensitive();
            if (after.containsSensitive() && !o.sensitive()) {
                diags.error("Output refers to sensitive values", "Output \"" + name + "\" would show a sensitive "
                        + "value. To show it anyway, declare the output with sensitive = true; peerform then hides "
                        + "it in the plan and in the logs.", o.range());
            }
            ChangeAction action = before == null ? ChangeAction.CREATE
                    : Marks.sameIgnoringMarks(beforeValue, after) ? ChangeAction.NO_OP : ChangeAction.UPDATE;
            out.add(new OutputChange(name, action, beforeValue, after, sensitive));
        }
        return out;
    }
}

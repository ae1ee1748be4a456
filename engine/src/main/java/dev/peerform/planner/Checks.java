package dev.peerform.planner;

import dev.peerform.config.Check;
import dev.peerform.config.Module;
import dev.peerform.config.ModuleScope;
import dev.peerform.diag.Diagnostic;
import dev.peerform.diag.Diagnostics;
import dev.peerform.eval.Conditions;
import dev.peerform.eval.ModuleValues;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code check} blocks of every module instance, judged once the plan's values are known: a failed
 * assertion, or one that cannot be evaluated, is a warning ("Check block assertion failed"), as Terraform makes it;
 * one not known until apply is not judged.
 */
final class Checks {

    private Checks() {
    }

    static void judge(Module root, ModuleValues values, Diagnostics diags) {
        visit(root, List.of(), values, diags);
    }

    private static void visit(Module m, List<String> configPath, ModuleValues values, Diagnostics diags) {
        if (!m.checks().isEmpty()) {
            for (List<String> instance : values.moduleInstances(configPath, new Diagnostics())) {
                for (Check c : m.checks()) {
                    Diagnostics local = new Diagnostics();
                    Conditions.check(c.asserts(), values.evaluator(instance, ModuleScope.Context.NONE,
                            new Diagnostics()), "Check block assertion", null, local);
                    String where = ConfigIndex.prefix(instance) + "check." + c.name();
                    for (Diagnostic d : local.list()) {
                        String summary = d.summary().equals("Check block assertion failed") ? d.summary()
                                : "Check block assertion failed";
                        diags.add(Diagnostic.warning(summary, d.summary().equals(summary) ? d.detail()
                                : d.summary() + ": " + d.detail(), d.subject()).withAddress(where));
                    }
                }
            }
        }
        m.children().forEach((name, child) -> {
            List<String> p = new ArrayList<>(configPath);
            p.add(name);
            visit(child, p, values, diags);
        });
    }
}

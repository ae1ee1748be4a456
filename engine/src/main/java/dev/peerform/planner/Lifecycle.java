package dev.peerform.planner;

import dev.peerform.addrs.ResourceAddress;
import dev.peerform.config.Resource;
import dev.peerform.diag.Diagnostic;
import dev.peerform.diag.Diagnostics;
import dev.peerform.eval.BodyDecoder;
import dev.peerform.lang.References;
import dev.peerform.plans.ResourceChange;
import dev.peerform.spi.ChangeAction;
import dev.peerform.spi.ResourceType;
import dev.peerform.syntax.Expr;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.Value;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The {@code lifecycle} block's rules, as the planner applies them to one resource or to the whole plan. */
final class Lifecycle {

    private Lifecycle() {
    }

    /** create_before_destroy on a type whose provider allows only one object of it at a time is refused. */
    static void checkCreateBeforeDestroy(Resource r, ResourceType type, ResourceAddress address, Diagnostics diags) {
        if (r.lifecycle().createBeforeDestroy() && !type.allowsCreateBeforeDestroy()) {
            diags.error("create_before_destroy not possible", r.type() + " cannot be created before its old object "
                    + "is destroyed: its provider allows only one of it at a time. Remove create_before_destroy "
                    + "from " + address + ".", r.range());
        }
    }

    /** ignore_changes: the named attributes keep their prior values. */
    static ObjectValue ignoreChanges(ObjectValue config, ObjectValue prior, List<Expr.ScopeTraversal> paths) {
        Map<String, Value> out = new TreeMap<>(config.attributes());
        for (Expr.ScopeTraversal t : paths) {
            if (prior.get(t.root()) != null) {
                out.put(t.root(), prior.get(t.root()));
            }
        }
        return new ObjectValue(out);
    }

    /** replace_triggered_by: a referenced resource that is being replaced or updated replaces this one. */
    static boolean triggered(Resource r, List<String> path, List<ResourceChange> changes) {
        for (Expr e : r.lifecycle().replaceTriggeredBy()) {
            for (Expr.ScopeTraversal t : References.of(e)) {
                String target = BodyDecoder.resourceOf(t);
                if (target == null) {
                    continue;
                }
                String full = ConfigIndex.prefix(path) + target;
                for (ResourceChange c : changes) {
                    if (c.address().resource().toString().equals(full) && (c.action() == ChangeAction.UPDATE
                            || c.action().isReplace())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** prevent_destroy: a plan that destroys such an instance is an error at its block. */
    static void preventDestroy(List<ResourceChange> changes, ConfigIndex config, Diagnostics diags) {
        for (ResourceChange c : changes) {
            if (!c.action().destroys()) {
                continue;
            }
            Resource r = config.configOf(c.address());
            if (r != null && r.lifecycle().preventDestroy()) {
                diags.add(Diagnostic.errorAt(c.address().toString(), "Instance cannot be destroyed", "Resource "
                        + c.address() + " has lifecycle.prevent_destroy set, but the plan calls for this resource to "
                        + "be destroyed. To avoid this error and continue with the plan, either disable "
                        + "lifecycle.prevent_destroy or reduce the scope of the plan using the -target flag.")
                        .withSubject(r.range()));
            }
        }
    }
}

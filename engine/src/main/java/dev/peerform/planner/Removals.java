package dev.peerform.planner;

import dev.peerform.addrs.InstanceAddress;
import dev.peerform.addrs.ModuleStep;
import dev.peerform.config.Module;
import dev.peerform.config.Removed;
import dev.peerform.diag.Diagnostics;
import dev.peerform.plans.ResourceChange;
import dev.peerform.spi.ChangeAction;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code removed} blocks: the objects of a resource (or module) that left the configuration are destroyed, as
 * without the block, or, with {@code destroy = false}, forgotten: the state lets go of them and the cloud keeps
 * them. Naming something the configuration still declares is an error, as in Terraform.
 */
final class Removals {

    private Removals() {
    }

    /** Takes the forgotten instances' deletions out of {@code changes}; returns the forgotten instances. */
    static List<InstanceAddress> plan(Module root, List<ResourceChange> changes, Diagnostics diags) {
        List<InstanceAddress> forgotten = new ArrayList<>();
        visit(root, List.of(), changes, forgotten, diags);
        if (!forgotten.isEmpty()) {
            diags.warning("Some objects will no longer be managed by peerform", "The removed blocks with destroy = "
                    + "false make peerform forget " + forgotten.size() + " object(s): they stay in the cloud, and "
                    + "the state no longer records them. Import them again to manage them.", null);
        }
        forgotten.sort(null);
        return forgotten;
    }

    private static void visit(Module m, List<String> path, List<ResourceChange> changes,
            List<InstanceAddress> forgotten, Diagnostics diags) {
        for (Removed r : m.removed()) {
            String prefix = ConfigIndex.prefix(path);
            String from = prefix + r.from();
            ModuleStep.Prefix p = ModuleStep.prefix(r.from());
            boolean module = p.end() >= r.from().length();
            if (declared(m, r.from(), module, p)) {
                diags.error(module ? "Removed module still exists" : "Removed resource still exists", "This "
                        + "removed block names " + from + ", which the configuration still declares. Remove "
                        + "the block it names, or this removed block.", r.range());
                continue;
            }
            for (ResourceChange c : List.copyOf(changes)) {
                if (c.action() != ChangeAction.DELETE || !matches(c.address(), from, module)) {
                    continue;
                }
                if (!r.destroy()) {
                    changes.remove(c);
                    forgotten.add(c.address());
                }
            }
        }
        m.children().forEach((name, child) -> {
            List<String> p = new ArrayList<>(path);
            p.add(name);
            visit(child, p, changes, forgotten, diags);
        });
    }

    private static boolean declared(Module m, String relative, boolean module, ModuleStep.Prefix p) {
        Module at = m;
        List<String> names = ModuleStep.names(p.steps());
        for (int i = 0; i < names.size() - (module ? 1 : 0) && at != null; i++) {
            at = at.children().get(names.get(i));
        }
        if (at == null) {
            return false;
        }
        return module ? at.moduleCalls().containsKey(names.get(names.size() - 1))
                : at.resources().containsKey(relative.substring(p.end()));
    }

    /** Whether an instance is of the resource (any key, any instance of the modules on the way) or module. */
    private static boolean matches(InstanceAddress a, String from, boolean module) {
        String configAddress = a.resource().configAddress();
        String wanted = ConfigIndex.prefix(ModuleStep.names(ModuleStep.prefix(from).steps()))
                + from.substring(ModuleStep.prefix(from).end());
        return module ? configAddress.startsWith(wanted.endsWith(".") ? wanted : wanted + ".")
                : configAddress.equals(wanted);
    }
}

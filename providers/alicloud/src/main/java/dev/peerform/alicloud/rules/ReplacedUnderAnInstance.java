package dev.peerform.alicloud.rules;

import dev.peerform.alicloud.resources.InstanceResource;
import dev.peerform.alicloud.resources.SecurityGroupResource;
import dev.peerform.alicloud.resources.VSwitchResource;
import dev.peerform.alicloud.resources.VpcResource;
import dev.peerform.diag.Diagnostic;
import dev.peerform.diag.Diagnostics;
import dev.peerform.spi.ChangeAction;
import dev.peerform.spi.ChangeView;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A vSwitch or security group destroyed and then created again (its VPC replaced, say) while an instance in it
 * stays, updated in place or unchanged: the old one is deleted before the new one exists and the instance moves
 * only after, but the cloud refuses to delete a vSwitch or a group that still holds an instance
 * (DependencyViolation). Terraform with the official provider orders it the same way and fails the same way. A
 * warning, not an error: the cloud decides (the instance may have been moved outside the configuration).
 */
final class ReplacedUnderAnInstance implements PlanRule {

    @Override
    public void check(PlannedSet plan, Diagnostics diags) {
        List<ChangeView> replaced = new ArrayList<>();
        List<ChangeView> replacedVpcs = new ArrayList<>();
        for (ChangeView c : plan.all) {
            if (c.action() == ChangeAction.DELETE_THEN_CREATE) {
                if (c.type().equals(VSwitchResource.TYPE) || c.type().equals(SecurityGroupResource.TYPE)) {
                    replaced.add(c);
                } else if (c.type().equals(VpcResource.TYPE)) {
                    replacedVpcs.add(c);
                }
            }
        }
        if (replaced.isEmpty()) {
            return;
        }
        for (ChangeView instance : plan.all) {
            if (!instance.type().equals(InstanceResource.TYPE) || (instance.action() != ChangeAction.UPDATE
                    && instance.action() != ChangeAction.NO_OP)) {
                continue;
            }
            Set<Token> in = both(instance, "vswitch_id");
            in.addAll(Identity.ofEach(instance.before(), instance.references(), "security_groups"));
            in.addAll(Identity.ofEach(instance.after(), instance.references(), "security_groups"));
            for (ChangeView network : replaced) {
                if (Identity.meet(in, self(network))) {
                    diags.add(warning(instance, network, vpcOf(network, replacedVpcs)));
                }
            }
        }
    }

    private static Diagnostic warning(ChangeView instance, ChangeView network, ChangeView vpc) {
        String what = network.type().equals(VSwitchResource.TYPE) ? "vSwitch" : "security group";
        String i = instance.address().toString();
        String n = network.address().toString();
        return Diagnostic.warningAt(i, "The apply will fail: an instance stays in a replaced " + what,
                (vpc != null ? vpc.address() + " is replaced, so " + n : n) + " must be destroyed and created "
                + "again, but " + i + ", which is in it, is only " + (instance.action() == ChangeAction.UPDATE
                ? "updated in place" : "left as it is") + ": the old " + what + " is deleted before the new one "
                + "exists and the instance would move only after, while the cloud refuses to delete a " + what
                + " that still has an instance (DependencyViolation). Terraform with the official provider orders "
                + "it the same way. Replace the instance with it: add lifecycle { replace_triggered_by = [" + n
                + ".id] } to " + i + ", or run this once with -replace=" + i + ".");
    }

    /** The replaced VPC the vSwitch or group is in, when its replacement is why this one is replaced. */
    private static ChangeView vpcOf(ChangeView network, List<ChangeView> replacedVpcs) {
        Set<Token> vpc = both(network, "vpc_id");
        for (ChangeView v : replacedVpcs) {
            if (Identity.meet(vpc, self(v))) {
                return v;
            }
        }
        return null;
    }

    /** What an attribute points at before and after the change: the old id is what the cloud still holds. */
    private static Set<Token> both(ChangeView c, String attribute) {
        Set<Token> out = new HashSet<>(Identity.of(c.after(), c.references(), attribute));
        out.addAll(Identity.of(c.before(), c.references(), attribute));
        return out;
    }

    private static Set<Token> self(ChangeView c) {
        Set<Token> out = new HashSet<>(Identity.self(c.address().toString(), c.before()));
        out.addAll(Identity.self(c.address().toString(), c.after()));
        return out;
    }
}

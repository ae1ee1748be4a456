package dev.peerform.alicloud.rules;

import dev.peerform.alicloud.resources.RouterInterfaceResource;
import dev.peerform.spi.StepView;
import dev.peerform.value.ObjectValue;
import dev.peerform.vpcapi.domain.Role;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The interfaces' roles as the interfaces' steps in this plan give them, by every identity an interface answers to
 * (its address, its id before and after). An interface the plan does not change has no step, so no role here.
 */
final class Roles {

    private Roles() {
    }

    static Map<Token, Role> of(List<StepView> steps) {
        Map<Token, Role> roles = new HashMap<>();
        for (StepView s : steps) {
            if (s.type().equals(RouterInterfaceResource.TYPE)) {
                Role role = roleOf(s);
                if (role != null) {
                    Identity.self(s.address().toString(), s.after()).forEach(t -> roles.putIfAbsent(t, role));
                    Identity.self(s.address().toString(), s.before()).forEach(t -> roles.putIfAbsent(t, role));
                }
            }
        }
        return roles;
    }

    /** The role of the interface an identity points at (a known id first), or null when the plan cannot tell. */
    static Role of(Map<Token, Role> roles, Set<Token> identity) {
        for (Token t : new TreeSet<>(identity)) {
            Role r = roles.get(t);
            if (r != null) {
                return r;
            }
        }
        return null;
    }

    private static Role roleOf(StepView s) {
        for (ObjectValue v : new ObjectValue[] {s.after(), s.before()}) {
            String role = PlanValues.str(v, "role");
            if (role != null) {
                return Role.fromApiName(role).orElse(null);
            }
        }
        return null;
    }
}

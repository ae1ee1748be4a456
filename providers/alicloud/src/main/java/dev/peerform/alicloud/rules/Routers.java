package dev.peerform.alicloud.rules;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Routers by every identity they have in the plan: a VPC's address, its id and its router's id; a VBR's address
 * and id; and whatever an interface's router_id says (a reference, a literal {@code vrt-...}, the id from state).
 * Identities that name the same router join one group, so an interface that names its router by a literal id and
 * one that names it by reference are on the same router.
 */
final class Routers {

    private final Map<Token, Token> parent = new HashMap<>();

    Routers(List<Node> routers, List<Set<Token>> interfaceRouters) {
        routers.forEach(n -> join(n.self()));
        interfaceRouters.forEach(this::join);
    }

    /** The group's representative token for a router identity; null when the identity is empty. */
    Token key(Set<Token> identity) {
        return identity.stream().sorted().findFirst().map(this::root).orElse(null);
    }

    private void join(Set<Token> tokens) {
        Token first = null;
        for (Token t : tokens) {
            if (first == null) {
                first = root(t);
            } else {
                Token r = root(t);
                if (!r.equals(first)) {
                    // the smaller token represents the group, so keys are stable whatever the order of joining
                    if (r.compareTo(first) < 0) {
                        parent.put(first, r);
                        first = r;
                    } else {
                        parent.put(r, first);
                    }
                }
            }
        }
    }

    private Token root(Token t) {
        Token p = parent.getOrDefault(t, t);
        if (p.equals(t)) {
            return t;
        }
        Token r = root(p);
        parent.put(t, r);
        return r;
    }
}

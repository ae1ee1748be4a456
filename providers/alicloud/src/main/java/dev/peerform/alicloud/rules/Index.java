package dev.peerform.alicloud.rules;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Nodes by every identity token they answer to: finding the resource an attribute points at is a few lookups. */
final class Index {

    private final Map<Token, Node> byToken = new HashMap<>();

    Index(List<Node> nodes) {
        for (Node n : nodes) {
            n.self().forEach(t -> byToken.putIfAbsent(t, n));
        }
    }

    /** The node that answers to any of {@code identity}, or null. */
    Node find(Set<Token> identity) {
        for (Token t : identity) {
            Node n = byToken.get(t);
            if (n != null) {
                return n;
            }
        }
        return null;
    }
}

package dev.peerform.alicloud.rules;

import dev.peerform.spi.ChangeView;
import java.util.Set;

/**
 * A planned resource in the rules, with every identity it answers to (its address, its ids). Nodes are equal only
 * to themselves: the rules group them by the object, never by comparing their values.
 */
final class Node {

    private final ChangeView view;
    private final Set<Token> self;

    Node(ChangeView view, Set<Token> self) {
        this.view = view;
        this.self = self;
    }

    ChangeView view() {
        return view;
    }

    Set<Token> self() {
        return self;
    }

    String address() {
        return view.address().toString();
    }

    /** The router an interface is on, as its router_id points at it (an id, a reference, or both). */
    Set<Token> router() {
        return Identity.of(view, "router_id");
    }
}

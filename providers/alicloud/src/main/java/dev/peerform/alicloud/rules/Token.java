package dev.peerform.alicloud.rules;

import java.util.Comparator;

/**
 * One thing an attribute can point at, comparable before ids exist: a cloud id ({@code ri-...}) or a resource
 * address that an expression refers to ({@code alicloud_router_interface.a}). Ids sort before references, so that a
 * known id is preferred where one token must stand for a set.
 */
record Token(Kind kind, String value) implements Comparable<Token> {

    enum Kind {
        ID, REF
    }

    private static final Comparator<Token> ORDER = Comparator.comparing(Token::kind).thenComparing(Token::value);

    static Token id(String id) {
        return new Token(Kind.ID, id);
    }

    static Token ref(String address) {
        return new Token(Kind.REF, address);
    }

    boolean isRef() {
        return kind == Kind.REF;
    }

    @Override
    public int compareTo(Token o) {
        return ORDER.compare(this, o);
    }
}

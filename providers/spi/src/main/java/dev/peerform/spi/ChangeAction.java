package dev.peerform.spi;

import java.util.List;

/**
 * What a plan does to one resource instance, with Terraform's symbols and plan-JSON action arrays.
 */
public enum ChangeAction {
    NO_OP(" ", List.of("no-op")),
    CREATE("+", List.of("create")),
    READ("<=", List.of("read")),
    UPDATE("~", List.of("update")),
    DELETE("-", List.of("delete")),
    /** Replace, destroying the old object first. */
    DELETE_THEN_CREATE("-/+", List.of("delete", "create")),
    /** Replace, creating the new object first (lifecycle create_before_destroy). */
    CREATE_THEN_DELETE("+/-", List.of("create", "delete"));

    private final String symbol;
    private final List<String> json;

    ChangeAction(String symbol, List<String> json) {
        this.symbol = symbol;
        this.json = json;
    }

    public String symbol() {
        return symbol;
    }

    /** The {@code change.actions} array of Terraform's plan JSON. */
    public List<String> jsonActions() {
        return json;
    }

    public boolean isReplace() {
        return this == DELETE_THEN_CREATE || this == CREATE_THEN_DELETE;
    }

    /** True when the change has a part that destroys the prior object. */
    public boolean destroys() {
        return this == DELETE || isReplace();
    }

    /** True when the change has a part that creates or updates an object. */
    public boolean creates() {
        return this == CREATE || this == UPDATE || isReplace();
    }
}

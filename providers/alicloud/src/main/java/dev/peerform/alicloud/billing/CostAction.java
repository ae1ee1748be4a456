package dev.peerform.alicloud.billing;

import java.util.Locale;

/** What a planned change does to one interface's bill, as the cost lines and {@code peerform_cost} name it. */
public enum CostAction {
    CREATE("+"), UPDATE("~"), REPLACE("-/+"), DESTROY("-"), NO_CHANGE(" ");

    private final String symbol;

    CostAction(String symbol) {
        this.symbol = symbol;
    }

    /** Terraform's plan symbol for the action. */
    public String symbol() {
        return symbol;
    }

    /** The JSON spelling: {@code create}, {@code no_change}, ... */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package dev.peerform.plans;

/**
 * Why an instance is replaced or deleted, when that is not simply what its configuration says. The constants read
 * as Terraform's {@code action_reason} values; {@link #key} is how a plan file keeps them.
 */
public enum ChangeReason {
    NONE(""),
    TAINTED("tainted"),
    REPLACE_BY_REQUEST("replace_by_request"),
    REPLACE_BECAUSE_CANNOT_UPDATE("replace_because_cannot_update"),
    REPLACE_BY_TRIGGERS("replace_by_triggers"),
    DELETE_BECAUSE_NO_RESOURCE_CONFIG("delete_because_no_resource_config"),
    DELETE_BECAUSE_NO_REPETITION("delete_because_no_repetition"),
    DELETE_BECAUSE_COUNT_INDEX("delete_because_count_index"),
    DELETE_BECAUSE_EACH_KEY("delete_because_each_key"),
    DELETE_BECAUSE_WRONG_REPETITION("delete_because_wrong_repetition"),
    READ_BECAUSE_CONFIG_UNKNOWN("read_because_config_unknown"),
    READ_BECAUSE_DEPENDENCY_PENDING("read_because_dependency_pending"),
    DELETE_BECAUSE_NO_MODULE("delete_because_no_module");

    private final String key;

    ChangeReason(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** Terraform's {@code action_reason} in the plan JSON; null for none. */
    public String terraformName() {
        return switch (this) {
            case NONE -> null;
            case TAINTED -> "replace_because_tainted";
            default -> key;
        };
    }

    /** The reason a plan file names; an unknown name (a newer peerform's) reads as none. */
    public static ChangeReason fromKey(String key) {
        for (ChangeReason r : values()) {
            if (r.key.equals(key)) {
                return r;
            }
        }
        return NONE;
    }
}

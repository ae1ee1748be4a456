package dev.peerform.spi;

import dev.peerform.diag.Diagnostics;
import dev.peerform.value.ObjectValue;
import java.util.List;

/**
 * A managed resource type: its schema, its checks of one configuration, how it plans one instance, and the steps of
 * each kind of change.
 */
public interface ResourceType {

    String name();

    Schema schema();

    /** Checks one instance's configuration (which may hold unknown values); problems go to {@code diags}. */
    default void validate(ObjectValue config, Diagnostics diags) {
    }

    /**
     * Plans one instance: from the prior state (null when creating) and the configuration, the proposed new state,
     * with computed attributes unknown where the cloud will set them, and the attributes whose change forces
     * replacement. The default follows the schema.
     */
    default PlannedInstance plan(ObjectValue prior, ObjectValue config) {
        return PlannedInstance.fromSchema(schema(), prior, config);
    }

    /** Whether {@code lifecycle { create_before_destroy = true }} is possible for this type. */
    default boolean allowsCreateBeforeDestroy() {
        return true;
    }

    /** The steps of a change, in the order they run. */
    List<StepSpec> steps(ChangeView change);
}

package dev.peerform.plans;

import dev.peerform.spi.StepSpec;

/**
 * One vertex of the action DAG: a step of one instance's change. {@code index} is the step's position within its
 * change (steps of one change run in order).
 */
public record PlannedStep(String id, ResourceChange change, StepSpec spec, int index, boolean lastOfPhase) {

    /** What the plan's ordered actions print: "alicloud_router_interface.acceptor: create the acceptor". */
    public String label() {
        return change.address() + ": " + spec.description();
    }

    /** Steps are graph vertices: identity is the id, never the (large) values inside. */
    @Override
    public boolean equals(Object o) {
        return o instanceof PlannedStep other && other.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }
}

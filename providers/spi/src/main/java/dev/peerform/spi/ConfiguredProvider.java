package dev.peerform.spi;

import dev.peerform.diag.Diagnostics;
import dev.peerform.value.ObjectValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A provider configured for one {@code provider} block: it checks the whole plan, orders steps across resources,
 * refreshes, imports, reads data sources and runs steps.
 */
public interface ConfiguredProvider {

    /** Where the calls go, shown in the plan: "embedded emulator", "https://vpc.cn-hangzhou.aliyuncs.com". */
    String endpoint();

    /**
     * Checks rules that span resources over the whole planned set: every change, and every instance that exists and
     * stays. Problems name resource addresses.
     */
    default void validatePlan(List<ChangeView> all, Diagnostics diags) {
    }

    /**
     * Instances (by address) that the cloud cannot keep through the planned changes and that must be replaced
     * with them, each with why: for example a router interface whose peer changes after it has connected. The
     * engine plans again with them replaced.
     */
    default java.util.Map<String, String> replacementsRequired(List<ChangeView> all) {
        return java.util.Map.of();
    }

    /**
     * What the provider adds to the plan for these changes (every change and kept instance of this provider, all
     * its configurations), or empty when it has nothing to say: for example the cost of the changes.
     */
    default java.util.Optional<PlanAnnotation> annotate(List<ChangeView> all, Diagnostics diags) {
        return java.util.Optional.empty();
    }

    /** What answers {@code peerform reach} over this provider's resources, when the provider can. */
    default Optional<Reachability> reachability() {
        return Optional.empty();
    }

    /** Ordering between steps of different resources that the cloud requires and references do not express. */
    default List<StepEdge> order(List<StepView> steps) {
        return new ArrayList<>();
    }

    /**
     * How long this step may take, when the configuration says so (a resource's {@code timeouts} block): the
     * engine's step deadline then runs from the step's start for this long, shorter or longer than its default.
     * Null keeps the engine's step timeout.
     */
    default Duration stepTimeout(StepView step, ObjectValue current) {
        return null;
    }

    /** Steps with the same key run one at a time (for example changes to one route table); null for none. */
    default String concurrencyKey(StepView step, ObjectValue current) {
        return null;
    }

    /**
     * A plan begins: the provider may make up to {@code parallelism} (the run's {@code -parallelism}) calls at once
     * while it refreshes and checks the plan, and forgets what an earlier plan read.
     */
    default void planning(int parallelism) {
    }

    /**
     * Refreshes instances of one type, in as few calls as the API allows: for each prior state (same order) the
     * current state, or null when the object is gone.
     */
    List<ObjectValue> read(String type, List<ObjectValue> priors, Diagnostics diags);

    /** The state of an existing object, for {@code import}; null (and a diagnostic) when there is none. */
    default ObjectValue importResource(String type, String id, Diagnostics diags) {
        diags.error("Import not supported", "Resources of type " + type + " cannot be imported.", null);
        return null;
    }

    /**
     * {@code adopt}: every object of this configuration's account and region that its resources can take over;
     * when {@code regions} is not empty and this configuration's region is not in it, nothing. Null (and a
     * diagnostic when it tried and failed) when the provider cannot discover.
     */
    default Discovery discover(Set<String> regions, Diagnostics diags) {
        return null;
    }

    /** Reads a data source. */
    default ObjectValue readData(String type, ObjectValue config, Diagnostics diags) {
        diags.error("Unsupported data source", "This provider has no data source " + type + ".", null);
        return null;
    }

    /**
     * Runs one step. {@code current} is the instance's state so far in this change (for the first step of a
     * create: the planned values); returns the state after the step (null once the object is gone).
     */
    ObjectValue execute(StepContext context, StepView step, ObjectValue current) throws StepException;
}

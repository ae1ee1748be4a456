package dev.peerform.alicloud.billing;

import dev.peerform.spi.ChangeAction;
import dev.peerform.spi.ChangeView;
import dev.peerform.spi.PlanAnnotation;
import dev.peerform.value.ObjectValue;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The cost of a plan's changes as the plan shows it: every router interface whose bill the changes touch, before
 * and after, as the text after the ordered actions and as {@code peerform_cost} in the plan JSON.
 */
public final class PlanCost {

    private PlanCost() {
    }

    /**
     * The estimate for {@code changes}, or empty when no change touches a bill.
     *
     * @param regionOf the region of a provider configuration key (the interface's own region)
     */
    public static Optional<CostEstimate> estimate(List<ChangeView> changes, Function<String, String> regionOf,
            PriceCalculator prices, LocalDate date) {
        List<ResourceCost> costs = new ArrayList<>();
        for (ChangeView c : changes) {
            if (c.action() == ChangeAction.NO_OP || c.action() == ChangeAction.READ) {
                continue;
            }
            String region = regionOf.apply(c.provider());
            Optional<BilledInterface> before = billed(c.type(), c.before(), region);
            Optional<BilledInterface> after = c.action() == ChangeAction.DELETE ? Optional.empty()
                    : billed(c.type(), c.after(), region);
            if (before.isEmpty() && after.isEmpty()) {
                continue;
            }
            ResourceCost cost = ResourceCost.of(c.address().toString(), action(c.action()), before.orElse(null),
                    after.orElse(null), prices, date);
            boolean unchanged = cost.delta().map(d -> d.signum() == 0).orElse(false) && cost.changes().isEmpty();
            if (!unchanged) {
                costs.add(cost);
            }
        }
        return costs.isEmpty() ? Optional.empty() : Optional.of(new CostEstimate(prices.table(), date, costs));
    }

    /** The plan's annotation: the cost lines and {@code peerform_cost}. */
    public static PlanAnnotation annotation(CostEstimate estimate) {
        List<String> lines = List.of(CostText.render(estimate).split("\n"));
        return new PlanAnnotation(CostJson.KEY, lines, CostJson.tree(estimate).toString());
    }

    private static Optional<BilledInterface> billed(String type, ObjectValue v, String region) {
        if (v == null) {
            return Optional.empty();
        }
        return BilledInterfaces.from(type, v.attributes(), region);
    }

    private static CostAction action(ChangeAction a) {
        if (a.isReplace()) {
            return CostAction.REPLACE;
        }
        return switch (a) {
            case CREATE -> CostAction.CREATE;
            case UPDATE -> CostAction.UPDATE;
            case DELETE -> CostAction.DESTROY;
            default -> CostAction.NO_CHANGE;
        };
    }
}

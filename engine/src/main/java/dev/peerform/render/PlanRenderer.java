package dev.peerform.render;

import dev.peerform.addrs.InstanceAddress;
import dev.peerform.plans.ChangeReason;
import dev.peerform.plans.Drift;
import dev.peerform.plans.OutputChange;
import dev.peerform.plans.Plan;
import dev.peerform.plans.PlanMode;
import dev.peerform.plans.PlannedStep;
import dev.peerform.plans.ResourceChange;
import dev.peerform.spi.ChangeAction;
import dev.peerform.spi.PlanAnnotation;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.Value;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The human plan: Terraform's resource diff and summary line, then peerform's own section, the numbered ordered
 * actions with what each waits for, and the endpoint each provider uses. Colour only when asked.
 */
public final class PlanRenderer {

    static final String RULE = "─".repeat(77);
    // text handed to the writer once this much is made
    private static final int DRAIN_AT = 1 << 16;

    private final boolean color;

    /** The horizontal rule Terraform draws between sections. */
    public static String rule() {
        return RULE;
    }

    public PlanRenderer(boolean color) {
        this.color = color;
    }

    public String render(Plan plan) {
        StringBuilder b = new StringBuilder();
        render(plan, b, null);
        return b.toString();
    }

    /**
     * The same text written to {@code out} as it is made, a few pages at a time: a plan of 10,000 resources is
     * megabytes of text, which held whole (and copied to a string) lived through a collection or two.
     */
    public void render(Plan plan, PrintWriter out) {
        StringBuilder b = new StringBuilder(DRAIN_AT + 4096);
        render(plan, b, out);
        out.append(b);
    }

    private static void drain(StringBuilder b, PrintWriter out) {
        if (out != null && b.length() >= DRAIN_AT) {
            out.append(b);
            b.setLength(0);
        }
    }

    private void render(Plan plan, StringBuilder b, PrintWriter out) {
        if (!plan.drift().isEmpty()) {
            drift(plan, b);
        }
        if (plan.mode() == PlanMode.REFRESH_ONLY) {
            if (plan.drift().isEmpty()) {
                b.append("\nNo changes. Your infrastructure still matches the configuration.\n\npeerform has checked "
                        + "that the real remote objects still match the result of your\nmost recent changes, and "
                        + "found no differences.\n");
            } else {
                b.append("\nThis is a refresh-only plan, so peerform will not take any actions to undo\nthese. If "
                        + "you were expecting these changes then you can apply this plan to\nrecord the updated "
                        + "values in the peerform state without changing any remote\nobjects.\n");
            }
            return;
        }
        List<ResourceChange> changes = plan.changes().stream().filter(c -> c.action() != ChangeAction.NO_OP
                || plan.moved().containsKey(c.address()) || plan.imported().containsKey(c.address())).toList();
        boolean outputsChange = plan.outputs().stream().anyMatch(o -> o.action() != ChangeAction.NO_OP);
        if (changes.isEmpty() && !outputsChange && plan.forgotten().isEmpty()) {
            b.append("\nNo changes. Your infrastructure matches the configuration.\n\npeerform has compared your real "
                    + "infrastructure against your configuration\nand found no differences, so no changes are "
                    + "needed.\n");
            return;
        }
        if (!changes.isEmpty() || !plan.forgotten().isEmpty()) {
            symbols(changes, b);
            b.append("\npeerform will perform the following actions:\n");
            List<Object> entries = new ArrayList<>(changes);
            entries.addAll(plan.forgotten());
            entries.sort((x, y) -> address(x).compareTo(address(y)));
            for (Object e : entries) {
                b.append('\n');
                if (e instanceof ResourceChange c) {
                    resource(c, plan.moved().get(c.address()), plan.imported().get(c.address()), b);
                } else {
                    forgotten((InstanceAddress) e, b);
                }
                drain(b, out);
            }
            b.append('\n').append(bold("Plan:")).append(' ')
                    .append(plan.imported().isEmpty() ? "" : plan.imported().size() + " to import, ")
                    .append(plan.toAdd()).append(" to add, ")
                    .append(plan.toChange()).append(" to change, ").append(plan.toDestroy()).append(" to destroy.\n");
        }
        if (outputsChange) {
            outputs(plan.outputs(), b);
            if (changes.isEmpty()) {
                b.append("\nYou can apply this plan to save these new output values to the peerform\nstate, without "
                        + "changing any real infrastructure.\n");
            }
        }
        if (plan.steps().size() > 0) {
            orderedActions(plan, b, out);
        }
    }

    private void symbols(List<ResourceChange> changes, StringBuilder b) {
        Set<ChangeAction> used = EnumSet.noneOf(ChangeAction.class);
        changes.forEach(c -> used.add(c.action()));
        b.append("\npeerform used the selected providers to generate the following execution\nplan. Resource actions "
                + "are indicated with the following symbols:\n");
        if (used.contains(ChangeAction.CREATE)) {
            b.append("  ").append(green("+")).append(" create\n");
        }
        if (used.contains(ChangeAction.UPDATE)) {
            b.append("  ").append(yellow("~")).append(" update in-place\n");
        }
        if (used.contains(ChangeAction.DELETE)) {
            b.append("  ").append(red("-")).append(" destroy\n");
        }
        if (used.contains(ChangeAction.DELETE_THEN_CREATE)) {
            b.append(red("-")).append('/').append(green("+")).append(" destroy and then create replacement\n");
        }
        if (used.contains(ChangeAction.CREATE_THEN_DELETE)) {
            b.append(green("+")).append('/').append(red("-")).append(" create replacement and then destroy\n");
        }
        if (used.contains(ChangeAction.READ)) {
            b.append(" ").append(cyan("<=")).append(" read (data resources)\n");
        }
    }

    private static InstanceAddress address(Object entry) {
        return entry instanceof ResourceChange c ? c.address() : (InstanceAddress) entry;
    }

    /** An object a removed block forgets: Terraform's words, one column further left than a change's. */
    private void forgotten(InstanceAddress a, StringBuilder b) {
        b.append(' ').append(bold("# " + a + " will no longer be managed by peerform, but will not be destroyed"))
                .append('\n');
        b.append(" # (destroy = false is set in the configuration)\n");
        b.append(" . resource \"").append(a.resource().type()).append("\" \"").append(a.resource().name())
                .append("\" {\n    }\n");
    }

    private void resource(ResourceChange c, InstanceAddress movedFrom, String importedId, StringBuilder b) {
        if (c.action() == ChangeAction.NO_OP && (movedFrom != null || importedId != null)) {
            b.append("  ").append(bold("# " + (movedFrom != null ? movedFrom + " has moved to " + c.address()
                    : c.address() + " will be imported"))).append('\n');
            b.append("    resource \"").append(c.type()).append("\" \"").append(c.address().resource().name())
                    .append("\" {\n");
            for (String line : ValueRenderer.attributes(c.before().attributes(), c.before().attributes(), "~", 6,
                    new HashSet<>(), true)) {
                b.append(colorLine(line)).append('\n');
            }
            b.append("    }\n");
            return;
        }
        String what = switch (c.action()) {
            case CREATE -> "will be created";
            case UPDATE -> "will be updated in-place";
            case DELETE -> "will be destroyed";
            case READ -> "will be read during apply";
            case DELETE_THEN_CREATE, CREATE_THEN_DELETE -> c.reason() == ChangeReason.TAINTED
                    ? "is tainted, so must be replaced" : c.reason() == ChangeReason.REPLACE_BY_REQUEST
                    ? "will be replaced, as requested" : "must be replaced";
            default -> "";
        };
        b.append("  ").append(bold("# " + c.address() + " " + what)).append('\n');
        String because = c.reason() == ChangeReason.READ_BECAUSE_DEPENDENCY_PENDING
                ? "depends on a resource or a module with changes pending"
                : c.action() == ChangeAction.READ ? "config refers to values not yet known" : because(c);
        if (movedFrom != null && c.action() == ChangeAction.DELETE) {
            because = "because " + movedFrom + " was moved to " + c.address() + ", which is not in configuration";
        }
        if (!because.isEmpty()) {
            b.append("  # (").append(because).append(")\n");
        }
        if (movedFrom != null) {
            b.append("  # (moved from ").append(movedFrom).append(")\n");
        }
        if (importedId != null) {
            b.append("  # (imported from \"").append(importedId).append("\")\n");
        }
        String symbol = c.action().symbol();
        String padded = symbol.length() == 1 ? "  " + symbol : symbol;
        b.append(padded).append(c.action() == ChangeAction.READ ? " data \"" : " resource \"").append(c.type()).append("\" \"").append(c.address().resource().name())
                .append("\" {\n");
        Map<String, Value> before = c.before() == null ? null : c.before().attributes();
        Map<String, Value> after = c.after() == null ? null : c.after().attributes();
        String sym = switch (c.action()) {
            case CREATE, READ -> "+";
            case DELETE -> "-";
            default -> "~";
        };
        if (c.action().isReplace()) {
            sym = "~";
        }
        List<String> lines = ValueRenderer.attributes(before, c.action() == ChangeAction.DELETE ? null : after, sym, 6,
                new HashSet<>(c.replacePaths()), c.action() == ChangeAction.UPDATE || c.action().isReplace());
        for (String line : lines) {
            b.append(colorLine(line)).append('\n');
        }
        b.append("    }\n");
    }

    private static String because(ResourceChange c) {
        return switch (c.reason()) {
            case DELETE_BECAUSE_NO_RESOURCE_CONFIG -> "because " + c.address().resource() + " is not in configuration";
            case DELETE_BECAUSE_NO_MODULE -> "because " + c.address().resource().stateModule()
                    + " is not in configuration";
            case DELETE_BECAUSE_COUNT_INDEX -> "because index " + c.address().key() + " is out of range for count";
            case DELETE_BECAUSE_EACH_KEY -> "because key " + c.address().key() + " is not in for_each map";
            case DELETE_BECAUSE_NO_REPETITION -> "because resource does not use count or for_each";
            case REPLACE_BY_TRIGGERS -> "replace_triggered_by names a changed resource";
            default -> "";
        };
    }

    private void outputs(List<OutputChange> outputs, StringBuilder b) {
        b.append("\nChanges to Outputs:\n");
        List<OutputChange> changed = outputs.stream().filter(o -> o.action() != ChangeAction.NO_OP).toList();
        int width = changed.stream().mapToInt(o -> o.name().length()).max().orElse(0);
        for (OutputChange o : changed) {
            String sym = o.action() == ChangeAction.CREATE ? "+" : o.action() == ChangeAction.DELETE ? "-" : "~";
            List<String> lines;
            if (o.sensitive()) {
                lines = List.of(o.action() == ChangeAction.DELETE ? "(sensitive value) -> null" : "(sensitive value)");
            } else {
                lines = ValueRenderer.change(o.before(), o.after(), 6, sym);
            }
            b.append(colorLine("  " + sym + " " + ValueRenderer.padRight(o.name(), width) + " = " + lines.get(0)))
                    .append('\n');
            for (String l : lines.subList(1, lines.size())) {
                b.append(colorLine(l)).append('\n');
            }
        }
    }

    private void orderedActions(Plan plan, StringBuilder b, PrintWriter out) {
        b.append('\n').append(bold("Ordered actions")).append(" (the cloud's order of work; each step starts when "
                + "what it waits for is done):\n");
        List<PlannedStep> ordered = plan.steps().ordered();
        int width = Integer.toString(ordered.size()).length();
        Map<PlannedStep, Integer> numbers = new HashMap<>(ordered.size() * 2);
        for (PlannedStep s : ordered) {
            numbers.put(s, numbers.size() + 1);
        }
        for (PlannedStep s : ordered) {
            // one line per step of a plan of tens of thousands: no format string, no stream
            b.append("  ");
            String number = Integer.toString(numbers.get(s));
            for (int pad = number.length(); pad < width; pad++) {
                b.append(' ');
            }
            b.append(number).append(". ").append(s.change().address()).append(": ").append(s.spec().description());
            if (!s.spec().waitsFor().isEmpty()) {
                b.append(" — waits until ").append(s.spec().waitsFor());
            }
            List<PlannedStep> before = plan.steps().predecessors(s);
            if (!before.isEmpty()) {
                int[] waits = new int[before.size()];
                for (int i = 0; i < waits.length; i++) {
                    waits[i] = numbers.get(before.get(i));
                }
                Arrays.sort(waits);
                b.append(" (after ");
                int last = 0;
                for (int i = 0; i < waits.length; i++) {
                    if (i > 0 && waits[i] == last) {
                        continue;
                    }
                    b.append(i == 0 ? "" : ", ").append(waits[i]);
                    last = waits[i];
                }
                Set<String> reasons = new LinkedHashSet<>(plan.steps().reasonsInto(s));
                if (!reasons.isEmpty()) {
                    b.append(": ").append(String.join("; ", reasons));
                }
                b.append(')');
            }
            b.append('\n');
            drain(b, out);
        }
        for (PlanAnnotation a : plan.annotations()) {
            b.append('\n');
            a.lines().forEach(l -> b.append(l).append('\n'));
        }
        if (!plan.providerEndpoints().isEmpty()) {
            b.append("\nProviders:\n");
            plan.providerEndpoints().forEach((k, e) -> b.append("  ").append(k).append(": ").append(e).append('\n'));
        }
    }

    private void drift(Plan plan, StringBuilder b) {
        b.append('\n').append(bold("Note: Objects have changed outside of peerform")).append("\n\npeerform detected the "
                + "following changes made outside of peerform since the\nlast \"peerform apply\" which may have "
                + "affected this plan:\n");
        for (Drift d : plan.drift()) {
            b.append('\n');
            if (d.after() == null) {
                b.append("  # ").append(d.address()).append(" has been deleted\n");
                b.append("  - resource \"").append(d.address().resource().type()).append("\" \"")
                        .append(d.address().resource().name()).append("\" {\n");
                ObjectValue before = d.before();
                Value id = before.get("id");
                b.append("      - id = ").append(ValueRenderer.value(id, 10, "-").get(0)).append(" -> null\n");
                b.append("    }\n");
                continue;
            }
            b.append("  # ").append(d.address()).append(" has changed\n");
            b.append("  ~ resource \"").append(d.address().resource().type()).append("\" \"")
                    .append(d.address().resource().name()).append("\" {\n");
            for (String line : ValueRenderer.attributes(d.before().attributes(), d.after().attributes(), "~", 6,
                    Set.of(), true)) {
                b.append(colorLine(line)).append('\n');
            }
            b.append("    }\n");
        }
        if (plan.mode() != PlanMode.REFRESH_ONLY) {
            b.append("\nUnless you have made equivalent changes to your configuration, or ignored the\nrelevant "
                    + "attributes using ignore_changes, the following plan may include\nactions to undo or respond "
                    + "to these changes.\n");
        }
        b.append('\n').append(RULE).append('\n');
    }

    private String colorLine(String line) {
        if (!color) {
            return line;
        }
        String t = line.stripLeading();
        int lead = line.length() - t.length();
        if (t.startsWith("+ ")) {
            return line.substring(0, lead) + green("+") + t.substring(1);
        }
        if (t.startsWith("- ")) {
            return line.substring(0, lead) + red("-") + t.substring(1);
        }
        if (t.startsWith("~ ")) {
            return line.substring(0, lead) + yellow("~") + t.substring(1);
        }
        return line;
    }

    private String green(String s) {
        return color ? "\u001b[32m" + s + "\u001b[0m" : s;
    }

    private String red(String s) {
        return color ? "\u001b[31m" + s + "\u001b[0m" : s;
    }

    private String cyan(String s) {
        return color ? "\u001b[36m" + s + "\u001b[0m" : s;
    }

    private String yellow(String s) {
        return color ? "\u001b[33m" + s + "\u001b[0m" : s;
    }

    private String bold(String s) {
        return color ? "\u001b[1m" + s + "\u001b[0m" : s;
    }
}

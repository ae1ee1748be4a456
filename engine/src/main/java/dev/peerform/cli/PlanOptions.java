package dev.peerform.cli;

import dev.peerform.addrs.InstanceAddress;
import dev.peerform.addrs.ModuleStep;
import dev.peerform.planner.Planner;
import dev.peerform.plans.PlanMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The planning options plan, apply and destroy share. */
final class PlanOptions {

    @Option(names = "-compact-warnings", description = "If peerform produces any warnings that are not "
            + "accompanied by errors, shows them in a more compact form that includes only the summary messages.")
    boolean compactWarnings;

    @Option(names = "-destroy", description = "Select the \"destroy\" planning mode.")
    boolean destroy;

    @Option(names = "-refresh-only", description = "Select the \"refresh only\" planning mode.")
    boolean refreshOnly;

    @Option(names = "-refresh", arity = "1", description = "Skip checking for external changes when false.")
    boolean refresh = true;

    @Option(names = "-target", paramLabel = "ADDRESS", description = "Limit the planning operation to only the given "
            + "module, resource, or resource instance and all of its dependencies.")
    List<String> targets = new ArrayList<>();

    @Option(names = "-replace", paramLabel = "ADDRESS", description = "Force replacement of a particular resource "
            + "instance.")
    List<String> replace = new ArrayList<>();

    @Option(names = "-parallelism", description = "Limit the number of concurrent operations. Defaults to 10.")
    int parallelism = 10;

    @Option(names = "-price-table", paramLabel = "FILE", description = "Price the plan's changes from this price "
            + "table instead of the built-in one (overrides " + PRICE_TABLE_VARIABLE + ").")
    String priceTable;

    /**
     * The environment variable through which providers find a user's price table; the flag sets it for this run, so
     * the engine passes a file name without knowing what a price is.
     */
    static final String PRICE_TABLE_VARIABLE = "PEERFORM_PRICE_TABLE";

    /** The context with {@code -price-table} handed on to the providers. */
    CliContext context(CliContext ctx) {
        if (priceTable == null) {
            return ctx;
        }
        Map<String, String> env = new HashMap<>(ctx.env());
        env.put(PRICE_TABLE_VARIABLE, ctx.workingDir().resolve(priceTable).toString());
        return new CliContext(ctx.workingDir(), ctx.out(), ctx.err(), Map.copyOf(env), ctx.in(), ctx.terminal(),
                ctx.interrupt());
    }

    Planner.Options options() {
        PlanMode mode = destroy ? PlanMode.DESTROY : refreshOnly ? PlanMode.REFRESH_ONLY
                : PlanMode.NORMAL;
        List<String> resources = new ArrayList<>();
        List<List<String>> modules = new ArrayList<>();
        for (String t : targets) {
            List<String> module = modulePath(t);
            if (module != null) {
                modules.add(module);
            } else {
                resources.add(t);
            }
        }
        return new Planner.Options(mode, refresh, addresses(resources, "-target"), addresses(replace, "-replace"),
                modules, parallelism);
    }

    /** The module instance path a target names ({@code module.x}, {@code module.x["k"]}); null for a resource. */
    private static List<String> modulePath(String text) {
        try {
            ModuleStep.Prefix p = ModuleStep.prefix(text.trim());
            return !p.steps().isEmpty() && p.end() == text.trim().length() ? p.steps() : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static List<InstanceAddress> addresses(List<String> texts, String flag) {
        List<InstanceAddress> out = new ArrayList<>();
        for (String t : texts) {
            try {
                out.add(InstanceAddress.parse(t));
            } catch (IllegalArgumentException e) {
                throw new BadFlagException(flag.equals("-target") ? "Invalid target \"" + t + "\""
                        : "Invalid " + flag.substring(1) + " address \"" + t + "\"", "The " + flag + " address \""
                        + t + "\" is not valid: " + e.getMessage() + ". Give a resource address such as "
                        + "alicloud_route_entry.a, aws_x.y[0] or module.m.type.name.");
            }
        }
        return out;
    }
}

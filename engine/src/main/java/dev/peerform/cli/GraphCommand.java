package dev.peerform.cli;

import dev.peerform.config.ModuleLoader;
import dev.peerform.diag.Diagnostics;
import dev.peerform.graph.ConfigGraph;
import dev.peerform.graph.ConfigNode;
import dev.peerform.planner.Planner;
import dev.peerform.plans.PlanMode;
import dev.peerform.plans.PlannedStep;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code graph}: the dependency graph in DOT. {@code -type=plan} (the default) is the configuration's resources and
 * what they refer to; {@code -type=apply} and {@code -type=destroy} are the action DAGs, step by step.
 */
@Command(name = "graph", description = "Generate a Graphviz graph of the steps in an operation")
final class GraphCommand implements Callable<Integer> {

    private final CliContext ctx;

    @Option(names = "-type", description = "plan (default), apply or destroy")
    String type = "plan";

    GraphCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        Session session = new Session(ctx, true);
        StringBuilder dot = new StringBuilder("digraph {\n  compound = \"true\"\n  newrank = \"true\"\n"
                + "  subgraph \"root\" {\n");
        if (type.equals("plan")) {
            Diagnostics diags = new Diagnostics();
            var module = new ModuleLoader(ctx.workingDir()).load(diags);
            ConfigGraph graph = ConfigGraph.build(module, diags);
            if (session.report(diags)) {
                return ExitCode.ERROR;
            }
            for (ConfigNode n : graph.order()) {
                if (n.kind() != ConfigNode.Kind.RESOURCE) {
                    continue;
                }
                dot.append("    \"").append(n.display()).append("\" [label=\"").append(n.display())
                        .append("\", shape=\"box\"]\n");
                for (ConfigNode d : graph.resourceDependencies(n)) {
                    dot.append("    \"").append(n.display()).append("\" -> \"").append(d.display()).append("\"\n");
                }
            }
        } else if (type.equals("apply") || type.equals("destroy")) {
            StateOptions noLock = new StateOptions();
            noLock.lock = false;
            try (Operation op = new Operation(session)) {
                if (!op.open(List.of(), noLock, "OperationTypePlan", true)) {
                    return ExitCode.ERROR;
                }
                Planner.Result r = op.plan(new Planner.Options(type.equals("destroy") ? PlanMode.DESTROY
                        : PlanMode.NORMAL, true, List.of(), List.of()), false);
                if (r == null) {
                    return ExitCode.ERROR;
                }
                for (PlannedStep s : r.plan().steps().ordered()) {
                    dot.append("    \"").append(s.label()).append("\" [shape=\"box\"]\n");
                    for (PlannedStep p : r.plan().steps().predecessors(s)) {
                        dot.append("    \"").append(s.label()).append("\" -> \"").append(p.label()).append("\"\n");
                    }
                }
            }
        } else {
            session.error("Invalid graph type", "-type must be plan, apply or destroy, not \"" + type + "\".");
            return ExitCode.ERROR;
        }
        dot.append("  }\n}\n");
        ctx.out().print(dot);
        ctx.out().flush();
        return ExitCode.OK;
    }
}

package dev.peerform.cli;

import dev.peerform.spi.ReachAnswer;
import dev.peerform.spi.ReachQuery;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code reach FROM TO}: will traffic pass both ways? Over the live cloud (the state refreshed, never written), or
 * predicted from a saved plan. Exit 0 when reachable both ways, 3 when not, 1 on error.
 */
@Command(name = "reach", description = "Check that traffic passes both ways between two resources")
final class ReachCommand implements Callable<Integer> {

    /** Not reachable: a verdict, not an error, so that CI can tell the two apart. */
    static final int NOT_REACHABLE = 3;

    private final CliContext ctx;

    @Mixin
    VarOptions vars;
    @Mixin
    StateOptions stateOptions;

    @Parameters(index = "0", paramLabel = "FROM", description = "A resource address (instance, vswitch, VPC, VBR), "
            + "or ADDRESS:IP.")
    String from;

    @Parameters(index = "1", paramLabel = "TO", description = "A resource address, or ADDRESS:IP.")
    String to;

    @Option(names = "-port", paramLabel = "N", description = "The destination port (tcp and udp; implies tcp).")
    Integer port;

    @Option(names = "-protocol", paramLabel = "P", description = "tcp, udp, icmp or all (default: icmp, the "
            + "guide's ping; tcp with -port).")
    String protocol;

    @Option(names = "-plan", paramLabel = "FILE", description = "Predict from a saved plan instead of the live "
            + "cloud.")
    String plan;

    @Option(names = "-json", description = "The verdict as JSON.")
    boolean json;

    ReachCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        Session session = new Session(ctx, stateOptions.noColor);
        try (Operation op = new Operation(session)) {
            if (!op.open(vars.options, stateOptions, "OperationTypePlan", true)) {
                return ExitCode.ERROR;
            }
            Path planFile = plan == null ? null : ctx.workingDir().resolve(plan);
            ReachAnswer answer = op.run.reach(new ReachQuery(from, to, protocol, port, json, plan != null),
                    planFile, plan, op.diags);
            if (answer == null || op.diags.hasErrors()) {
                op.report();
                return ExitCode.ERROR;
            }
            // the refresh's warnings (deprecated resources, default credentials) are the plan's business, not this
            ctx.out().print(answer.text());
            if (!answer.text().endsWith("\n")) {
                ctx.out().println();
            }
            ctx.out().flush();
            return answer.reachable() ? ExitCode.OK : NOT_REACHABLE;
        }
    }
}

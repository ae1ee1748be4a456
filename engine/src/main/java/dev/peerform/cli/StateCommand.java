package dev.peerform.cli;

import dev.peerform.diag.Diagnostics;
import dev.peerform.graph.InstanceAddress;
import dev.peerform.graph.InstanceKey;
import dev.peerform.plan.ProviderSet;
import dev.peerform.render.Values;
import dev.peerform.spi.ResourceType;
import dev.peerform.states.AttributeCodec;
import dev.peerform.states.Backend;
import dev.peerform.states.InstanceState;
import dev.peerform.states.State;
import dev.peerform.states.StateCodec;
import dev.peerform.states.StateStore;
import dev.peerform.value.ObjectValue;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code state list|show|pull|rm|mv}: read and carefully edit the state, under its lock. */
@Command(name = "state", description = "Advanced state management")
final class StateCommand implements Callable<Integer> {

    private final CliContext ctx;

    StateCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        ctx.err().println("Usage: peerform state <list|show|pull|rm|mv> [options] [args]");
        return ExitCode.ERROR;
    }

    static StateStore backend(CliContext ctx, Diagnostics diags) {
        Session s = new Session(ctx, true);
        return s.workspace.backend(new dev.peerform.config.ModuleLoader(ctx.workingDir()).load(diags), diags)
                .workspace(Backend.DEFAULT_WORKSPACE);
    }

    @Command(name = "list", description = "List resources in the state")
    static final class ListCmd implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(arity = "0..*", paramLabel = "ADDRESS")
        List<String> filters = List.of();

        ListCmd(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            State state = backend(ctx, new Diagnostics()).read();
            for (State.Resource r : state.resources().values()) {
                for (InstanceKey k : r.instances.keySet()) {
                    String a = r.address.toString() + k;
                    if (filters.isEmpty() || filters.stream().anyMatch(f -> a.equals(f) || a.startsWith(f + "[")
                            || a.startsWith(f + "."))) {
                        ctx.out().println(a);
                    }
                }
            }
            ctx.out().flush();
            return ExitCode.OK;
        }
    }

    @Command(name = "show", description = "Show a resource in the state")
    static final class ShowCmd implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(paramLabel = "ADDRESS")
        String address;

        ShowCmd(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            Session session = new Session(ctx, true);
            State state = backend(ctx, new Diagnostics()).read();
            InstanceAddress a;
            try {
                a = InstanceAddress.parse(address);
            } catch (IllegalArgumentException e) {
                session.error("Invalid address", e.getMessage());
                return ExitCode.ERROR;
            }
            InstanceState is = state.instance(a);
            if (is == null) {
                session.error("No instance found for the given address", "The state has no resource instance "
                        + a + ". Use `peerform state list` to see what it has.");
                return ExitCode.ERROR;
            }
            ResourceType type = ProviderSet.available(Map.of()).resourceType(a.resource().type());
            ctx.out().println("# " + a + ":");
            ctx.out().println("resource \"" + a.resource().type() + "\" \"" + a.resource().name() + "\" {");
            if (type != null) {
                ObjectValue v = AttributeCodec.decode(is.attributes(), type.schema());
                int width = v.attributes().entrySet().stream().filter(e -> !e.getValue().isNull())
                        .mapToInt(e -> e.getKey().length()).max().orElse(0);
                v.attributes().forEach((k, x) -> {
                    if (!x.isNull()) {
                        List<String> lines = Values.hcl(x);
                        ctx.out().println("    " + k + " ".repeat(width - k.length()) + " = " + lines.get(0));
                        lines.subList(1, lines.size()).forEach(l -> ctx.out().println("    " + l));
                    }
                });
            }
            ctx.out().println("}");
            ctx.out().flush();
            return ExitCode.OK;
        }
    }

    @Command(name = "pull", description = "Print the state as JSON")
    static final class PullCmd implements Callable<Integer> {
        private final CliContext ctx;

        PullCmd(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            State state = backend(ctx, new Diagnostics()).read();
            ctx.out().println(StateCodec.JSON.writeValueAsString(StateCodec.encode(state)));
            ctx.out().flush();
            return ExitCode.OK;
        }
    }

    @Command(name = "rm", description = "Remove instances from the state (the objects themselves stay)")
    static final class RmCmd implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(arity = "1..*", paramLabel = "ADDRESS")
        List<String> addresses;

        @Option(names = "-dry-run", description = "Only print what would be removed.")
        boolean dryRun;

        RmCmd(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            Session session = new Session(ctx, true);
            StateStore backend = backend(ctx, new Diagnostics());
            try (StateStore.Lock lock = backend.lock("OperationTypeStateRm", Duration.ZERO)) {
                State state = backend.read();
                int removed = 0;
                for (String text : addresses) {
                    InstanceAddress a = InstanceAddress.parse(text);
                    if (state.instance(a) == null) {
                        session.error("Invalid target address", "No matching objects found for " + text + ".");
                        return ExitCode.ERROR;
                    }
                    ctx.out().println((dryRun ? "Would remove " : "Removed ") + a);
                    if (!dryRun) {
                        state.remove(a);
                        removed++;
                    }
                }
                if (!dryRun) {
                    state.bumpSerial();
                    backend.write(state);
                    ctx.out().println("Successfully removed " + removed + " resource instance(s).");
                }
            } catch (dev.peerform.states.StateLockedException e) {
                session.error("Error acquiring the state lock", e.getMessage());
                return ExitCode.ERROR;
            }
            ctx.out().flush();
            return ExitCode.OK;
        }
    }

    @Command(name = "mv", description = "Move an instance to another address in the state")
    static final class MvCmd implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(index = "0", paramLabel = "SOURCE")
        String source;

        @Parameters(index = "1", paramLabel = "DESTINATION")
        String destination;

        MvCmd(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            Session session = new Session(ctx, true);
            StateStore backend = backend(ctx, new Diagnostics());
            try (StateStore.Lock lock = backend.lock("OperationTypeStateMv", Duration.ZERO)) {
                State state = backend.read();
                InstanceAddress from = InstanceAddress.parse(source);
                InstanceAddress to = InstanceAddress.parse(destination);
                InstanceState is = state.instance(from);
                if (is == null) {
                    session.error("Invalid source address", "No matching objects found for " + source + ".");
                    return ExitCode.ERROR;
                }
                if (state.instance(to) != null) {
                    session.error("Invalid destination address", destination + " already exists in the state.");
                    return ExitCode.ERROR;
                }
                if (!from.resource().type().equals(to.resource().type())) {
                    session.error("Invalid state move request", "Cannot move " + source + " to " + destination
                            + ": resource types do not match.");
                    return ExitCode.ERROR;
                }
                String provider = state.resource(from.resource()).provider;
                state.remove(from);
                state.put(to, provider, is);
                state.bumpSerial();
                backend.write(state);
                ctx.out().println("Move \"" + from + "\" to \"" + to + "\"\nSuccessfully moved 1 object(s).");
            } catch (dev.peerform.states.StateLockedException e) {
                session.error("Error acquiring the state lock", e.getMessage());
                return ExitCode.ERROR;
            }
            ctx.out().flush();
            return ExitCode.OK;
        }
    }
}

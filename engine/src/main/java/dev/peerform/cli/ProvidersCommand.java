package dev.peerform.cli;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.peerform.diag.Diagnostics;
import dev.peerform.json.TerraformJson;
import dev.peerform.workspace.ProviderRequirements;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code providers}: the tree of provider requirements, module by module, then the providers the state uses, as
 * Terraform prints them; {@code providers schema -json}: every needed provider's schemas in Terraform's JSON.
 */
@Command(name = "providers", description = "Show the providers required for this configuration")
final class ProvidersCommand implements Callable<Integer> {

    private final CliContext ctx;

    ProvidersCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        Session session = new Session(ctx, true);
        Diagnostics diags = new Diagnostics();
        ProviderRequirements.Node root = session.workspace.providerRequirements(diags);
        if (session.report(diags)) {
            return ExitCode.ERROR;
        }
        StringBuilder out = new StringBuilder("\nProviders required by configuration:\n.\n");
        tree(root, "", out);
        Set<String> inState = session.workspace.stateProviders();
        if (!inState.isEmpty()) {
            out.append("\nProviders required by state:\n\n");
            inState.forEach(p -> out.append("    provider[").append(p).append("]\n\n"));
        }
        ctx.out().print(out);
        ctx.out().flush();
        return ExitCode.OK;
    }

    /** Terraform's tree: providers first, then child modules, with ├── └── │ connectors. */
    private static void tree(ProviderRequirements.Node node, String indent, StringBuilder out) {
        int total = node.providers().size() + node.children().size();
        int i = 0;
        for (ProviderRequirements.Requirement r : node.providers()) {
            boolean last = ++i == total;
            out.append(indent).append(last ? "└── " : "├── ").append("provider[").append(r.address()).append(']');
            if (!r.constraint().isEmpty()) {
                out.append(' ').append(r.constraint());
            }
            out.append('\n');
        }
        List<ProviderRequirements.Node> children = node.children();
        for (ProviderRequirements.Node child : children) {
            boolean last = ++i == total;
            out.append(indent).append(last ? "└── " : "├── ").append(child.name()).append('\n');
            tree(child, indent + (last ? "    " : "│   "), out);
        }
    }

    @Command(name = "schema", description = "Show schemas for the providers used in the configuration")
    static final class Schema implements Callable<Integer> {
        private final CliContext ctx;

        @Option(names = "-json", description = "Print the schemas as JSON (required).")
        boolean json;

        Schema(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            Session session = new Session(ctx, true);
            if (!json) {
                session.error("The `peerform providers schema` command requires the `-json` flag.",
                        "Usage: peerform [global options] providers schema -json");
                return ExitCode.ERROR;
            }
            Diagnostics diags = new Diagnostics();
            ObjectNode schemas = session.workspace.providerSchemas(diags);
            if (session.report(diags)) {
                return ExitCode.ERROR;
            }
            ctx.out().println(TerraformJson.MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(schemas));
            ctx.out().flush();
            return ExitCode.OK;
        }
    }
}

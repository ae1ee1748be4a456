package dev.peerform.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.peerform.diag.Diagnostics;
import dev.peerform.json.TerraformJson;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code validate}: the configuration, its expressions and every rule a provider can check without reaching the
 * cloud, with no state and no credentials.
 */
@Command(name = "validate", description = "Check whether the configuration is valid")
final class ValidateCommand implements Callable<Integer> {

    private final CliContext ctx;

    @Option(names = "-json", description = "Produce output in a machine-readable JSON format.")
    boolean json;

    @Option(names = "-no-color", description = "If specified, output won't contain any color.")
    boolean noColor;

    ValidateCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        PhaseTrace trace = PhaseTrace.of(ctx.env());
        try {
            return validate(trace);
        } finally {
            trace.print(ctx.err());
        }
    }

    private Integer validate(PhaseTrace trace) throws Exception {
        Session session = new Session(ctx, noColor);
        Diagnostics diags = session.workspace.validate();
        trace.mark("validate");
        if (json) {
            ObjectNode root = JsonNodeFactory.instance.objectNode();
            root.put("format_version", "1.0");
            root.put("valid", !diags.hasErrors());
            root.put("error_count", diags.errors().size());
            root.put("warning_count", diags.size() - diags.errors().size());
            ArrayNode list = root.putArray("diagnostics");
            diags.list().forEach(d -> list.add(JsonLines.diagnosticBody(d)));
            ctx.out().println(TerraformJson.MAPPER.writeValueAsString(root));
            ctx.out().flush();
            return diags.hasErrors() ? ExitCode.ERROR : ExitCode.OK;
        }
        if (session.report(diags)) {
            return ExitCode.ERROR;
        }
        ctx.out().println("Success! The configuration is valid.\n");
        ctx.out().flush();
        return ExitCode.OK;
    }
}

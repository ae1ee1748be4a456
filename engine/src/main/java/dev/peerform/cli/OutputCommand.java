package dev.peerform.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.peerform.diag.Diagnostics;
import dev.peerform.json.TerraformJson;
import dev.peerform.lang.ValueJson;
import dev.peerform.render.Values;
import dev.peerform.value.Value;
import dev.peerform.workspace.StoredOutput;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "output", description = "Show output values from your root module")
final class OutputCommand implements Callable<Integer> {

    private final CliContext ctx;

    @Option(names = "-json", description = "Print output values as JSON.")
    boolean json;

    @Option(names = "-raw", description = "Print a single string, number or bool output value as it is.")
    boolean raw;

    @Option(names = "-no-color", description = "If specified, output won't contain any color.")
    boolean noColor;

    @Option(names = "-state", description = "Path to the state file (default: the backend's).")
    String statePath;

    @Parameters(arity = "0..1", paramLabel = "NAME")
    String name;

    OutputCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        Session session = new Session(ctx, noColor);
        if (json && raw) {
            session.error("Invalid output format", "The -raw and -json options are mutually-exclusive.");
            return ExitCode.ERROR;
        }
        if (raw && name == null) {
            session.error("Output name required", "You must give the name of a single output value when using "
                    + "the -raw option.");
            return ExitCode.ERROR;
        }
        Map<String, StoredOutput> outputs = new LinkedHashMap<>(session.workspace.outputs(statePath));
        // Terraform keeps no null output in its state: it is neither listed nor found by name
        outputs.values().removeIf(o -> o.value() != null && o.value().isNull() && !o.sensitive());
        if (outputs.isEmpty() && !json) {
            noOutputsFound(session);
            return ExitCode.OK;
        }
        if (name != null) {
            StoredOutput o = outputs.get(name);
            if (o == null) {
                session.error("Output \"" + name + "\" not found", "The output variable requested could not be found "
                        + "in the state file. If you recently added this to your configuration, be sure to run "
                        + "`peerform apply`, since the state won't be updated with new output variables until that "
                        + "command is run.");
                return ExitCode.ERROR;
            }
            // as Terraform: an output asked for by name is printed even when sensitive (plain, -raw or -json)
            if (raw) {
                JsonNode v = o.value();
                if (v == null || v.isContainerNode()) {
                    session.error("Unsupported value for raw output", "The -raw option only supports strings, "
                            + "numbers, and boolean values, but output value \"" + name + "\" is not one.");
                    return ExitCode.ERROR;
                }
                ctx.out().print(v.asText());
            } else if (json) {
                ctx.out().println(TerraformJson.MAPPER.writeValueAsString(o.value()));
            } else {
                ctx.out().println(render(o));
            }
            ctx.out().flush();
            return ExitCode.OK;
        }
        if (json) {
            ObjectNode all = JsonNodeFactory.instance.objectNode();
            outputs.forEach((k, o) -> {
                ObjectNode n = all.putObject(k);
                n.put("sensitive", o.sensitive());
                n.set("type", o.type());
                n.set("value", o.value()); // Terraform's -json holds sensitive values too, marked
            });
            ctx.out().println(TerraformJson.MAPPER.writeValueAsString(all));
        } else {
            outputs.forEach((k, o) -> ctx.out().println(k + " = " + (o.sensitive() ? "<sensitive>" : render(o))));
        }
        ctx.out().flush();
        return ExitCode.OK;
    }

    private static void noOutputsFound(Session session) {
        session.report(new Diagnostics().warning("No outputs found", "The state file either has no outputs "
                + "defined, or all the defined outputs are empty. Please define an output in your configuration "
                + "with the `output` keyword and run `peerform refresh` for it to become available. If you are "
                + "using interpolation, please verify the interpolated value is not empty. You can use the "
                + "`peerform console` command to assist.", null));
    }

    static String render(StoredOutput o) {
        Value v = ValueJson.value(o.value(), ValueJson.parseType(o.type()));
        return Values.output(v);
    }

    /** The "Outputs:" section after apply. */
    static void printAll(PrintWriter out, Map<String, StoredOutput> outputs) {
        if (outputs == null || outputs.isEmpty()) {
            return;
        }
        out.println("\nOutputs:\n");
        outputs.forEach((k, o) -> out.println(k + " = " + (o.sensitive() ? "<sensitive>" : render(o))));
    }
}

package dev.peerform.cli;

import dev.peerform.config.VariableValues;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code -var} and {@code -var-file}, kept in the order given: later ones win, as in Terraform. */
final class VarOptions {

    final List<VariableValues.CliOption> options = new ArrayList<>();

    @Option(names = "-var", paramLabel = "NAME=VALUE", description = "Set a value for one of the input variables.")
    void var(String assignment) {
        options.add(new VariableValues.CliOption.Var(assignment));
    }

    /**
     * The options, and with {@code input} a prompt on stdin for each required variable still unset (as Terraform
     * asks, on a terminal or not; -input=false turns it off).
     */
    List<VariableValues.CliOption> withPrompt(CliContext ctx, boolean input) {
        if (!input) {
            return options;
        }
        List<VariableValues.CliOption> all = new ArrayList<>(options);
        all.add(new VariableValues.CliOption.Prompt(variable -> {
            ctx.out().print("var." + variable.name() + "\n"
                    + (variable.description() == null || variable.description().isEmpty() ? ""
                    : "  " + variable.description() + "\n\n") + "  Enter a value: ");
            ctx.out().flush();
            try {
                String answer = ctx.in().readLine();
                ctx.out().println();
                return answer;
            } catch (IOException e) {
                return null;
            }
        }));
        return all;
    }

    @Option(names = "-var-file", paramLabel = "FILE", description = "Load variable values from the given file.")
    void varFile(String path) {
        options.add(new VariableValues.CliOption.VarFile(path));
    }
}

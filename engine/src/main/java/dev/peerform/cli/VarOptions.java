package dev.peerform.cli;

import dev.peerform.config.VariableValues;
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

    @Option(names = "-var-file", paramLabel = "FILE", description = "Load variable values from the given file.")
    void varFile(String path) {
        options.add(new VariableValues.CliOption.VarFile(path));
    }
}

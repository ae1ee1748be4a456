package dev.peerform.config;

import dev.peerform.syntax.ConfigFile;
import dev.peerform.syntax.Expr;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One module: every {@code *.tf} file of a directory merged. Maps are keyed by name (resources by their address
 * within the module) and keep source order. {@code children} holds the modules its {@code module} blocks call;
 * {@code moved} and {@code removed} are its refactoring blocks, in source order.
 */
public record Module(Path dir, List<ConfigFile> files, Map<String, String> requiredProviders, Backend backend,
        Map<String, ProviderConfig> providers, Map<String, Variable> variables, Map<String, Expr> locals,
        Map<String, Resource> resources, Map<String, Output> outputs, Map<String, ModuleCall> moduleCalls,
        Map<String, Module> children, List<Moved> moved, List<Removed> removed, List<Check> checks,
        List<Import> imports) {

    /** The source text of a file of this module, for diagnostics that quote a line. */
    public String source(String filename) {
        for (ConfigFile f : files) {
            if (f.filename().equals(filename)) {
                return f.source();
            }
        }
        return null;
    }
}

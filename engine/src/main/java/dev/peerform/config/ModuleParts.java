package dev.peerform.config;

import dev.peerform.diag.SourceRange;
import dev.peerform.syntax.ConfigFile;
import dev.peerform.syntax.Expr;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the decoders have found so far in one module's files, in the order written, for duplicate checks. */
final class ModuleParts {
    final Map<String, String> requiredProviders = new LinkedHashMap<>();
    Backend backend;
    final Map<String, ProviderConfig> providers = new LinkedHashMap<>();
    final Map<String, Variable> variables = new LinkedHashMap<>();
    final Map<String, Expr> locals = new LinkedHashMap<>();
    final Map<String, SourceRange> localRanges = new HashMap<>();
    final Map<String, Resource> resources = new LinkedHashMap<>();
    final Map<String, Output> outputs = new LinkedHashMap<>();
    final Map<String, ModuleCall> moduleCalls = new LinkedHashMap<>();
    final List<Moved> moved = new ArrayList<>();
    final List<Removed> removed = new ArrayList<>();
    final List<Check> checks = new ArrayList<>();
    final List<Import> imports = new ArrayList<>();

    Module toModule(Path dir, List<ConfigFile> files, Map<String, Module> children) {
        return new Module(dir, files, requiredProviders, backend, providers, variables, locals, resources, outputs,
                moduleCalls, children, List.copyOf(moved), List.copyOf(removed), List.copyOf(checks), List.copyOf(imports));
    }
}

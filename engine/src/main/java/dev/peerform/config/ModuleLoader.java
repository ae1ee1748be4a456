package dev.peerform.config;

import dev.peerform.diag.Diagnostics;
import dev.peerform.lang.Evaluator;
import dev.peerform.lang.Functions;
import dev.peerform.lang.Scope;
import dev.peerform.syntax.Attribute;
import dev.peerform.syntax.Block;
import dev.peerform.syntax.ConfigFile;
import dev.peerform.syntax.Parser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads a directory of {@code *.tf} files into a {@link Module}, and the local modules it calls. Each kind of
 * top-level block has its decoder; this class reads the files, hands each block to its decoder and loads the
 * called modules. Every problem is a diagnostic naming the file, line and column; a module with errors is still
 * returned, as complete as it could be made, so that one run reports every mistake.
 */
public final class ModuleLoader {

    /** The blocks Terraform knows but peerform does not handle yet: accepted with a warning. */
    private static final Set<String> NOT_YET = Set.of();

    private final Path root;
    private final Evaluator constants;

    public ModuleLoader(Path root) {
        this.root = root;
        this.constants = new Evaluator(Scope.EMPTY, Functions.standard(), root);
    }

    /** Loads the root module and, recursively, the local modules it calls. */
    public Module load(Diagnostics diags) {
        return load(root, new HashSet<>(), diags);
    }

    private Module load(Path dir, Set<Path> loading, Diagnostics diags) {
        List<ConfigFile> files = parseFiles(dir, diags);
        Map<String, BlockDecoder> decoders = decoders(diags);
        ModuleParts parts = new ModuleParts();
        for (ConfigFile f : files) {
            decode(f, decoders, parts, diags);
        }
        LocalCycles.report(parts.locals, parts.localRanges, diags);
        Map<String, Module> children = new LinkedHashMap<>();
        loading.add(dir.toAbsolutePath().normalize());
        for (ModuleCall call : parts.moduleCalls.values()) {
            if (call.source() == null) {
                continue;
            }
            Path childDir = dir.resolve(call.source()).normalize();
            if (loading.contains(childDir.toAbsolutePath().normalize())) {
                diags.error("Module calls itself", "Module \"" + call.name() + "\" calls " + call.source()
                        + ", which is already being loaded: modules may not call themselves.", call.range());
                continue;
            }
            if (!Files.isDirectory(childDir)) {
                diags.error("Unreadable module directory", "The directory " + call.source() + " of module \""
                        + call.name() + "\" does not exist.", call.range());
                continue;
            }
            children.put(call.name(), load(childDir, loading, diags));
        }
        loading.remove(dir.toAbsolutePath().normalize());
        return parts.toModule(dir, files, children);
    }

    private Map<String, BlockDecoder> decoders(Diagnostics diags) {
        Map<String, BlockDecoder> decoders = new LinkedHashMap<>();
        decoders.put("terraform", new TerraformDecoder(diags, constants));
        decoders.put("provider", new ProviderDecoder(diags, constants));
        decoders.put("variable", new VariableDecoder(diags, constants));
        decoders.put("locals", new LocalsDecoder(diags, constants));
        decoders.put("resource", new ResourceDecoder(diags, constants, Resource.Mode.MANAGED));
        decoders.put("data", new ResourceDecoder(diags, constants, Resource.Mode.DATA));
        decoders.put("output", new OutputDecoder(diags, constants));
        decoders.put("module", new ModuleCallDecoder(diags, constants));
        decoders.put("moved", new MovedDecoder(diags, constants));
        decoders.put("removed", new RemovedDecoder(diags, constants));
        decoders.put("check", new CheckDecoder(diags, constants));
        decoders.put("import", new ImportDecoder(diags, constants));
        return decoders;
    }

    private List<ConfigFile> parseFiles(Path dir, Diagnostics diags) {
        List<Path> paths;
        try (Stream<Path> s = Files.list(dir)) {
            paths = s.filter(p -> p.getFileName().toString().endsWith(".tf") && Files.isRegularFile(p)).sorted()
                    .toList();
        } catch (IOException e) {
            diags.error("Failed to read module directory", "Module directory " + dir + " does not exist or cannot "
                    + "be read.", null);
            paths = List.of();
        }
        List<ConfigFile> files = new ArrayList<>();
        for (Path p : paths) {
            String name = displayName(p);
            try {
                String text = new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
                files.add(Parser.parseFile(name, text, diags));
            } catch (IOException e) {
                diags.error("Failed to read file", "The file " + name + " could not be read: " + e.getMessage(), null);
            }
        }
        return files;
    }

    private static void decode(ConfigFile f, Map<String, BlockDecoder> decoders, ModuleParts parts,
            Diagnostics diags) {
        for (Attribute a : f.body().attributes()) {
            diags.error("Unsupported argument", "An argument named \"" + a.name() + "\" is not expected here: "
                    + "the top level of a configuration holds only blocks.", a.nameRange());
        }
        for (Block block : f.body().blocks()) {
            BlockDecoder decoder = decoders.get(block.type());
            if (decoder != null) {
                decoder.decode(block, parts);
            } else if (NOT_YET.contains(block.type())) {
                diags.warning("Block type not yet supported", "peerform does not support \"" + block.type()
                        + "\" blocks yet; this one is ignored.", block.typeRange());
            } else {
                Set<String> known = new HashSet<>(decoders.keySet());
                known.addAll(NOT_YET);
                diags.error("Unsupported block type", "Blocks of type \"" + block.type() + "\" are not expected "
                        + "here." + BodyCheck.suggest(block.type(), known), block.typeRange());
            }
        }
    }

    private String displayName(Path p) {
        Path rel = root.toAbsolutePath().normalize().relativize(p.toAbsolutePath().normalize());
        return rel.toString().replace('\\', '/');
    }
}

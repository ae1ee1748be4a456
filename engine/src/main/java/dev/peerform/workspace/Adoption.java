package dev.peerform.workspace;

import dev.peerform.diag.Diagnostics;
import dev.peerform.providers.ProviderSet;
import dev.peerform.render.hcl.BlockNames;
import dev.peerform.render.hcl.ConfigWriter;
import dev.peerform.render.hcl.KnownObject;
import dev.peerform.render.hcl.Style;
import dev.peerform.render.hcl.WrittenBlock;
import dev.peerform.spi.ConfiguredProvider;
import dev.peerform.spi.Discovered;
import dev.peerform.spi.Discovery;
import dev.peerform.spi.Unadoptable;
import dev.peerform.value.StringValue;
import dev.peerform.value.Value;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code adopt}: what every provider configuration of the directory finds in its account and region, written as
 * one configuration of resource blocks and the import blocks that take them over. An object that the state
 * already manages, or that another configuration (alias) of the same account found first, is written once or not
 * at all.
 */
public final class Adoption {

    /** The configuration written, the blocks in it, what could not be adopted and what is already managed. */
    public record Result(String text, List<WrittenBlock> blocks, List<Unadoptable> unadoptable,
            List<String> alreadyManaged) {
    }

    private Adoption() {
    }

    static Result of(Workspace.Loaded loaded, List<KnownObject> managed, Set<String> regions, Diagnostics diags) {
        ProviderSet providers = loaded.providers();
        Map<String, String> managedIds = new LinkedHashMap<>();
        for (KnownObject k : managed) {
            String id = id(k.values().get("id"));
            if (id != null) {
                managedIds.putIfAbsent(k.type() + " " + id, k.address());
            }
        }
        BlockNames names = new BlockNames();
        loaded.module().resources().values().forEach(r -> names.reserve(r.type(), r.name()));
        List<WrittenBlock> blocks = new ArrayList<>();
        List<Unadoptable> unadoptable = new ArrayList<>();
        List<String> already = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        boolean anyDiscovered = false;
        Set<String> regionsSeen = new HashSet<>();
        // the directory's provider blocks: a provider only implied by a resource type names no account to adopt
        Set<String> declared = loaded.module().providers().keySet();
        for (Map.Entry<String, ConfiguredProvider> e : providers.allConfigured().entrySet()) {
            if (!declared.isEmpty() && !declared.contains(e.getKey())) {
                continue;
            }
            Discovery d = e.getValue().discover(regions, diags);
            if (d == null) {
                continue;
            }
            anyDiscovered = true;
            regionsSeen.add(d.region());
            for (Discovered o : d.found()) {
                if (!seen.add(o.type() + " " + o.importId())) {
                    continue;
                }
                String owner = managedIds.get(o.type() + " " + id(o.state().get("id")));
                if (owner != null) {
                    already.add(owner);
                    continue;
                }
                blocks.add(new WrittenBlock(o.type(), names.name(o.type(), o.name()), e.getKey(), o.importId(),
                        providers.resourceType(o.type()).schema(), o.state(), providers.argumentsNotWritten(
                                o.type())));
            }
            unadoptable.addAll(d.unadoptable());
        }
        if (!anyDiscovered && !diags.hasErrors()) {
            diags.error("Nothing to adopt from", "No provider configuration of this directory can list what its "
                    + "account has. Add a provider block (with its region and credentials) for each account and "
                    + "region to adopt.", null);
        }
        for (String r : regions) {
            if (anyDiscovered && !regionsSeen.contains(r)) {
                diags.warning("No provider configuration in " + r, "-region=" + r + " names a region that no "
                        + "provider block of this directory is configured for, so nothing of it was adopted. Add a "
                        + "provider block (with an alias) for it.", null);
            }
        }
        ConfigWriter writer = new ConfigWriter(Style.AS_WRITTEN, providers.references(), blocks, managed);
        StringBuilder b = new StringBuilder("# Written by peerform adopt: what the accounts of this directory's "
                + "provider configurations\n# have, with the import blocks that bring it under management. Review "
                + "it, then run plan.\n");
        for (WrittenBlock w : blocks) {
            b.append('\n').append(ConfigWriter.importBlock(w)).append('\n').append(writer.resource(w, null));
        }
        return new Result(ConfigWriter.formatted(b.toString()), blocks, unadoptable, already);
    }

    private static String id(Value v) {
        return v != null && v.isKnown() && v.unmarked() instanceof StringValue s ? s.value() : null;
    }
}

package dev.peerform.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.peerform.apply.Applier;
import dev.peerform.apply.ApplyListener;
import dev.peerform.apply.Interrupt;
import dev.peerform.apply.RetryPolicy;
import dev.peerform.builtin.TerraformProvider;
import dev.peerform.diag.Diagnostics;
import dev.peerform.planner.Planner;
import dev.peerform.plans.Plan;
import dev.peerform.providers.ProviderSet;
import dev.peerform.states.Backend;
import dev.peerform.states.State;
import dev.peerform.workspace.Workspace;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A workspace on an in-memory file system with the test cloud and the built-in terraform provider. */
final class EngineFixture {

    final FileSystem fs = Jimfs.newFileSystem(Configuration.unix().toBuilder()
            .setAttributeViews("basic", "owner", "posix", "unix").build());
    final Path dir = fs.getPath("/work");
    final TestCloud cloud = new TestCloud();
    final Workspace workspace;
    int parallelism = 10;
    /** How often a step still running is reported (the CLI's is 10 s). */
    Duration stillEvery = Duration.ofSeconds(10);

    EngineFixture() throws Exception {
        Files.createDirectories(dir);
        workspace = new Workspace(dir, Map.of(), Clock.systemUTC(), "test",
                ProviderSet.of(List.of(cloud, new TerraformProvider()), Map.of()));
    }

    void config(String text) throws Exception {
        Files.writeString(dir.resolve("main.tf"), text);
    }

    record Run(Plan plan, Applier.Result result, Diagnostics diags) {
    }

    Planner.Result plan(Planner.Options options, Diagnostics diags) throws Exception {
        Workspace.Loaded l = workspace.load(List.of(), true, diags);
        if (l == null) {
            return null;
        }
        State state = workspace.readState(l, diags);
        return workspace.plan(l, state, options, diags);
    }

    Run apply(Planner.Options options, Interrupt interrupt, ApplyListener listener) throws Exception {
        Diagnostics diags = new Diagnostics();
        Workspace.Loaded l = workspace.load(List.of(), true, diags);
        State state = workspace.readState(l, diags);
        Planner.Result p = workspace.plan(l, state, options, diags);
        if (diags.hasErrors()) {
            return new Run(p.plan(), null, diags);
        }
        Applier.Options o = new Applier.Options(parallelism, Duration.ofMinutes(1),
                new RetryPolicy(5, Duration.ofMillis(1), Duration.ofMillis(5)), Clock.systemUTC(), 42,
                stillEvery);
        Applier.Result r = workspace.apply(l, p.plan(), p.refreshed(), o, listener, interrupt, diags);
        return new Run(p.plan(), r, diags);
    }

    Run apply() throws Exception {
        Run r = apply(Planner.Options.DEFAULT, new Interrupt(), ApplyListener.NONE);
        assertFalse(r.diags().hasErrors(), r.diags().toString());
        return r;
    }

    State state() throws Exception {
        return workspace.backend(new dev.peerform.config.ModuleLoader(dir).load(new Diagnostics()),
                new Diagnostics()).workspace(Backend.DEFAULT_WORKSPACE).read();
    }
}

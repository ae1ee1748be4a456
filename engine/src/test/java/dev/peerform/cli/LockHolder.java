package dev.peerform.cli;

import dev.peerform.addrs.InstanceAddress;
import dev.peerform.diag.Diagnostics;
import dev.peerform.states.InstanceState;
import dev.peerform.states.StateStore;
import dev.peerform.states.StepJournal;
import dev.peerform.states.StepRecord;
import dev.peerform.workspace.Locking;
import dev.peerform.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * A process holding a pg workspace's lock as a run holds it (for the tests that refuse, wait for and kill it):
 * locks through the engine, records the intent of a create, prints "locked" and sleeps.
 * Arguments: conn_str, workspace, seconds.
 */
final class LockHolder {

    private LockHolder() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("holder");
        Files.writeString(dir.resolve("main.tf"), "terraform {\n  backend \"pg\" {}\n}\n");
        Map<String, String> env = Map.of("PG_CONN_STR", args[0], "TF_WORKSPACE", args[1]);
        Workspace ws = new Workspace(dir, env, Clock.systemUTC(), "holder");
        CliRun init = CliRun.in(dir, env, "init", "-input=false");
        if (init.exitCode() != 0) {
            System.out.println(init.err());
            System.exit(1);
        }
        Workspace.Loaded loaded = ws.load(List.of(), false, new Diagnostics());
        System.setProperty("user.name", "holder");
        StateStore.Lock lock = loaded.store().lock("OperationTypeApply", Locking.NOW.timeout());
        // a step half-way: its intent and its result recorded, the state row not yet rewritten
        InstanceAddress peer = InstanceAddress.parse("terraform_data.peer[1]");
        InstanceState now = loaded.store().read().instance(peer);
        if (now != null) {
            String provider = "provider[\"terraform.io/builtin/terraform\"]";
            StepJournal journal = loaded.store().openJournal();
            journal.append(StepRecord.intent(peer.toString(), provider, "update", false, "token-1"));
            journal.append(StepRecord.result(peer.toString(), provider, "update", now.attributes(), now.sensitiveAttributes(),
                    now.dependencies(), false));
        }
        System.out.println("locked " + lock.info().id());
        System.out.flush();
        Thread.sleep(Long.parseLong(args[2]) * 1000);
        lock.close();
    }
}

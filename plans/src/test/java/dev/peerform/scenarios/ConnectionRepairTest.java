package dev.peerform.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Connections that a replacement suspends are brought back by the cloud's own call, not left to a deadline. */
class ConnectionRepairTest {

    @TempDir
    Path dir;

    @Test
    void replacingAConnectionResumesItsSuspendedInterfaceInsteadOfWaitingForTheDeadline() throws Exception {
        Scenario s = Scenario.example("vpc-peering-same-account", dir);
        assertEquals(0, s.run("apply", "-auto-approve").exitCode());
        int before = s.actions().size();
        Scenario.Run replace = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> s.run("apply",
                "-auto-approve", "-replace=alicloud_router_interface_connection.initiator"));
        assertEquals(0, replace.exitCode(), replace.out() + replace.err());
        var calls = s.actions().subList(before, s.actions().size());
        assertTrue(calls.indexOf("DeactivateRouterInterface") >= 0
                && calls.indexOf("DeactivateRouterInterface") < calls.indexOf("ActivateRouterInterface"), calls
                .toString());
        Scenario.Run clean = s.run("plan", "-detailed-exitcode");
        assertEquals(0, clean.exitCode(), clean.out());
    }
}

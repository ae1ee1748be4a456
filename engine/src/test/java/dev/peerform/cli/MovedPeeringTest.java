package dev.peerform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A moved block on a live peering in the embedded emulator: the rename reaches the state, never the cloud. */
class MovedPeeringTest {

    @TempDir
    Path dir;

    @Test
    void renamingAConnectionWithMovedTearsNothingDownAndCallsNoWriteApi() throws Exception {
        String config = Files.readString(Path.of("../examples/vpc-peering-same-account/main.tf"));
        Files.writeString(dir.resolve("main.tf"), config);
        CliRun created = CliRun.in(dir, "apply", "-auto-approve", "-no-color");
        assertEquals(0, created.exitCode(), created.out() + created.err());
        int callsBefore = calls().size();

        Files.writeString(dir.resolve("main.tf"), config.replace(
                "resource \"alicloud_router_interface_connection\" \"initiator\" {",
                "resource \"alicloud_router_interface_connection\" \"qingdao_side\" {")
                + "\nmoved {\n  from = alicloud_router_interface_connection.initiator\n"
                + "  to   = alicloud_router_interface_connection.qingdao_side\n}\n");
        CliRun plan = CliRun.in(dir, "plan", "-no-color", "-detailed-exitcode");
        assertEquals(2, plan.exitCode(), plan.out() + plan.err()); // a move is a change to apply, as in Terraform
        assertTrue(plan.out().contains("# alicloud_router_interface_connection.initiator has moved to "
                + "alicloud_router_interface_connection.qingdao_side"), plan.out());
        assertTrue(plan.out().contains("Plan: 0 to add, 0 to change, 0 to destroy."), plan.out());

        CliRun apply = CliRun.in(dir, "apply", "-auto-approve", "-no-color");
        assertEquals(0, apply.exitCode(), apply.out() + apply.err());
        List<String> writes = new ArrayList<>();
        for (String action : calls().subList(callsBefore, calls().size())) {
            if (!action.startsWith("Describe")) {
                writes.add(action);
            }
        }
        assertEquals(List.of(), writes, "the cloud saw only reads");
        CliRun list = CliRun.in(dir, "state", "list");
        assertTrue(list.out().contains("alicloud_router_interface_connection.qingdao_side\n"), list.out());
        assertTrue(!list.out().contains("alicloud_router_interface_connection.initiator\n"), list.out());
        CliRun again = CliRun.in(dir, "plan", "-no-color", "-detailed-exitcode");
        assertEquals(0, again.exitCode(), again.out() + again.err());
    }

    private List<String> calls() throws Exception {
        CliRun log = CliRun.in(dir, "emulator", "log", "--json");
        List<String> out = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : log.out().split("\n")) {
            if (!line.isBlank()) {
                out.add(json.readTree(line).get("action").asText());
            }
        }
        return out;
    }
}

package dev.peerform.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The emulator's call log ({@code .peerform/cloud.log.jsonl}), one JSON object per call: action and result. */
final class CallLog {

    record Call(String account, String action, String result, List<String> ids) {
        boolean refused() {
            return !"OK".equals(result);
        }

        boolean injectedFault() {
            return "Throttling.User".equals(result) || "ServiceUnavailable".equals(result);
        }

        @Override
        public String toString() {
            return action + " " + ids + " -> " + result;
        }
    }

    private CallLog() {
    }

    static Path file(Path dir) {
        return dir.resolve(".peerform/cloud.log.jsonl");
    }

    static List<Call> read(Path dir) throws IOException {
        List<Call> calls = new ArrayList<>();
        Path f = file(dir);
        if (!Files.exists(f)) {
            return calls;
        }
        for (String line : Files.readAllLines(f)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = Audit.JSON.readTree(line);
            List<String> ids = new ArrayList<>();
            n.path("ids").forEach(i -> ids.add(i.asText()));
            calls.add(new Call(n.path("account").asText(), n.path("action").asText(), n.path("result").asText(),
                    ids));
        }
        return calls;
    }
}

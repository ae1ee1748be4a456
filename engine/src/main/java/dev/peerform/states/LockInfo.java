package dev.peerform.states;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.peerform.json.TerraformJson;

/**
 * Who holds the state lock, as Terraform records it: ID, operation, who, version, created, path. {@code problem}
 * is set when the lock file exists but cannot be read (empty, not JSON): then only {@code id} and {@code path} mean
 * something, and the ID is derived from the file's content so that {@code force-unlock} removes that file only.
 */
public record LockInfo(String id, String operation, String who, String version, String created, String path,
        long pid, String host, String problem) {

    public LockInfo(String id, String operation, String who, String version, String created, String path, long pid,
            String host) {
        this(id, operation, who, version, created, path, pid, host, null);
    }

    static LockInfo unreadable(String id, String path, String problem) {
        return new LockInfo(id, "", "", "", "", path, -1, "", problem);
    }

    public boolean unreadable() {
        return problem != null;
    }

    ObjectNode toJson() {
        ObjectNode o = TerraformJson.MAPPER.createObjectNode();
        o.put("ID", id).put("Operation", operation).put("Info", "").put("Who", who).put("Version", version)
                .put("Created", created).put("Path", path).put("Pid", pid).put("Host", host);
        return o;
    }

    static LockInfo fromJson(ObjectNode o) {
        return new LockInfo(o.path("ID").asText(), o.path("Operation").asText(), o.path("Who").asText(),
                o.path("Version").asText(), o.path("Created").asText(), o.path("Path").asText(),
                o.path("Pid").asLong(-1), o.path("Host").asText(""));
    }

    /** The lines Terraform prints under "Lock Info:". */
    public String describe() {
        if (unreadable()) {
            return "  ID:        " + id + "\n  Path:      " + path + "\n  Problem:   " + problem;
        }
        return "  ID:        " + id + "\n  Path:      " + path + "\n  Operation: " + operation + "\n  Who:       "
                + who + "\n  Version:   " + version + "\n  Created:   " + created;
    }
}

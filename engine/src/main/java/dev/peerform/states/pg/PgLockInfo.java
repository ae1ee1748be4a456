package dev.peerform.states.pg;

import java.time.Instant;
import java.util.Objects;

/**
 * Terraform's lock info (statemgr.LockInfo): what a lock holder says about itself. Terraform's pg backend keeps
 * none of it in the database, so a refused Terraform run can only show its own; peerform stores its holders'
 * in peerform_locks, so a refused run can name who holds the workspace.
 *
 * @param path Terraform fills it with the advisory lock key on success ("-1" while creating a workspace)
 */
public record PgLockInfo(String id, String path, String operation, String who, String version, Instant created,
                         String info) {
    public PgLockInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(who, "who");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(created, "created");
        path = path == null ? "" : path;
        info = info == null ? "" : info;
    }

    PgLockInfo withPath(String newPath) {
        return new PgLockInfo(id, newPath, operation, who, version, created, info);
    }
}

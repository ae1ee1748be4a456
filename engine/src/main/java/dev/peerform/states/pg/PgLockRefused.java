package dev.peerform.states.pg;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * A workspace's lock is held by another session. The message is Terraform's reason ("Workspace is already
 * locked: NAME", ...), followed by who holds it: the holder's own lock info when the holder is peerform, else
 * what PostgreSQL knows of the holding session (a Terraform holder leaves nothing else behind).
 */
public final class PgLockRefused extends Exception {
    private final String reason;
    private final transient Optional<PgLockInfo> holder;
    private final OptionalInt holderPid;
    private final String session;
    private final boolean creationLock;

    PgLockRefused(String reason, boolean creationLock, Optional<PgLockInfo> holder, OptionalInt holderPid,
                  String session) {
        super(reason + describe(holder, holderPid, session));
        this.reason = reason;
        this.creationLock = creationLock;
        this.holder = holder;
        this.holderPid = holderPid;
        this.session = session;
    }

    /** Refused for the database-wide creation lock (-1), which every lock attempt holds for a moment. */
    boolean creationLock() {
        return creationLock;
    }

    /** Terraform's words for the refusal. */
    public String reason() {
        return reason;
    }

    /** The holder's lock info, when the holder is a peerform run that is still alive. */
    public Optional<PgLockInfo> holder() {
        return holder;
    }

    /** The PostgreSQL backend process holding the advisory lock, when it could be seen. */
    public OptionalInt holderPid() {
        return holderPid;
    }

    /** What pg_stat_activity says of the holding session (empty when it could not be seen). */
    public String session() {
        return session;
    }

    private static String describe(Optional<PgLockInfo> holder, OptionalInt pid, String session) {
        StringBuilder out = new StringBuilder();
        holder.ifPresent(h -> out.append("\nLock Info:")
                .append("\n  ID:        ").append(h.id())
                .append("\n  Path:      ").append(h.path())
                .append("\n  Operation: ").append(h.operation())
                .append("\n  Who:       ").append(h.who())
                .append("\n  Version:   ").append(h.version())
                .append("\n  Created:   ").append(h.created())
                .append("\n  Info:      ").append(h.info()));
        if (pid.isPresent()) {
            out.append("\nHeld by PostgreSQL session ").append(pid.getAsInt());
            if (!session.isEmpty()) out.append(" (").append(session).append(')');
            if (holder.isEmpty()) out.append("; no lock info: the holder is not peerform (Terraform stores none)");
        }
        return out.toString();
    }
}

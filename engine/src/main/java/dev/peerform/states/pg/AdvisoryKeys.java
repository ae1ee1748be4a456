package dev.peerform.states.pg;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * How pg_locks shows a bigint advisory key k: classid = the high 32 bits, objid = the low 32 bits (both as
 * unsigned oids), objsubid = 1 (2 would be the two-int4 form, which Terraform does not use).
 */
final class AdvisoryKeys {
    /** A condition on the columns of pg_locks (under {@code alias}) for one key; bind it with {@link #bind}. */
    static String match(String alias) {
        String a = alias.isEmpty() ? "" : alias + ".";
        return a + "classid::bigint = ? AND " + a + "objid::bigint = ? AND " + a + "objsubid = 1 AND " + a
                + "database = (SELECT oid FROM pg_database WHERE datname = current_database())";
    }

    private AdvisoryKeys() {}

    static void bind(PreparedStatement s, int first, long key) throws SQLException {
        s.setLong(first, key >>> 32);
        s.setLong(first + 1, key & 0xffffffffL);
    }
}

package dev.peerform.states.pg;

/** SQL identifiers quoted as Terraform's driver quotes them, so a schema name means the same to both tools. */
final class Identifiers {
    private Identifiers() {}

    /**
     * Double quotes around, inner double quotes doubled: the name is used exactly as written (case kept).
     *
     * @throws IllegalArgumentException for a name PostgreSQL cannot hold
     */
    static String quote(String name) {
        if (name.isEmpty()) throw new IllegalArgumentException("schema_name must not be empty");
        // lib/pq cuts a name at its first NUL; refusing it is clearer than storing elsewhere than asked
        if (name.indexOf('\0') >= 0) throw new IllegalArgumentException("schema_name must not contain a NUL character");
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}

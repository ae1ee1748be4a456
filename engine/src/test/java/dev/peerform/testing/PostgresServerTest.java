package dev.peerform.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class PostgresServerTest {

    @Test
    void serverListensOnLoopbackOnlyWithItsSocketInItsOwnDirectoryAndNeverAsRoot() throws Exception {
        PostgresServer server = PostgresServer.shared();
        System.out.println("PostgreSQL test server: initdb and start took " + server.startup().toMillis() + " ms");
        String db = server.newDatabase();
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(db)); Statement s = c.createStatement()) {
            assertEquals("127.0.0.1", setting(s, "listen_addresses"));
            assertEquals(Integer.toString(server.port()), setting(s, "port"));
            String socketDir = setting(s, "unix_socket_directories");
            String dataDir = setting(s, "data_directory");
            assertTrue(dataDir.startsWith(socketDir + "/"), socketDir + " vs " + dataDir);
            assertNotEquals("/tmp", socketDir);
            // the server process runs as an unprivileged user (initdb refuses root)
            int owner = (Integer) Files.getAttribute(Path.of(dataDir), "unix:uid");
            assertNotEquals(0, owner);
        }
    }

    @Test
    void eachCallerGetsAFreshEmptyDatabase() throws Exception {
        PostgresServer server = PostgresServer.shared();
        String a = server.newDatabase();
        String b = server.newDatabase();
        assertNotEquals(a, b);
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(a)); Statement s = c.createStatement()) {
            s.execute("create table t (x int)");
        }
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(b)); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select count(*) from pg_tables where tablename = 't'")) {
            r.next();
            assertEquals(0, r.getInt(1));
        }
    }

    @Test
    void missingPostgresSkipsWithHowToGetItUnlessCiRequiresIt() {
        RuntimeException skip = PostgresServer.unavailable("no initdb", Map.of());
        assertTrue(skip instanceof TestAbortedException);
        assertEquals("PostgreSQL not available (no initdb); to run these tests: apt-get install postgresql",
                skip.getMessage());
        AssertionError fail = assertThrows(AssertionError.class,
                () -> PostgresServer.unavailable("no initdb", Map.of("PEERFORM_REQUIRE_POSTGRES", "1")));
        assertTrue(fail.getMessage().startsWith("PEERFORM_REQUIRE_POSTGRES=1 but no PostgreSQL server"), fail.getMessage());
    }

    private static String setting(Statement s, String name) throws Exception {
        try (ResultSet r = s.executeQuery("select current_setting('" + name + "')")) {
            r.next();
            return r.getString(1);
        }
    }
}

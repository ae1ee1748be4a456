package dev.peerform.states.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class PgConnStrTest {
    private static final Map<String, String> NO_ENV = Map.of();

    @Test
    void urlGivesHostPortDatabaseAndCredentials() {
        PgConnStr c = PgConnStr.parse("postgres://alice:s%40cret@db.example.com:6432/terraform_backend?sslmode=disable",
                NO_ENV, "os-user");
        assertEquals("jdbc:postgresql://db.example.com:6432/terraform_backend", c.jdbcUrl());
        assertEquals("alice", c.properties().getProperty("user"));
        assertEquals("s@cret", c.properties().getProperty("password"));
        assertEquals("disable", c.properties().getProperty("sslmode"));
    }

    @Test
    void keyValuePairsAreReadAsLibpqReadsThem() {
        PgConnStr c = PgConnStr.parse("host=db port=5433 dbname=tf user=bob password='it\\'s ok' sslmode=verify-full",
                NO_ENV, "os-user");
        assertEquals("jdbc:postgresql://db:5433/tf", c.jdbcUrl());
        assertEquals("verify-full", c.properties().getProperty("sslmode"));
        assertEquals("bob", c.properties().getProperty("user"));
    }

    @Test
    void quotedValueKeepsItsSpacesAndEscapes() {
        PgConnStr c = PgConnStr.parse("host=db password='a b\\'c'", NO_ENV, "u");
        assertEquals("a b'c", c.properties().getProperty("password"));
    }

    @Test
    void whatTheStringLeavesOutComesFromTheLibpqEnvironmentThenLibpqDefaults() {
        PgConnStr fromEnv = PgConnStr.parse("postgres:///tf", Map.of("PGHOST", "envhost", "PGUSER", "envuser",
                "PGPASSWORD", "envpass", "PGPORT", "7777"), "os-user");
        assertEquals("jdbc:postgresql://envhost:7777/tf", fromEnv.jdbcUrl());
        assertEquals("envuser", fromEnv.properties().getProperty("user"));
        assertEquals("envpass", fromEnv.properties().getProperty("password"));

        PgConnStr defaults = PgConnStr.parse("", NO_ENV, "os-user");
        assertEquals("jdbc:postgresql://localhost:5432/os-user", defaults.jdbcUrl());
        assertEquals("os-user", defaults.properties().getProperty("user"));
    }

    @Test
    void sslIsRequiredUnlessTheConnStrSaysOtherwiseAsInTerraform() {
        assertEquals("require", PgConnStr.parse("postgres://db/tf", NO_ENV, "u").properties().getProperty("sslmode"));
        assertEquals("disable", PgConnStr.parse("postgres://db/tf", Map.of("PGSSLMODE", "disable"), "u")
                .properties().getProperty("sslmode"));
    }

    @Test
    void givenValuesWinOverTheEnvironment() {
        PgConnStr c = PgConnStr.parse("postgres://given@db/tf", Map.of("PGUSER", "env", "PGHOST", "envhost"), "u");
        assertEquals("given", c.properties().getProperty("user"));
        assertEquals("jdbc:postgresql://db:5432/tf", c.jdbcUrl());
    }

    @Test
    void unknownParametersBecomeServerSettingsAsLibPqSendsThem() {
        Properties p = PgConnStr.parse("postgres://db/tf?search_path=team&connect_timeout=5", NO_ENV, "u").properties();
        assertEquals("-c search_path=team", p.getProperty("options"));
        assertEquals("5", p.getProperty("connectTimeout"));
    }

    @Test
    void ipv6HostIsBracketed() {
        assertEquals("jdbc:postgresql://[::1]:5432/tf", PgConnStr.parse("postgres://[::1]/tf", NO_ENV, "u").jdbcUrl());
    }

    @Test
    void unixSocketHostIsRefusedWithAReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PgConnStr.parse("host=/var/run/postgresql dbname=tf", NO_ENV, "u"));
        assertEquals("conn_str names a unix socket directory as its host; peerform connects over TCP only: give a "
                + "host name or address", e.getMessage());
    }

    @Test
    void errorsAndDescriptionsNeverShowThePassword() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PgConnStr.parse("host=db password='hunter2", NO_ENV, "u"));
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
        IllegalArgumentException unquoted = assertThrows(IllegalArgumentException.class,
                () -> PgConnStr.parse("host=db password=it's hunter2 x", NO_ENV, "u"));
        assertFalse(unquoted.getMessage().contains("hunter2"), unquoted.getMessage());
        IllegalArgumentException url = assertThrows(IllegalArgumentException.class,
                () -> PgConnStr.parse("postgres://u:hunter2@db:port/tf", NO_ENV, "u"));
        assertFalse(url.getMessage().contains("hunter2"), url.getMessage());
        PgConnStr c = PgConnStr.parse("postgres://u:hunter2@db/tf", NO_ENV, "u");
        assertFalse(c.toString().contains("hunter2"), c.toString());
        assertFalse(c.jdbcUrl().contains("hunter2"), c.jdbcUrl());
    }
}

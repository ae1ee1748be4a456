package dev.peerform.states.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PgSettingsTest {

    @Test
    void defaultsAreTerraforms() {
        assertEquals(new PgSettings("", "terraform_remote_state", false, false, false),
                PgSettings.resolve(Map.of(), Map.of()));
    }

    @Test
    void eachArgumentFallsBackToItsPgVariable() {
        Map<String, String> env = Map.of("PG_CONN_STR", "postgres://db/tf", "PG_SCHEMA_NAME", "team",
                "PG_SKIP_SCHEMA_CREATION", "1", "PG_SKIP_TABLE_CREATION", "TRUE", "PG_SKIP_INDEX_CREATION", "t");
        assertEquals(new PgSettings("postgres://db/tf", "team", true, true, true), PgSettings.resolve(Map.of(), env));
    }

    @Test
    void givenArgumentsWinOverTheEnvironmentAndEmptyMeansUnset() {
        Map<String, String> env = Map.of("PG_CONN_STR", "postgres://env/tf", "PG_SCHEMA_NAME", "envschema");
        PgSettings s = PgSettings.resolve(Map.of("conn_str", "postgres://given/tf", "schema_name", ""), env);
        assertEquals("postgres://given/tf", s.connStr());
        assertEquals("envschema", s.schemaName());
    }

    @Test
    void aBooleanThatIsNoneIsRefusedNamingTheArgument() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PgSettings.resolve(Map.of(), Map.of("PG_SKIP_INDEX_CREATION", "yes")));
        assertEquals("skip_index_creation must be true or false, not \"yes\"", e.getMessage());
    }
}

package dev.peerform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OpenTofu-style state and plan encryption through the CLI: the envelope, rotation, enforcement, migration. */
class EncryptionTest {

    private static final String SECRET = "correct-horse-battery-staple";
    private static final String OLD = "old-passphrase-0123456789";
    private static final String NEW = "new-passphrase-9876543210";
    private static final String RESOURCES = """
            variable "pw" {
              sensitive = true
              default   = "correct-horse-battery-staple"
            }
            variable "passphrase" { sensitive = true }
            variable "old_passphrase" {
              sensitive = true
              default   = null
            }
            resource "terraform_data" "d" { input = var.pw }
            output "pw" {
              value     = var.pw
              sensitive = true
            }
            """;

    @TempDir
    Path dir;

    private void config(String encryption) throws Exception {
        Files.writeString(dir.resolve("main.tf"), RESOURCES + "terraform {\n  encryption {\n" + encryption
                + "  }\n}\n");
    }

    private static String key(String name, String variable) {
        // the fewest iterations OpenTofu accepts, to keep the test quick
        return "key_provider \"pbkdf2\" \"" + name + "\" {\n  passphrase = var." + variable
                + "\n  iterations = 200000\n}\nmethod \"aes_gcm\" \"" + name + "\" {\n  keys = key_provider.pbkdf2."
                + name + "\n}\n";
    }

    private CliRun run(String passphrase, String... args) {
        return CliRun.in(dir, Map.of("TF_VAR_passphrase", passphrase, "TF_VAR_old_passphrase", OLD), args);
    }

    private JsonNode stateFile() throws Exception {
        return new ObjectMapper().readTree(Files.readAllBytes(dir.resolve("terraform.tfstate")));
    }

    @Test
    void anEncryptedStateIsOpenTofusEnvelopeAndReadsBackWithThePassphrase() throws Exception {
        config(key("k", "passphrase") + "state {\n  method = method.aes_gcm.k\n}\n");
        CliRun apply = run(NEW, "apply", "-auto-approve");
        assertEquals(0, apply.exitCode(), apply.err());
        JsonNode state = stateFile();
        assertEquals("v0", state.get("encryption_version").asText());
        assertTrue(state.at("/meta/key_provider.pbkdf2.k").isTextual(), state.toString());
        assertTrue(state.get("encrypted_data").asText().length() > 40);
        assertFalse(Files.readString(dir.resolve("terraform.tfstate")).contains(SECRET));
        assertEquals(SECRET, run(NEW, "output", "-raw", "pw").out());
        assertEquals(0, run(NEW, "plan", "-detailed-exitcode").exitCode());
    }

    @Test
    void aWrongPassphraseIsAClearErrorNamingTheFile() throws Exception {
        config(key("k", "passphrase") + "state {\n  method = method.aes_gcm.k\n}\n");
        assertEquals(0, run(NEW, "apply", "-auto-approve").exitCode());
        CliRun wrong = run("not-the-passphrase-at-all", "plan");
        assertEquals(1, wrong.exitCode());
        assertTrue(wrong.err().contains("Cannot decrypt"), wrong.err());
        assertTrue(wrong.err().contains("terraform.tfstate"), wrong.err());
        assertFalse(wrong.err().contains("Exception"), wrong.err());
    }

    @Test
    void aFallbackReadsTheStateWrittenWithTheOldKeyAndTheNextWriteUsesTheNewOne() throws Exception {
        config(key("old", "old_passphrase") + "state {\n  method = method.aes_gcm.old\n}\n");
        assertEquals(0, run(NEW, "apply", "-auto-approve").exitCode());
        assertTrue(stateFile().at("/meta/key_provider.pbkdf2.old").isTextual());
        config(key("k", "passphrase") + key("old", "old_passphrase")
                + "state {\n  method = method.aes_gcm.k\n  fallback {\n    method = method.aes_gcm.old\n  }\n}\n");
        // a change, so that the state is written again (an apply with nothing to do leaves the file alone)
        CliRun rotate = run(NEW, "apply", "-auto-approve", "-var", "pw=rotated-value");
        assertEquals(0, rotate.exitCode(), rotate.err());
        assertTrue(stateFile().at("/meta/key_provider.pbkdf2.k").isTextual());
        config(key("k", "passphrase") + "state {\n  method = method.aes_gcm.k\n}\n");
        assertEquals("rotated-value", run(NEW, "output", "-raw", "pw").out(), "written with the new key alone");
    }

    @Test
    void aPlainStateIsReadOnlyWithAnUnencryptedFallbackThenWrittenEncrypted() throws Exception {
        Files.writeString(dir.resolve("main.tf"), RESOURCES);
        assertEquals(0, run(NEW, "apply", "-auto-approve").exitCode());
        config(key("k", "passphrase") + "state {\n  method = method.aes_gcm.k\n}\n");
        CliRun refused = run(NEW, "plan");
        assertEquals(1, refused.exitCode());
        assertTrue(refused.err().contains("is not encrypted"), refused.err());
        config(key("k", "passphrase") + "method \"unencrypted\" \"migrate\" {}\n"
                + "state {\n  method = method.aes_gcm.k\n  fallback {\n    method = method.unencrypted.migrate\n  }\n}\n");
        CliRun migrate = run(NEW, "apply", "-auto-approve", "-var", "pw=migrated-value");
        assertEquals(0, migrate.exitCode(), migrate.err());
        assertEquals("v0", stateFile().get("encryption_version").asText());
    }

    @Test
    void enforcedEncryptionRefusesToWriteAPlainState() throws Exception {
        config("method \"unencrypted\" \"plain\" {}\nstate {\n  method   = method.unencrypted.plain\n"
                + "  enforced = true\n}\n");
        CliRun apply = run(NEW, "apply", "-auto-approve");
        assertEquals(1, apply.exitCode());
        assertTrue(apply.err().contains("enforced"), apply.err());
        assertFalse(Files.exists(dir.resolve("terraform.tfstate")) && Files.readString(dir.resolve(
                "terraform.tfstate")).contains(SECRET), "nothing written in clear");
    }

    @Test
    void anEncryptedPlanFileAppliesWithThePassphrase() throws Exception {
        config(key("k", "passphrase") + "plan {\n  method = method.aes_gcm.k\n}\n");
        assertEquals(0, run(NEW, "plan", "-out", "tfplan", "-var", "pw=given-when-planning").exitCode());
        JsonNode plan = new ObjectMapper().readTree(Files.readAllBytes(dir.resolve("tfplan")));
        assertEquals("v0", plan.get("encryption_version").asText());
        assertFalse(new String(Files.readAllBytes(dir.resolve("tfplan"))).contains("given-when-planning"));
        // only the passphrase is given again: pw, a variable of the plan, is read from the (encrypted) plan
        CliRun apply = run(NEW, "apply", "tfplan");
        assertEquals(0, apply.exitCode(), apply.err());
        assertTrue(Files.readString(dir.resolve("terraform.tfstate")).contains("given-when-planning"));
    }

    @Test
    void tfEncryptionInTheEnvironmentConfiguresItWithoutAnyBlock() throws Exception {
        Files.writeString(dir.resolve("main.tf"), RESOURCES);
        String env = "key_provider \"pbkdf2\" \"k\" {\n  passphrase = \"" + NEW + "\"\n  iterations = 200000\n}\n"
                + "method \"aes_gcm\" \"k\" {\n  keys = key_provider.pbkdf2.k\n}\nstate {\n  method = method.aes_gcm.k\n}\n";
        Map<String, String> vars = Map.of("TF_VAR_passphrase", NEW, "TF_ENCRYPTION", env);
        assertEquals(0, CliRun.in(dir, vars, "apply", "-auto-approve").exitCode());
        assertEquals("v0", stateFile().get("encryption_version").asText());
        assertEquals(SECRET, CliRun.in(dir, vars, "output", "-raw", "pw").out());
    }
}

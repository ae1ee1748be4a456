package dev.peerform.states;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OpenTofu's encrypted file format, and the journal sealed line by line. */
class EnvelopeTest {

    private static final String PASSPHRASE = "a-passphrase-of-some-length";
    private static final Path FIXTURE = Path.of("src/test/resources/state/encryption");

    @TempDir
    Path dir;

    private static EncryptionTarget aes(String passphrase) {
        Pbkdf2Key key = new Pbkdf2Key("k", passphrase, 32, Pbkdf2Key.MINIMUM_ITERATIONS, "sha512", 32);
        return new EncryptionTarget("state", new EncryptionMethod.AesGcm("k", key), List.of(), false);
    }

    @Test
    void theEnvelopeHoldsTheKeyMetadataANonceAndTheGcmTag() throws Exception {
        byte[] plain = "{\"version\":4}".getBytes(StandardCharsets.UTF_8);
        JsonNode sealed = new ObjectMapper().readTree(Envelope.seal(plain, aes(PASSPHRASE), "f"));
        assertEquals("v0", sealed.get("encryption_version").asText());
        JsonNode meta = new ObjectMapper().readTree(Base64.getDecoder().decode(sealed.at("/meta/key_provider.pbkdf2.k")
                .asText()));
        assertEquals("sha512", meta.get("hash_function").asText());
        assertEquals(32, Base64.getDecoder().decode(meta.get("salt").asText()).length);
        assertEquals(12 + plain.length + 16, Base64.getDecoder().decode(sealed.get("encrypted_data").asText()).length);
    }

    @Test
    void aFileEncryptedByAnotherImplementationOfTheFormatOpens() throws Exception {
        // encrypted.json: made by engine/src/test/oracle/generate-encryption-fixture.py with Python's cryptography
        byte[] opened = Envelope.open(Files.readAllBytes(FIXTURE.resolve("encrypted.json")),
                new EncryptionTarget("state", new EncryptionMethod.AesGcm("main", new Pbkdf2Key("main",
                        Files.readString(FIXTURE.resolve("passphrase.txt")).trim(), 32, 600_000, "sha512", 32)),
                        List.of(), false), "encrypted.json", "state");
        assertArrayEquals(Files.readAllBytes(FIXTURE.resolve("plain.json")), opened);
    }

    @Test
    void aWrongPassphraseNamesTheFileAndNeverTheKey() throws Exception {
        byte[] sealed = Envelope.seal("{}".getBytes(StandardCharsets.UTF_8), aes(PASSPHRASE), "f");
        StateFormatException e = assertThrows(StateFormatException.class,
                () -> Envelope.open(sealed, aes("another-passphrase-entirely"), "/x/terraform.tfstate", "state"));
        assertTrue(e.getMessage().startsWith("Cannot decrypt /x/terraform.tfstate"), e.getMessage());
        assertFalse(e.getMessage().contains("another-passphrase"), e.getMessage());
    }

    @Test
    void theJournalIsSealedLineByLineAndReadBackWithTheKey() throws Exception {
        Path journal = dir.resolve("terraform.tfstate.journal");
        EncryptionTarget target = aes(PASSPHRASE);
        ObjectNode attrs = JsonNodeFactory.instance.objectNode().put("secret", "hunter2-in-the-journal");
        try (StepJournal j = new FileJournal(journal, target)) {
            j.append(StepRecord.intent("terraform_data.a", "p", "create", true, "tok"));
            j.append(StepRecord.result("terraform_data.a", "p", "create", attrs, JsonNodeFactory.instance.arrayNode(),
                    List.of(), false));
        }
        assertFalse(Files.readString(journal).contains("hunter2"), "no attribute in clear");
        List<StepRecord> records = FileJournal.load(journal, target).records();
        assertEquals(2, records.size());
        assertEquals("hunter2-in-the-journal", records.get(1).attributes().get("secret").asText());
        assertThrows(StateFormatException.class, () -> FileJournal.load(journal, null),
                "an encrypted journal is not read without the key");
    }
}

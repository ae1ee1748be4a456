package dev.peerform.states;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * OpenTofu's encrypted file: {@code {"meta": {...}, "encrypted_data": "<base64>", "encryption_version": "v0"}},
 * where the data is AES-GCM's 12-byte nonce followed by the sealed bytes and their 16-byte tag. Either tool reads
 * what the other wrote with the same passphrase and settings.
 */
public final class Envelope {

    static final String VERSION = "v0";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final ObjectMapper JSON = new ObjectMapper();

    private Envelope() {
    }

    /** The bytes to store for {@code plain} under the target; plain itself when it says so and allows it. */
    public static byte[] seal(byte[] plain, EncryptionTarget target, String location) throws IOException {
        if (target == null) {
            return plain;
        }
        if (!(target.method() instanceof EncryptionMethod.AesGcm aes)) {
            if (target.enforced()) {
                throw new IOException("Encryption of the " + target.name() + " is enforced (enforced = true), so "
                        + location + " cannot be written unencrypted: set the " + target.name() + " block's method "
                        + "to an aes_gcm method.");
            }
            return plain;
        }
        ObjectNode root = JSON.createObjectNode();
        ObjectNode meta = root.putObject("meta");
        byte[] key = aes.keys().encryptionKey(meta);
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            new SecureRandom().nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = c.doFinal(plain);
            byte[] data = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
            root.put("encrypted_data", Base64.getEncoder().encodeToString(data));
        } catch (GeneralSecurityException e) {
            throw new IOException("Cannot encrypt " + location + " with " + aes.address() + ": " + e.getMessage()
                    + " (the key length must be 16, 24 or 32 bytes).", e);
        }
        root.put("encryption_version", VERSION);
        return JSON.writeValueAsBytes(root);
    }

    /** Whether the bytes are an encrypted file (not a state or plan in clear). */
    public static boolean isSealed(byte[] bytes) {
        JsonNode root = parse(bytes);
        return root != null && root.path("encryption_version").isTextual();
    }

    /**
     * The plain bytes of a stored file, tried with the target's method then its fallbacks. A file in clear is
     * read only when one of them is {@code unencrypted}, or when there is no encryption configured at all.
     */
    public static byte[] open(byte[] bytes, EncryptionTarget target, String location, String what)
            throws IOException {
        JsonNode root = parse(bytes);
        boolean sealed = root != null && root.path("encryption_version").isTextual();
        if (!sealed) {
            if (target == null || target.readers().stream().anyMatch(m -> m instanceof EncryptionMethod.Unencrypted)) {
                return bytes;
            }
            throw new StateFormatException(location + " is not encrypted, and the " + target.name() + " encryption "
                    + "configured has no unencrypted method to read it with. To encrypt an existing " + what + ", add "
                    + "`method \"unencrypted\" \"migrate\" {}` and a `fallback { method = method.unencrypted.migrate "
                    + "}` to the " + target.name() + " block, run once, then remove them.");
        }
        if (!VERSION.equals(root.path("encryption_version").asText())) {
            throw new StateFormatException(location + " is encrypted with a version this peerform does not know ("
                    + root.path("encryption_version").asText() + "; it reads " + VERSION + ").");
        }
        if (target == null) {
            throw new StateFormatException(location + " is encrypted, but the configuration has no encryption "
                    + "block for the " + what + " (terraform { encryption { ... } } or TF_ENCRYPTION): add the one "
                    + "it was written with.");
        }
        byte[] data;
        try {
            data = Base64.getDecoder().decode(root.path("encrypted_data").asText());
        } catch (IllegalArgumentException e) {
            throw new StateFormatException(location + " is damaged: its encrypted_data is not base64.");
        }
        List<String> tried = new ArrayList<>();
        for (EncryptionMethod m : target.readers()) {
            if (!(m instanceof EncryptionMethod.AesGcm aes)) {
                continue;
            }
            try {
                byte[] key = aes.keys().decryptionKey(root.get("meta"));
                if (key == null) {
                    tried.add(aes.address() + " (the file holds no metadata for " + aes.keys().address() + ")");
                    continue;
                }
                if (data.length < NONCE_BYTES + TAG_BITS / 8) {
                    throw new StateFormatException(location + " is damaged: its encrypted data is too short.");
                }
                Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
                c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                        new GCMParameterSpec(TAG_BITS, data, 0, NONCE_BYTES));
                return c.doFinal(data, NONCE_BYTES, data.length - NONCE_BYTES);
            } catch (GeneralSecurityException e) {
                tried.add(aes.address() + " (" + (e.getMessage() != null && e.getMessage().startsWith("its ")
                        ? e.getMessage() : "wrong passphrase or key") + ")");
            }
        }
        throw new StateFormatException("Cannot decrypt " + location + ": tried " + (tried.isEmpty()
                ? "no aes_gcm method" : String.join(", ", tried)) + ". Give the passphrase it was written with, or "
                + "keep the old key as a fallback of the " + target.name() + " block while rotating keys.");
    }

    /** The three fields an envelope holds; a file with any other top-level field is a state or plan in clear. */
    private static final Set<String> FIELDS = Set.of("meta", "encrypted_data", "encryption_version");

    /**
     * The envelope's fields when the bytes are an object that may be one, else null. Read as a stream that stops at
     * the first field an envelope does not have: a tree of a whole state or plan in clear (50,000 resources: 66 MB
     * of JSON, several times that as a tree) was built only to find that field missing.
     */
    private static JsonNode parse(byte[] bytes) {
        try (JsonParser p = JSON.createParser(bytes)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            ObjectNode root = JSON.createObjectNode();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                if (!FIELDS.contains(name)) {
                    return root; // not an envelope: what is read so far says so (no encryption_version)
                }
                p.nextToken();
                root.set(name, p.readValueAsTree());
            }
            return root;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}

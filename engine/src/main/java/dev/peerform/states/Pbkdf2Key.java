package dev.peerform.states;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * OpenTofu's {@code key_provider "pbkdf2" "NAME"}: a key derived from a passphrase. Each write derives with a
 * fresh salt and stores, under {@code meta["key_provider.pbkdf2.NAME"]}, what reading needs to derive it again
 * (salt, iterations, hash function, key length), so that changing the settings later still reads older files.
 * Deriving is slow on purpose (600,000 rounds by default): keys are derived once per salt and kept.
 */
public final class Pbkdf2Key {

    public static final int MINIMUM_PASSPHRASE_LENGTH = 16;
    public static final int MINIMUM_ITERATIONS = 200_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final char[] passphrase;
    private final int keyLength;
    private final int iterations;
    private final String hashFunction;
    private final byte[] salt;
    private final Map<String, byte[]> derived = new ConcurrentHashMap<>();

    /** Settings are checked by the caller ({@link EncryptionConfig}), which can name where they came from. */
    Pbkdf2Key(String name, String passphrase, int keyLength, int iterations, String hashFunction, int saltLength) {
        this.name = name;
        this.passphrase = passphrase.toCharArray();
        this.keyLength = keyLength;
        this.iterations = iterations;
        this.hashFunction = hashFunction;
        this.salt = new byte[saltLength];
        new SecureRandom().nextBytes(salt);
    }

    /** {@code key_provider.pbkdf2.NAME}: the key of its metadata in the envelope. */
    public String address() {
        return "key_provider.pbkdf2." + name;
    }

    /** The key to encrypt with, and (in {@code meta}) what reading it back needs. */
    byte[] encryptionKey(ObjectNode meta) {
        ObjectNode m = JSON.createObjectNode();
        m.put("salt", Base64.getEncoder().encodeToString(salt));
        m.put("iterations", iterations);
        m.put("hash_function", hashFunction);
        m.put("key_length", keyLength);
        meta.put(address(), Base64.getEncoder().encodeToString(m.toString().getBytes(StandardCharsets.UTF_8)));
        return derive(salt, iterations, hashFunction, keyLength);
    }

    /** The key a file was encrypted with, from its metadata; null when the file has none for this provider. */
    byte[] decryptionKey(JsonNode meta) throws GeneralSecurityException {
        JsonNode stored = meta == null ? null : meta.get(address());
        if (stored == null || !stored.isTextual()) {
            return null;
        }
        JsonNode m;
        try {
            m = JSON.readTree(Base64.getDecoder().decode(stored.asText()));
        } catch (IllegalArgumentException | IOException e) {
            throw new GeneralSecurityException("its metadata for " + address() + " is damaged");
        }
        String hash = m.path("hash_function").asText();
        int rounds = m.path("iterations").asInt();
        int length = m.path("key_length").asInt();
        if (!hash.equals("sha256") && !hash.equals("sha512") || rounds <= 0 || length <= 0
                || !m.path("salt").isTextual()) {
            throw new GeneralSecurityException("its metadata for " + address() + " is damaged");
        }
        return derive(Base64.getDecoder().decode(m.path("salt").asText()), rounds, hash, length);
    }

    private byte[] derive(byte[] saltBytes, int rounds, String hash, int length) {
        String cacheKey = Base64.getEncoder().encodeToString(saltBytes) + "/" + rounds + "/" + hash + "/" + length;
        return derived.computeIfAbsent(cacheKey, k -> {
            try {
                SecretKeyFactory f = SecretKeyFactory.getInstance(hash.equals("sha256") ? "PBKDF2WithHmacSHA256"
                        : "PBKDF2WithHmacSHA512");
                return f.generateSecret(new PBEKeySpec(passphrase, saltBytes, rounds, length * 8)).getEncoded();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("the JDK lacks PBKDF2 with HMAC-" + hash, e);
            }
        });
    }
}

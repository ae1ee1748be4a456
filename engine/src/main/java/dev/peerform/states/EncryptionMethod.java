package dev.peerform.states;

/**
 * OpenTofu's {@code method} blocks: {@code aes_gcm} with a key provider, or {@code unencrypted} (to migrate from or
 * to plain files, as a fallback or as the method).
 */
public sealed interface EncryptionMethod {

    /** {@code method.TYPE.NAME}, for messages. */
    String address();

    record AesGcm(String name, Pbkdf2Key keys) implements EncryptionMethod {
        @Override
        public String address() {
            return "method.aes_gcm." + name;
        }
    }

    record Unencrypted(String name) implements EncryptionMethod {
        @Override
        public String address() {
            return "method.unencrypted." + name;
        }
    }
}

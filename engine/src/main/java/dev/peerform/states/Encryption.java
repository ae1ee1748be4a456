package dev.peerform.states;

/**
 * The encryption of a configuration ({@code terraform { encryption { ... } }} and {@code TF_ENCRYPTION}, as in
 * OpenTofu): how state files and plan files are written and read. A null target keeps those files in clear.
 */
public record Encryption(EncryptionTarget state, EncryptionTarget plan) {

    public static final Encryption NONE = new Encryption(null, null);
}

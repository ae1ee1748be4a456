package dev.peerform.lang;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.util.Arrays;

/**
 * An RSA key in OpenSSH's own private key format ("openssh-key-v1", what ssh-keygen writes by default), which
 * Terraform's rsadecrypt accepts besides PKCS#1 and PKCS#8. Only unencrypted keys: a passphrase cannot be given.
 */
final class OpenSshKey {

    private static final byte[] MAGIC = "openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII);

    private OpenSshKey() {
    }

    static PrivateKey rsa(byte[] blob) throws FunctionException {
        try {
            ByteBuffer in = ByteBuffer.wrap(blob);
            byte[] magic = new byte[MAGIC.length];
            in.get(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new FunctionException(1, "invalid private key: ssh: invalid openssh private key format.");
            }
            String cipher = text(in);
            text(in); // kdf name
            bytes(in); // kdf options
            if (!cipher.equals("none")) {
                throw new FunctionException(1, "invalid private key: ssh: this private key is passphrase "
                        + "protected.");
            }
            if (in.getInt() != 1) {
                throw new FunctionException(1, "invalid private key: ssh: multi-key files are not supported.");
            }
            bytes(in); // the public key
            ByteBuffer priv = ByteBuffer.wrap(bytes(in));
            if (priv.getInt() != priv.getInt()) {
                throw new FunctionException(1, "invalid private key: ssh: malformed OpenSSH key.");
            }
            String type = text(priv);
            if (!type.equals("ssh-rsa")) {
                throw new FunctionException(1, "invalid private key: the key is " + type + ", not RSA.");
            }
            BigInteger n = mpint(priv);
            BigInteger e = mpint(priv);
            BigInteger d = mpint(priv);
            BigInteger iqmp = mpint(priv);
            BigInteger p = mpint(priv);
            BigInteger q = mpint(priv);
            return KeyFactory.getInstance("RSA").generatePrivate(new RSAPrivateCrtKeySpec(n, e, d, p, q,
                    d.mod(p.subtract(BigInteger.ONE)), d.mod(q.subtract(BigInteger.ONE)), iqmp));
        } catch (RuntimeException | GeneralSecurityException e) {
            throw new FunctionException(1, "invalid private key: ssh: malformed OpenSSH key.");
        }
    }

    private static byte[] bytes(ByteBuffer in) {
        byte[] b = new byte[in.getInt()];
        in.get(b);
        return b;
    }

    private static String text(ByteBuffer in) {
        return new String(bytes(in), StandardCharsets.UTF_8);
    }

    private static BigInteger mpint(ByteBuffer in) {
        return new BigInteger(bytes(in));
    }
}

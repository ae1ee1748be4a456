package dev.peerform.lang;

import static dev.peerform.lang.Functions.p;

import at.favre.lib.crypto.bcrypt.BCrypt;
import dev.peerform.value.Type;
import dev.peerform.value.Value;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;

/** bcrypt and rsadecrypt. */
final class CryptoFunctions {

    /** Go's bcrypt: a cost below the minimum silently becomes the default one. */
    private static final int MIN_COST = 4;
    private static final int DEFAULT_COST = 10;
    private static final int MAX_COST = 31;
    private static final int MAX_PASSWORD_BYTES = 72;
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN (RSA PRIVATE KEY|PRIVATE KEY|OPENSSH PRIVATE KEY)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");
    /** DER of AlgorithmIdentifier { rsaEncryption, NULL }, to wrap a PKCS#1 key as PKCS#8. */
    private static final byte[] RSA_ALGORITHM = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
        (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};

    private CryptoFunctions() {
    }

    static void register(Functions.Registry r) {
        r.add("bcrypt", List.of(p("str", Type.STRING)), p("cost", Type.NUMBER), (a, c) -> {
            if (a.size() > 2) {
                throw new FunctionException("bcrypt() takes no more than two arguments.");
            }
            int cost = a.size() == 2 ? a.get(1).asNumber().intValue() : DEFAULT_COST;
            if (cost < MIN_COST) {
                cost = DEFAULT_COST;
            }
            if (cost > MAX_COST) {
                throw new FunctionException("error occured generating password crypto/bcrypt: cost " + cost
                        + " is outside allowed range (" + MIN_COST + "," + MAX_COST + ").");
            }
            byte[] password = a.get(0).asString().getBytes(StandardCharsets.UTF_8);
            if (password.length > MAX_PASSWORD_BYTES) {
                throw new FunctionException("error occured generating password bcrypt: password length exceeds "
                        + MAX_PASSWORD_BYTES + " bytes.");
            }
            return Value.of(new String(BCrypt.with(BCrypt.Version.VERSION_2A).hash(cost, password),
                    StandardCharsets.UTF_8));
        });
        r.add("rsadecrypt", List.of(p("ciphertext", Type.STRING), p("privatekey", Type.STRING)), (a, c) -> {
            String text = a.get(0).asString();
            byte[] cipher;
            try {
                cipher = Base64.getDecoder().decode(text.replace("\r", "").replace("\n", ""));
            } catch (IllegalArgumentException e) {
                throw new FunctionException(0, "failed to decode input \"" + text + "\": cipher text must be "
                        + "base64-encoded.");
            }
            PrivateKey key = privateKey(a.get(1).asString());
            try {
                Cipher rsa = Cipher.getInstance("RSA/ECB/PKCS1Padding");
                rsa.init(Cipher.DECRYPT_MODE, key);
                return Value.of(new String(rsa.doFinal(cipher), StandardCharsets.UTF_8));
            } catch (GeneralSecurityException e) {
                throw new FunctionException("failed to decrypt: crypto/rsa: decryption error.");
            }
        });
    }

    private static PrivateKey privateKey(String pem) throws FunctionException {
        Matcher m = PEM.matcher(pem);
        if (!m.find()) {
            throw new FunctionException(1, "invalid private key: ssh: no key found.");
        }
        try {
            byte[] der = Base64.getMimeDecoder().decode(m.group(2));
            if (m.group(1).startsWith("OPENSSH")) {
                return OpenSshKey.rsa(der);
            }
            if (m.group(1).startsWith("RSA")) {
                der = pkcs8(der);
            }
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new FunctionException(1, "invalid private key: " + e.getMessage() + ".");
        }
    }

    /** PrivateKeyInfo { version 0, rsaEncryption, OCTET STRING pkcs1 }: the JDK reads only PKCS#8. */
    private static byte[] pkcs8(byte[] pkcs1) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {0x02, 0x01, 0x00});
        body.writeBytes(RSA_ALGORITHM);
        body.writeBytes(tlv(0x04, pkcs1));
        return tlv(0x30, body.toByteArray());
    }

    private static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int n = content.length;
        if (n < 0x80) {
            out.write(n);
        } else {
            int bytes = n > 0xffffff ? 4 : n > 0xffff ? 3 : n > 0xff ? 2 : 1;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(n >>> (8 * i));
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }
}

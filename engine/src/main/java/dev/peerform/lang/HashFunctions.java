package dev.peerform.lang;

import static dev.peerform.lang.Functions.p;

import dev.peerform.value.Type;
import dev.peerform.value.Value;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/** md5, sha1, sha256, sha512 of a string's UTF-8 bytes in lower-case hex; base64sha256 and base64sha512. */
final class HashFunctions {

    private HashFunctions() {
    }

    static void register(Functions.Registry r) {
        for (String[] fn : new String[][] {{"md5", "MD5"}, {"sha1", "SHA-1"}, {"sha256", "SHA-256"},
                {"sha512", "SHA-512"}}) {
            r.add(fn[0], List.of(p("str", Type.STRING)), (a, c) -> Value.of(hex(fn[1], a.get(0).asString())));
        }
        for (String[] fn : new String[][] {{"base64sha256", "SHA-256"}, {"base64sha512", "SHA-512"}}) {
            r.add(fn[0], List.of(p("str", Type.STRING)), (a, c) -> Value.of(Base64.getEncoder()
                    .encodeToString(digest(fn[1], a.get(0).asString().getBytes(StandardCharsets.UTF_8)))));
        }
    }

    private static String hex(String algorithm, String s) {
        return HexFormat.of().formatHex(digest(algorithm, s.getBytes(StandardCharsets.UTF_8)));
    }

    static byte[] digest(String algorithm, byte[] bytes) {
        try {
            return MessageDigest.getInstance(algorithm).digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is required of every JVM", e);
        }
    }
}

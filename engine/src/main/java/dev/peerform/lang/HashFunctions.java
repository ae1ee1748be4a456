package dev.peerform.lang;

import static dev.peerform.lang.Functions.p;

import dev.peerform.value.Type;
import dev.peerform.value.Value;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** md5, sha1, sha256 of a string's UTF-8 bytes, in lower-case hex. */
final class HashFunctions {

    private HashFunctions() {
    }

    static void register(Functions.Registry r) {
        for (String[] fn : new String[][] {{"md5", "MD5"}, {"sha1", "SHA-1"}, {"sha256", "SHA-256"}}) {
            r.add(fn[0], List.of(p("str", Type.STRING)), (a, c) -> Value.of(hex(fn[1], a.get(0).asString())));
        }
    }

    private static String hex(String algorithm, String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm)
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is required of every JVM", e);
        }
    }
}

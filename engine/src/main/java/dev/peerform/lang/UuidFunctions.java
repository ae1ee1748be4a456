package dev.peerform.lang;

import static dev.peerform.lang.Functions.p;

import dev.peerform.value.Type;
import dev.peerform.value.Value;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** uuid (random) and uuidv5 (name-based, SHA-1). */
final class UuidFunctions {

    /** RFC 4122's predefined namespaces, by the names Terraform gives them. */
    private static final Map<String, String> NAMESPACES = Map.of(
            "dns", "6ba7b810-9dad-11d1-80b4-00c04fd430c8",
            "url", "6ba7b811-9dad-11d1-80b4-00c04fd430c8",
            "oid", "6ba7b812-9dad-11d1-80b4-00c04fd430c8",
            "x500", "6ba7b814-9dad-11d1-80b4-00c04fd430c8");

    private UuidFunctions() {
    }

    static void register(Functions.Registry r) {
        // Terraform's uuid is 16 random bytes in UUID layout, with no version or variant bits set
        r.add("uuid", List.of(), (a, c) -> {
            byte[] b = new byte[16];
            new SecureRandom().nextBytes(b);
            return Value.of(layout(b));
        });
        r.add("uuidv5", List.of(p("namespace", Type.STRING), p("name", Type.STRING)), (a, c) -> {
            byte[] ns = namespace(a.get(0).asString());
            byte[] name = a.get(1).asString().getBytes(StandardCharsets.UTF_8);
            byte[] input = new byte[ns.length + name.length];
            System.arraycopy(ns, 0, input, 0, ns.length);
            System.arraycopy(name, 0, input, ns.length, name.length);
            byte[] h = HashFunctions.digest("SHA-1", input);
            byte[] b = java.util.Arrays.copyOf(h, 16);
            b[6] = (byte) ((b[6] & 0x0f) | 0x50);
            b[8] = (byte) ((b[8] & 0x3f) | 0x80);
            return Value.of(layout(b));
        });
    }

    private static String layout(byte[] b) {
        String hex = HexFormat.of().formatHex(b);
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20);
    }

    /** The forms Go's uuid.Parse reads: plain, {braced}, urn:uuid:, or 32 hex digits. */
    private static byte[] namespace(String given) throws FunctionException {
        String s = NAMESPACES.getOrDefault(given, given);
        String hex;
        switch (s.length()) {
            case 36 -> hex = dashed(s, given);
            case 38 -> {
                if (s.charAt(0) != '{' || s.charAt(37) != '}') {
                    throw invalid(given, "invalid UUID format");
                }
                hex = dashed(s.substring(1, 37), given);
            }
            case 45 -> {
                if (!s.toLowerCase(Locale.ROOT).startsWith("urn:uuid:")) {
                    throw invalid(given, "invalid urn prefix: " + s.substring(0, 9));
                }
                hex = dashed(s.substring(9), given);
            }
            case 32 -> hex = s;
            default -> throw invalid(given, "invalid UUID length: " + s.length());
        }
        try {
            return HexFormat.of().parseHex(hex.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid(given, "invalid UUID format");
        }
    }

    private static String dashed(String s, String given) throws FunctionException {
        if (s.charAt(8) != '-' || s.charAt(13) != '-' || s.charAt(18) != '-' || s.charAt(23) != '-') {
            throw invalid(given, "invalid UUID format");
        }
        return s.replace("-", "");
    }

    private static FunctionException invalid(String given, String why) {
        return new FunctionException("uuidv5() doesn't support namespace " + given + " (" + why + ").");
    }
}

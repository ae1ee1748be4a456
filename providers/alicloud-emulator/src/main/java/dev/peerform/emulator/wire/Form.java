package dev.peerform.emulator.wire;

import dev.peerform.emulator.cloud.CloudException;
import dev.peerform.vpcapi.errors.ErrorStatus;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code application/x-www-form-urlencoded} as the API reads a query string or a form body (given as ISO-8859-1
 * text, one char per byte of the wire): {@code k=v} pairs joined
 * by {@code &}, {@code +} a space, {@code %XX} a byte, the bytes UTF-8. A bad escape or bytes that are not UTF-8
 * are the caller's mistake, refused with an API code rather than guessed at.
 */
final class Form {

    private Form() {
    }

    static Map<String, String> parse(String raw, String where) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            out.put(decode(k, where), decode(v, where));
        }
        return out;
    }

    private static String decode(String s, String where) {
        if (s.chars().allMatch(c -> c < 0x80 && c != '%' && c != '+')) {
            return s;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%') {
                int hi = i + 2 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
                int lo = hi < 0 ? -1 : Character.digit(s.charAt(i + 2), 16);
                if (lo < 0) {
                    throw new CloudException(ErrorStatus.MALFORMED_ENCODING, "The " + where + " has a bad percent "
                            + "escape near \"" + excerpt(s, i) + "\": a % must be followed by two hexadecimal "
                            + "digits.");
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else {
                bytes.write(c); // the text was read as ISO-8859-1: one char per byte on the wire
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new CloudException(ErrorStatus.MALFORMED_ENCODING, "The " + where + " decodes to bytes that are "
                    + "not UTF-8.");
        }
    }

    private static String excerpt(String s, int at) {
        return s.substring(at, Math.min(s.length(), at + 3));
    }
}

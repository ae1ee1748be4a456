package dev.peerform.emulator.wire;

import dev.peerform.emulator.cloud.CloudException;
import dev.peerform.vpcapi.errors.ErrorStatus;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads HTTP/1.1 requests off a connection with every size bounded: the request line, the headers and the body
 * (by Content-Length or chunked). Nothing is read that the server has not decided to read, and nothing past a
 * bound is held: a client's mistake becomes a {@link CloudException} with an API code, not a failure of the server.
 */
final class RequestReader {

    /** The request line holds the whole query string: the SDK sends every parameter there. */
    static final int MAX_LINE = 64 * 1024;
    static final int MAX_HEADERS = 100;

    private final InputStream in;

    RequestReader(InputStream in) {
        this.in = in;
    }

    /** The next request's head, or null when the client closed the connection between requests. */
    Request head() throws IOException {
        String line = line(true);
        while (line != null && line.isEmpty()) {
            line = line(true); // a stray CRLF between requests is allowed (RFC 9112, 2.2)
        }
        if (line == null) {
            return null;
        }
        String[] parts = line.split(" ", -1);
        if (parts.length != 3 || parts[0].isEmpty() || !parts[0].chars().allMatch(c -> c >= 'A' && c <= 'Z')
                || !parts[2].startsWith("HTTP/1.")) {
            throw malformed("The request line is not HTTP/1.1 (METHOD /?query HTTP/1.1).");
        }
        String target = parts[1];
        int q = target.indexOf('?');
        String rawQuery = q < 0 ? "" : target.substring(q + 1);
        int hash = rawQuery.indexOf('#');
        if (hash >= 0) {
            rawQuery = rawQuery.substring(0, hash);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (int n = 0; ; n++) {
            String h = line(false);
            if (h.isEmpty()) {
                break;
            }
            if (n >= MAX_HEADERS) {
                throw malformed("The request has more than " + MAX_HEADERS + " headers.");
            }
            int colon = h.indexOf(':');
            if (colon <= 0) {
                throw malformed("A header line has no name: \"" + excerpt(h) + "\".");
            }
            headers.merge(h.substring(0, colon).trim().toLowerCase(), h.substring(colon + 1).trim(),
                    (a, b) -> a + "," + b);
        }
        return new Request(parts[0], rawQuery, parts[2], headers);
    }

    /** The declared Content-Length (-1 when there is none); a value that is not a length is malformed. */
    static long contentLength(Request r) {
        String v = r.header("content-length");
        if (v == null) {
            return -1;
        }
        if (v.isEmpty() || v.length() > 18 || !v.chars().allMatch(Character::isDigit)) {
            throw malformed("Content-Length \"" + excerpt(v) + "\" is not a length.");
        }
        return Long.parseLong(v);
    }

    /**
     * The body, at most {@code max} bytes. A longer one is refused with {@code BODY_TOO_LARGE} as soon as it is
     * known to be longer: at once from its Content-Length, or after {@code max} bytes of chunks.
     */
    byte[] body(Request r, int max) throws IOException {
        if (r.chunked()) {
            return chunked(max);
        }
        long length = contentLength(r);
        if (length <= 0) {
            return new byte[0];
        }
        if (length > max) {
            throw tooLarge(max);
        }
        byte[] body = in.readNBytes((int) length);
        if (body.length < length) {
            throw new EOFException("the body ended after " + body.length + " of " + length + " bytes");
        }
        return body;
    }

    private byte[] chunked(int max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = line(false);
            int semi = sizeLine.indexOf(';');
            String hex = (semi < 0 ? sizeLine : sizeLine.substring(0, semi)).trim();
            if (hex.isEmpty() || hex.length() > 8 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                throw malformed("A chunk size \"" + excerpt(sizeLine) + "\" is not hexadecimal.");
            }
            long size = Long.parseLong(hex, 16);
            if (size == 0) {
                while (!line(false).isEmpty()) {
                    // trailers: read and ignored
                }
                return out.toByteArray();
            }
            if (out.size() + size > max) {
                throw tooLarge(max);
            }
            byte[] chunk = in.readNBytes((int) size);
            if (chunk.length < size) {
                throw new EOFException("a chunk ended early");
            }
            out.write(chunk);
            if (!line(false).isEmpty()) {
                throw malformed("A chunk is longer than its size says.");
            }
        }
    }

    /** One line ended by CRLF (or LF), as ISO-8859-1; null at end of stream only where {@code eofAllowed}. */
    private String line(boolean eofAllowed) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(256);
        while (true) {
            int c = in.read();
            if (c < 0) {
                if (eofAllowed && b.size() == 0) {
                    return null;
                }
                throw new EOFException("the request ended in the middle of a line");
            }
            if (c == '\n') {
                byte[] bytes = b.toByteArray();
                int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
            }
            if (b.size() >= MAX_LINE) {
                throw malformed("A line of the request is longer than " + MAX_LINE + " bytes.");
            }
            b.write(c);
        }
    }

    static CloudException malformed(String message) {
        return new CloudException(ErrorStatus.MALFORMED_REQUEST, message);
    }

    private static CloudException tooLarge(int max) {
        return new CloudException(ErrorStatus.BODY_TOO_LARGE, "The request body is larger than " + max
                + " bytes, the most this server reads; send the parameters in the query string.");
    }

    private static String excerpt(String s) {
        String t = s.length() > 40 ? s.substring(0, 40) + "..." : s;
        return t.replaceAll("[^\\x20-\\x7e]", "?");
    }
}

package dev.peerform.emulator.wire;

import java.util.Map;

/**
 * One HTTP request's head as the server read it: the method, the raw query string (ISO-8859-1, still escaped),
 * the version and the headers (names in lower case). The body is read apart, after the server has decided that
 * it wants it.
 */
record Request(String method, String rawQuery, String version, Map<String, String> headers) {

    String header(String name) {
        return headers.get(name);
    }

    boolean chunked() {
        String te = header("transfer-encoding");
        return te != null && te.toLowerCase().contains("chunked");
    }

    /** The client waits for a {@code 100 Continue} before it sends the body (curl does for large bodies). */
    boolean expectsContinue() {
        String e = header("expect");
        return e != null && e.toLowerCase().contains("100-continue");
    }

    /** HTTP/1.1 keeps the connection unless told to close; HTTP/1.0 closes unless told to keep it. */
    boolean keepAlive() {
        String c = header("connection");
        String v = c == null ? "" : c.toLowerCase();
        if (version.equals("HTTP/1.0")) {
            return v.contains("keep-alive");
        }
        return !v.contains("close");
    }
}

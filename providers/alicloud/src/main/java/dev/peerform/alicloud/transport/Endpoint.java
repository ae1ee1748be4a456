package dev.peerform.alicloud.transport;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where the provider's API calls go: the in-process emulator, or a signed RPC endpoint over HTTP (the real API,
 * or the emulator served on loopback). Chosen once, from the provider's {@code endpoint} argument; a remote
 * endpoint never falls back to the emulator.
 */
public sealed interface Endpoint {

    String EMBEDDED_KEYWORD = "embedded";

    /** The in-process emulator. */
    record Embedded() implements Endpoint {
        @Override
        public String describe() {
            return "embedded emulator";
        }
    }

    /** A signed RPC endpoint, for example {@code http://127.0.0.1:8080/}. */
    record Remote(URI uri) implements Endpoint {
        @Override
        public String describe() {
            return uri.toString();
        }
    }

    /** What the plan prints so a user always sees which cloud a provider talks to. */
    String describe();

    /**
     * Reads the provider's {@code endpoint} argument: absent or {@code "embedded"} is the emulator, an http(s)
     * URL with a host is a remote endpoint, anything else is refused with a message that says what is accepted.
     */
    static Endpoint parse(String value) {
        if (value == null || value.isBlank() || value.trim().toLowerCase(Locale.ROOT).equals(EMBEDDED_KEYWORD)) {
            return new Embedded();
        }
        String text = value.trim();
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(invalid(text, "it is not a URL (" + e.getReason() + ")"));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException(invalid(text, "its scheme is not http or https"));
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException(invalid(text, "it names no host"));
        }
        return new Remote(uri);
    }

    private static String invalid(String text, String why) {
        return "endpoint \"" + text + "\" is not usable: " + why + ". Use \"embedded\" for the built-in emulator, "
                + "or an http(s) URL such as \"https://vpc.cn-hangzhou.aliyuncs.com\" or "
                + "\"http://127.0.0.1:8080\" for `peerform emulator serve`.";
    }
}

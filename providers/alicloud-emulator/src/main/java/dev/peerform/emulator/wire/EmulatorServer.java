package dev.peerform.emulator.wire;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.peerform.emulator.Emulator;
import dev.peerform.emulator.LostResponseException;
import dev.peerform.emulator.api.VpcApi;
import dev.peerform.emulator.cloud.CloudException;
import dev.peerform.vpcapi.wire.ApiResponse;
import dev.peerform.vpcapi.wire.RpcSignature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The emulator on the wire: the VPC API's RPC protocol over HTTP on loopback. GET or POST to {@code /}, query and
 * form parameters merged; signature version 1.0 verified, with the timestamp no more than 15 minutes off and each
 * SignatureNonce used once; JSON answers ({@code application/json}) and the API's error bodies.
 */
public final class EmulatorServer implements AutoCloseable {

    private static final Duration WINDOW = Duration.ofMinutes(15);

    private final Emulator emulator;
    private final Clock clock;
    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, Long> nonces = new ConcurrentHashMap<>();

    public EmulatorServer(Emulator emulator, Clock clock, int port) throws IOException {
        this.emulator = emulator;
        this.clock = clock;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        this.executor = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "emulator-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** {@code http://127.0.0.1:PORT/}. */
    public URI uri() {
        return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":"
                + server.getAddress().getPort() + "/");
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            Map<String, String> params = new LinkedHashMap<>(parse(exchange.getRequestURI().getRawQuery()));
            if (method.equals("POST")) {
                try (InputStream in = exchange.getRequestBody()) {
                    params.putAll(parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            } else if (!method.equals("GET")) {
                respond(exchange, new ApiResponse(405, VpcApi.error(UUID.randomUUID().toString(),
                        "UnsupportedHTTPMethod", "Use GET or POST.")));
                return;
            }
            String account;
            try {
                account = authenticate(method, params);
            } catch (CloudException e) {
                respond(exchange, new ApiResponse(e.httpStatus(), VpcApi.error(UUID.randomUUID().toString(),
                        e.code(), e.getMessage())));
                return;
            }
            ApiResponse response;
            try {
                response = emulator.callAs(account, params);
            } catch (LostResponseException lost) {
                return; // the call took effect; closing without an answer is what the caller experiences
            }
            respond(exchange, response);
        }
    }

    private String authenticate(String method, Map<String, String> params) {
        String keyId = params.get("AccessKeyId");
        if (keyId == null) {
            throw new CloudException("MissingAccessKeyId", "AccessKeyId is mandatory for this action.");
        }
        String secret = emulator.secretOf(keyId);
        if (secret == null) {
            throw new CloudException("InvalidAccessKeyId.NotFound", "Specified access key is not found.");
        }
        if (!"HMAC-SHA1".equals(params.get("SignatureMethod"))) {
            throw new CloudException("InvalidSignatureMethod", "Specified signature method is not valid: use "
                    + "HMAC-SHA1.");
        }
        if (!"1.0".equals(params.get("SignatureVersion"))) {
            throw new CloudException("UnsupportedSignatureVersion", "Specified signature version is not "
                    + "supported: use 1.0.");
        }
        String stamp = params.containsKey("Timestamp") ? params.get("Timestamp") : params.get("TimeStamp");
        if (stamp == null) {
            throw new CloudException("MissingTimestamp", "Timestamp is mandatory for this action.");
        }
        Instant when;
        try {
            when = Instant.parse(stamp);
        } catch (DateTimeParseException e) {
            throw new CloudException("InvalidTimeStamp.Format", "Specified time stamp or date value is not "
                    + "well formatted: use yyyy-MM-ddTHH:mm:ssZ.");
        }
        Instant now = clock.instant();
        if (Duration.between(when, now).abs().compareTo(WINDOW) > 0) {
            throw new CloudException("InvalidTimeStamp.Expired", "Specified time stamp or date value is "
                    + "expired: it is more than 15 minutes away from the server's time.");
        }
        String expected = RpcSignature.sign(method, params, secret);
        String given = params.getOrDefault("Signature", "");
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8))) {
            throw new CloudException("SignatureDoesNotMatch", "Specified signature is not matched with our "
                    + "calculation. The server's string to sign was: " + RpcSignature.stringToSign(method, params));
        }
        String nonce = params.get("SignatureNonce");
        if (nonce == null) {
            throw new CloudException("MissingSignatureNonce", "SignatureNonce is mandatory for this action.");
        }
        forgetOldNonces(now.toEpochMilli());
        if (nonces.putIfAbsent(keyId + "|" + nonce, now.toEpochMilli()) != null) {
            throw new CloudException("SignatureNonceUsed", "Specified signature nonce was used already.");
        }
        return emulator.accountOfKey(keyId);
    }

    private void forgetOldNonces(long now) {
        Iterator<Map.Entry<String, Long>> it = nonces.entrySet().iterator();
        while (it.hasNext()) {
            if (now - it.next().getValue() > WINDOW.toMillis()) {
                it.remove();
            }
        }
    }

    private static Map<String, String> parse(String raw) {
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
            out.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return out;
    }

    private static void respond(HttpExchange exchange, ApiResponse response) throws IOException {
        byte[] body = response.body().toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json;charset=utf-8");
        exchange.sendResponseHeaders(response.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}

package dev.peerform.alicloud.transport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.peerform.vpcapi.wire.ApiResponse;
import dev.peerform.vpcapi.wire.Product;
import dev.peerform.vpcapi.wire.RpcRequest;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The signed RPC client: every call is {@code POST /?<parameters>} with an empty form body, as the official SDKs
 * send it, signed with signature version 1.0, with connect and read timeouts. A timeout or a dropped connection is
 * a lost call (the caller retries it, creates with the same ClientToken). Each call goes to its product's endpoint
 * ({@link ProductEndpoints}) under its product's version; an STS token is sent as {@code SecurityToken}.
 */
public final class HttpRpcClient implements VpcClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI endpoint;
    private final ProductEndpoints products;
    private final String accessKeyId;
    private final String secret;
    private final String securityToken;
    private final Clock clock;
    private final Duration readTimeout;
    /**
     * Built on a thread of its own while the run loads and plans: building an HTTP client sets up the JDK's TLS
     * defaults (its trust store), a third of a second that no call needs to wait for when it starts at once.
     */
    private final FutureTask<HttpClient> http;

    private static final Method SHUTDOWN_NOW = shutdownNow();

    public HttpRpcClient(URI endpoint, String accessKeyId, String secret, Clock clock, Duration connectTimeout,
            Duration readTimeout) {
        this(ProductEndpoints.single(endpoint), accessKeyId, secret, null, clock, connectTimeout, readTimeout);
    }

    /**
     * @param securityToken an STS token, sent as {@code SecurityToken} with every call (signed with it), or null
     */
    public HttpRpcClient(ProductEndpoints products, String accessKeyId, String secret, String securityToken,
            Clock clock, Duration connectTimeout, Duration readTimeout) {
        URI vpc = products.of(Product.VPC);
        this.endpoint = vpc.getPath().isEmpty() ? vpc.resolve("/") : vpc;
        this.products = products;
        this.accessKeyId = accessKeyId;
        this.secret = secret;
        this.securityToken = securityToken == null || securityToken.isBlank() ? null : securityToken;
        this.clock = clock;
        this.readTimeout = readTimeout;
        this.http = new FutureTask<>(() -> stoppedAtExit(HttpClient.newBuilder().connectTimeout(connectTimeout)
                .build()));
        Thread builder = new Thread(http, "peerform-http-client");
        builder.setDaemon(true);
        builder.start();
    }

    /**
     * From Java 21 on, an HTTP client still open when the JVM exits holds the exit back by about a quarter of a
     * second (a plan over HTTP ended 0.3 s after its last line); one stopped by a shutdown hook does not. The hook
     * holds the client weakly, so that the clients a long-lived JVM (the tests) drops are not kept for it.
     */
    private static HttpClient stoppedAtExit(HttpClient client) {
        Method stop = SHUTDOWN_NOW;
        if (stop != null) {
            WeakReference<HttpClient> held = new WeakReference<>(client);
            try {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    HttpClient c = held.get();
                    if (c != null) {
                        try {
                            stop.invoke(c);
                        } catch (ReflectiveOperationException e) {
                            // the JVM exits anyway, only a little later
                        }
                    }
                }, "peerform-http-stop"));
            } catch (IllegalStateException e) {
                // the JVM is already exiting
            }
        }
        return client;
    }

    /** {@code HttpClient.shutdownNow}, which Java 21 added: looked up by name, since peerform runs on Java 17. */
    private static Method shutdownNow() {
        try {
            return HttpClient.class.getMethod("shutdownNow");
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private HttpClient http() throws CallLostException {
        try {
            return http.get();
        } catch (ExecutionException e) {
            throw new CallLostException("the HTTP client could not start: " + e.getCause().getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallLostException("interrupted", e);
        }
    }

    @Override
    public ApiResponse call(Map<String, String> params) throws CallLostException {
        Product product = Product.of(params.get("Action"));
        URI target = products.of(product);
        target = target.getPath().isEmpty() ? target.resolve("/") : target;
        Map<String, String> all = params;
        if (securityToken != null) {
            all = new LinkedHashMap<>(params);
            all.put("SecurityToken", securityToken);
        }
        Map<String, String> signed = RpcRequest.signed("POST", all, product.version(), accessKeyId, secret,
                clock.instant(), UUID.randomUUID().toString());
        HttpRequest request = HttpRequest.newBuilder(URI.create(target + "?" + RpcRequest.query(signed)))
                .timeout(readTimeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> response;
        try {
            response = http().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new CallLostException("no answer from " + target + " within " + readTimeout.toSeconds() + "s",
                    e);
        } catch (IOException e) {
            throw new CallLostException("the connection to " + target + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallLostException("interrupted", e);
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (IOException e) {
            body = null;
        }
        if (!type.startsWith("application/json") || body == null || !body.isObject()) {
            throw new CallLostException("the endpoint " + target + " did not answer with JSON (HTTP "
                    + response.statusCode() + ", " + type + ")", null);
        }
        return new ApiResponse(response.statusCode(), body);
    }

    @Override
    public String describe() {
        return endpoint.toString();
    }
}

package dev.peerform.alicloud.transport;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peerform.vpcapi.errors.ClientAction;
import dev.peerform.vpcapi.errors.ErrorCodes;
import dev.peerform.vpcapi.wire.ApiResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The VPC API for the provider: a call by action name, with retries and backoff on what the shared error table
 * ({@link ErrorCodes}) says to retry, and on lost answers; a refusal becomes an {@link ApiException} with the
 * cloud's code and what the table says a client does with it.
 */
public final class Api {

    private final VpcClient client;
    private final String region;
    private final int attempts;
    private final Duration base;
    private final Random random = new Random();
    private final Reads reads = new Reads();
    private final Map<Class<?>, Object> shared = new ConcurrentHashMap<>();

    public Api(VpcClient client, String region, int attempts, Duration base) {
        this.client = client;
        this.region = region;
        this.attempts = attempts;
        this.base = base;
    }

    public VpcClient client() {
        return client;
    }

    public String region() {
        return region;
    }

    /**
     * The one {@code type} that serves every call of this account and region (the poller that waiting steps
     * share), made on first use.
     */
    public <T> T shared(Class<T> type, Supplier<T> make) {
        return type.cast(shared.computeIfAbsent(type, t -> make.get()));
    }

    /** Reads side by side under the run's bound, and what this plan already read. */
    public Reads reads() {
        return reads;
    }

    /** Calls {@code action} with {@code kv} (name, value, ...) in the provider's region. */
    public JsonNode call(String action, String... kv) throws ApiException {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("Action", action);
        params.put("RegionId", region);
        for (int i = 0; i + 1 < kv.length; i += 2) {
            if (kv[i + 1] != null) {
                params.put(kv[i], kv[i + 1]);
            }
        }
        return call(params);
    }

    public JsonNode call(Map<String, String> params) throws ApiException {
        ApiException last = null;
        for (int attempt = 0; attempt < attempts; attempt++) {
            if (attempt > 0) {
                sleep(attempt);
            }
            ApiResponse r;
            try {
                r = client.call(params);
            } catch (CallLostException e) {
                last = new ApiException(params.get("Action"), "NoResponse", 0, e.getMessage(), ClientAction.RETRY);
                continue;
            }
            if (r.ok()) {
                return r.body();
            }
            String code = r.code() == null ? "Unknown" : r.code();
            String message = r.body().path("Message").asText("");
            String action = params.get("Action");
            last = new ApiException(action, code, r.status(), message, ErrorCodes.of(action, code, r.status(),
                    message));
            if (!last.isTransient()) {
                throw last;
            }
        }
        throw last;
    }

    private void sleep(int attempt) {
        long ceiling = Math.min(5_000, base.toMillis() << Math.min(attempt, 10));
        try {
            Thread.sleep(ceiling / 2 + random.nextLong(ceiling / 2 + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

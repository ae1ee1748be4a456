package dev.peerform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peerform.emulator.api.Params;
import dev.peerform.emulator.api.VpcApi;
import dev.peerform.emulator.cloud.Cloud;
import dev.peerform.emulator.cloud.CloudException;
import dev.peerform.emulator.cloud.Durations;
import dev.peerform.emulator.cloud.Model.Account;
import dev.peerform.emulator.cloud.Model.CallRecord;
import dev.peerform.emulator.cloud.Quotas;
import dev.peerform.emulator.cloud.World;
import dev.peerform.emulator.cloud.WorldClock;
import dev.peerform.emulator.store.Change;
import dev.peerform.emulator.store.FileStore;
import dev.peerform.emulator.store.MemoryStore;
import dev.peerform.emulator.store.WorldStore;
import dev.peerform.vpcapi.errors.ErrorCodes;
import dev.peerform.vpcapi.wire.ApiResponse;
import dev.peerform.vpcapi.wire.Product;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The Express Connect cloud, in process: authenticates a call by access key, injects the configured faults, runs
 * the action on the world under a lock (shared with other processes when the world is a file), persists what
 * changed and records the call in the log. The HTTP server and the provider's embedded transport both call it.
 */
public final class Emulator implements AutoCloseable {

    /** How the emulator behaves; every part has a default. */
    public record Options(Clock clock, Durations durations, Quotas quotas, Faults faults) {
        public static Options embedded() {
            return new Options(Clock.systemUTC(), Durations.EMBEDDED_DEFAULTS, Quotas.DEFAULTS, Faults.NONE);
        }

        public Options with(Durations d) {
            return new Options(clock, d, quotas, faults);
        }

        public Options with(Quotas q) {
            return new Options(clock, durations, q, faults);
        }

        public Options with(Faults f) {
            return new Options(clock, durations, quotas, f);
        }

        public Options with(Clock c) {
            return new Options(c, durations, quotas, faults);
        }
    }

    private final WorldStore store;
    private final Options options;
    private final Random random;
    private final CallClock now = new CallClock();
    private Consumer<Long> sleeper = Emulator::sleep;
    private World world;
    private Cloud cloud;
    private VpcApi api;
    private long requests;

    private Emulator(WorldStore store, World world, Options options) {
        this.store = store;
        this.options = options;
        this.random = new Random(options.faults().seed());
        use(world);
    }

    /** An emulator whose world lives in memory. */
    public static Emulator inMemory(World world, Options options) {
        return new Emulator(new MemoryStore(), world, options);
    }

    /** The embedded emulator on a world file; a missing file starts from {@code seed}. */
    public static Emulator onFile(Path file, World seed, Options options) {
        FileStore store = new FileStore(file);
        try (WorldStore.Lock lock = store.lock()) {
            WorldStore.Update first = store.update();
            Emulator e;
            if (first == null) {
                store.save(seed);
                e = new Emulator(store, seed, options);
            } else {
                e = new Emulator(store, first.base(), options);
                e.replay(first.changes());
                if (!first.changes().isEmpty()) {
                    // the changes are run once here, not again by every process that opens the world after
                    store.save(e.world);
                }
            }
            return e;
        }
    }

    /**
     * Writes into the world file every change logged since it was last written, so that readers of the file alone
     * (`emulator show`, audits, tests) see the world as it is.
     */
    public static void compact(Path file) {
        onFile(file, Seed.emptyWorld(), Options.embedded());
    }

    private void use(World w) {
        this.world = w;
        // the call clock (fixed for one call, so a replay gives the same world) plus `emulator advance`
        this.cloud = new Cloud(w, new WorldClock(now, w), options.durations(), options.quotas());
        this.api = new VpcApi(cloud);
    }

    /** Brings the world in memory up to date with what other processes changed; called under the locks. */
    private void sync() {
        WorldStore.Update u = store.update();
        if (u != null) {
            if (u.base() != null) {
                use(u.base());
            }
            replay(u.changes());
        }
    }

    /** Runs logged changes again, each with the time, request id and rules of the call that made it. */
    private void replay(List<Change> changes) {
        for (Change c : changes) {
            if (c.seq() <= world.changes) {
                continue;
            }
            now.set(c.at());
            Durations d = c.transitionTimes();
            Quotas q = c.limits();
            VpcApi by = d.equals(options.durations()) && q.equals(options.quotas()) ? api
                    : new VpcApi(new Cloud(world, now, d, q));
            execute(by, c.account(), new Params(c.params()), c.requestId());
            world.changes = c.seq();
        }
    }

    /** Replaces how injected latency waits (tests count instead of sleeping). */
    public void sleeper(Consumer<Long> s) {
        this.sleeper = s;
    }

    /**
     * A call with its credentials checked the way the embedded transport needs (no signature: the caller is in
     * the same process); an unknown key or a wrong secret is refused as the API refuses them.
     */
    public ApiResponse call(String accessKeyId, String secret, Map<String, String> params) {
        String account = accountOfKey(accessKeyId);
        if (account == null) {
            return rejected(params, null, new CloudException("InvalidAccessKeyId.NotFound",
                    "Specified access key is not found."));
        }
        if (!secretMatches(account, accessKeyId, secret)) {
            return rejected(params, account, new CloudException("SignatureDoesNotMatch",
                    "The request signature does not conform to Aliyun standards (wrong secret)."));
        }
        return callAs(account, params);
    }

    /** A call from an account whose request was already authenticated (by signature, on the wire). */
    public ApiResponse callAs(String account, Map<String, String> params) {
        long latency = options.faults().latency().toMillis();
        if (latency > 0) {
            sleeper.accept(latency);
        }
        Params p = new Params(params);
        String action = params.getOrDefault("Action", "");
        boolean lost;
        ApiResponse response;
        try (WorldStore.Lock lock = store.lock()) {
            synchronized (this) {
                sync();
                now.set(options.clock().millis());
                String requestId = requestId();
                double throttle = random.nextDouble();
                double serverError = random.nextDouble();
                lost = random.nextDouble() < options.faults().lostResponseRate();
                if (throttle < options.faults().throttleRate()) {
                    response = error(requestId, new CloudException(ErrorCodes.THROTTLING_USER,
                            "Request was denied due to user flow control."));
                } else if (serverError < options.faults().serverErrorRate()) {
                    response = error(requestId, new CloudException(ErrorCodes.SERVICE_UNAVAILABLE,
                            "The request has failed due to a temporary failure of the server."));
                } else {
                    response = execute(api, account, p, requestId);
                }
                if (response.ok() && !action.startsWith("Describe")) {
                    world.changes++;
                    store.logged(Change.of(world.changes, now.millis(), account, replayable(params), requestId,
                            options.durations(), options.quotas()), world);
                } else if (!response.ok()) {
                    lost = false;
                }
                store.append(record(account, action, params, response, requestId));
            }
        }
        if (lost) {
            throw new LostResponseException(action);
        }
        return response;
    }

    /** The request as the change log keeps it: its signature proves nothing on replay. */
    private static Map<String, String> replayable(Map<String, String> params) {
        Map<String, String> out = new TreeMap<>(params);
        out.remove("Signature");
        return out;
    }

    private ApiResponse execute(VpcApi api, String account, Params p, String requestId) {
        try {
            String version = VpcApi.versionOf(String.valueOf(p.optional("Action")));
            if (p.optional("Version") != null && !Product.accepts(String.valueOf(p.optional("Action")),
                    p.optional("Version"))) {
                throw new CloudException("InvalidVersion", "Specified parameter Version is not valid: this "
                        + "API version is " + version + ".");
            }
            return new ApiResponse(200, api.call(account, p, requestId));
        } catch (CloudException e) {
            return error(requestId, e);
        }
    }

    private ApiResponse rejected(Map<String, String> params, String account, CloudException e) {
        try (WorldStore.Lock lock = store.lock()) {
            synchronized (this) {
                String requestId = requestId();
                ApiResponse r = error(requestId, e);
                store.append(record(account, params.getOrDefault("Action", ""), params, r, requestId));
                return r;
            }
        }
    }

    private static ApiResponse error(String requestId, CloudException e) {
        return new ApiResponse(e.httpStatus(), VpcApi.error(requestId, e.code(), e.getMessage()));
    }

    private CallRecord record(String account, String action, Map<String, String> params, ApiResponse response,
            String requestId) {
        List<String> ids = new ArrayList<>();
        params.forEach((k, v) -> {
            if ((k.endsWith("Id") || k.matches("Filter\\.\\d+\\.Value\\.\\d+")) && !k.equals("AccessKeyId")
                    && !k.equals("RegionId") && !k.equals("OppositeRegionId") && !k.equals("OppositeInterfaceOwnerId")
                    && v != null && !v.isEmpty()) {
                ids.add(v);
            }
        });
        if (response.ok()) {
            Iterator<Map.Entry<String, JsonNode>> fields = response.body().fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                if (f.getKey().endsWith("Id") && !f.getKey().equals("RequestId") && f.getValue().isTextual()
                        && !ids.contains(f.getValue().asText())) {
                    ids.add(f.getValue().asText());
                }
            }
        }
        return new CallRecord(cloud.clock().millis(), account, action, ids,
                response.ok() ? "OK" : response.code(), requestId);
    }

    private String requestId() {
        long n = ++requests;
        return String.format("%08X-%04X-4%03X-%04X-%012X", random.nextInt(), n & 0xFFFF, random.nextInt(0x1000),
                0x8000 | random.nextInt(0x4000), random.nextLong() & 0xFFFFFFFFFFFFL);
    }

    /** The account an access key belongs to, or null. */
    public synchronized String accountOfKey(String accessKeyId) {
        return accessKeyId == null ? null : world.accountOfKey(accessKeyId);
    }

    /** The secret of an access key, for verifying signatures on the wire; null when unknown. */
    public synchronized String secretOf(String accessKeyId) {
        String account = accountOfKey(accessKeyId);
        if (account == null) {
            return null;
        }
        return world.accounts.get(account).keys.stream().filter(k -> k.id.equals(accessKeyId)).findFirst()
                .map(k -> k.secret).orElse(null);
    }

    private synchronized boolean secretMatches(String account, String key, String secret) {
        Account a = world.accounts.get(account);
        return a.keys.stream().anyMatch(k -> k.id.equals(key) && k.secret.equals(secret));
    }

    /** Every account and its access keys, as {@code peerform emulator serve} lists them. */
    public synchronized List<Account> accounts() {
        return List.copyOf(world.accounts.values());
    }

    /** The calls received, oldest first. */
    public List<CallRecord> callLog() {
        return store.log();
    }

    /** Out-of-band changes, as a person would make them in the console. */
    public Console console() {
        return new Console(this);
    }

    /**
     * Runs {@code change} on the cloud under the emulator's locks and persists the result. Locks are always taken
     * in one order, the store's first, then this object's, so that no two paths can deadlock.
     */
    <T> T change(Function<Cloud, T> change) {
        try (WorldStore.Lock lock = store.lock()) {
            synchronized (this) {
                sync();
                now.set(options.clock().millis());
                cloud.settle();
                T result = change.apply(cloud);
                store.save(world);
                return result;
            }
        }
    }

    /** The world's time: the host's clock plus what {@code emulator advance} added. */
    public java.time.Instant now() {
        return read(w -> new WorldClock(options.clock(), w).instant());
    }

    /** Reads the world under the locks, for inspection and tests. */
    public <T> T read(Function<World, T> reader) {
        try (WorldStore.Lock lock = store.lock()) {
            synchronized (this) {
                sync();
                now.set(options.clock().millis());
                cloud.settle();
                return reader.apply(world);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        store.close();
    }
}

package dev.peerform.engine;

import dev.peerform.diag.Diagnostics;
import dev.peerform.spi.AttributeSchema;
import dev.peerform.spi.ChangeAction;
import dev.peerform.spi.ChangeView;
import dev.peerform.spi.ConfiguredProvider;
import dev.peerform.spi.Phase;
import dev.peerform.spi.ProviderFactory;
import dev.peerform.spi.ResourceType;
import dev.peerform.spi.Schema;
import dev.peerform.spi.StepContext;
import dev.peerform.spi.StepEdge;
import dev.peerform.spi.StepException;
import dev.peerform.spi.StepSpec;
import dev.peerform.spi.StepView;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.Type;
import dev.peerform.value.Value;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory cloud and its provider, for the engine's tests: "testcloud_thing" objects (create = create + wait,
 * delete = stop + delete; a changed "zone" replaces), and "testcloud_link" whose "connect" step must follow the
 * "prepare" step of the link it names as its peer, an ordering rule no reference expresses. Changes to things in
 * one "table" share a concurrency key. It records every call, counts overlapping calls per key, and can inject
 * latency, transient failures and permanent failures.
 */
public final class TestCloud implements ProviderFactory {

    /** One recorded call: "create thing.a", "connect link.x". */
    public final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    public final Map<String, ObjectValue> objects = new ConcurrentHashMap<>();
    /** ClientToken -> id: a repeated create with the same token returns the first object. */
    public final Map<String, String> tokens = new ConcurrentHashMap<>();
    public final AtomicInteger readCalls = new AtomicInteger();
    public final AtomicInteger maxConcurrentPerKey = new AtomicInteger();
    private final Map<String, AtomicInteger> runningPerKey = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    public volatile Duration latency = Duration.ZERO;
    /** Names whose create fails for good. */
    public final List<String> failing = Collections.synchronizedList(new ArrayList<>());
    /** Transient failures still to inject before a call succeeds. */
    public final AtomicInteger transientFailures = new AtomicInteger();
    /** When set, create of this name blocks until released (for interruption tests). */
    public volatile java.util.concurrent.CountDownLatch gate;
    public volatile String gated;

    /** Per step name, the step timeout the provider asks for (as a resource's timeouts block would). */
    public final Map<String, Duration> stepTimeouts = new ConcurrentHashMap<>();
    /** Per step label, how long the step had before its deadline when it started. */
    public final Map<String, Duration> timeLeft = new ConcurrentHashMap<>();

    static final Schema THING = Schema.builder()
            .attribute("id", AttributeSchema.computed(Type.STRING))
            .attribute("name", AttributeSchema.required(Type.STRING))
            .attribute("zone", AttributeSchema.optional(Type.STRING).forcesNew())
            .attribute("size", AttributeSchema.optional(Type.NUMBER))
            .attribute("parent_id", AttributeSchema.optional(Type.STRING))
            .attribute("table", AttributeSchema.optional(Type.STRING))
            .attribute("secret", AttributeSchema.optional(Type.STRING).asSensitive())
            .build();

    static final Schema LINK = Schema.builder()
            .attribute("id", AttributeSchema.computed(Type.STRING))
            .attribute("thing_id", AttributeSchema.required(Type.STRING))
            .attribute("peer_thing_id", AttributeSchema.required(Type.STRING))
            .attribute("initiator", AttributeSchema.optional(Type.BOOL))
            .build();

    @Override
    public String name() {
        return "testcloud";
    }

    @Override
    public Schema configSchema() {
        return Schema.builder().attribute("region", AttributeSchema.optional(Type.STRING)).build();
    }

    @Override
    public Map<String, ResourceType> resourceTypes() {
        return Map.of("testcloud_thing", new Type0("testcloud_thing", THING), "testcloud_link",
                new Type0("testcloud_link", LINK));
    }

    @Override
    public ConfiguredProvider configure(String key, ObjectValue config, Path workingDir, Map<String, String> env,
            Diagnostics diags) {
        return new Configured();
    }

    private static final class Type0 implements ResourceType {
        private final String name;
        private final Schema schema;

        Type0(String name, Schema schema) {
            this.name = name;
            this.schema = schema;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Schema schema() {
            return schema;
        }

        @Override
        public List<StepSpec> steps(ChangeView change) {
            List<StepSpec> out = new ArrayList<>();
            boolean link = name.equals("testcloud_link");
            if (change.action().destroys()) {
                out.add(StepSpec.of("stop", Phase.DESTROY, "stop"));
                out.add(StepSpec.of("delete", Phase.DESTROY, "delete"));
            }
            if (change.action() == ChangeAction.UPDATE) {
                out.add(StepSpec.of("update", Phase.UPDATE, "update"));
            } else if (change.action().creates()) {
                if (link) {
                    out.add(StepSpec.of("prepare", Phase.CREATE, "prepare"));
                    out.add(StepSpec.of("connect", Phase.CREATE, "connect").waiting("the peer prepared"));
                } else {
                    out.add(StepSpec.of("create", Phase.CREATE, "create"));
                    out.add(StepSpec.of("wait", Phase.CREATE, "wait until ready").waiting("ready"));
                }
            }
            return out;
        }
    }

    private final class Configured implements ConfiguredProvider {
        @Override
        public String endpoint() {
            return "in-memory test cloud";
        }

        @Override
        public List<StepEdge> order(List<StepView> steps) {
            List<StepEdge> edges = new ArrayList<>();
            for (StepView connect : steps) {
                if (!connect.type().equals("testcloud_link") || !connect.spec().name().equals("connect")) {
                    continue;
                }
                for (StepView prepare : steps) {
                    if (prepare.type().equals("testcloud_link") && prepare.spec().name().equals("prepare")
                            && prepare != connect && sameThing(connect, prepare)) {
                        edges.add(new StepEdge(prepare, connect, "the peer link is prepared"));
                    }
                }
            }
            return edges;
        }

        /** The connect's peer thing is the prepare's own thing: matched by reference (ids are unknown yet). */
        private boolean sameThing(StepView connect, StepView prepare) {
            List<String> peerRefs = connect.references().getOrDefault("peer_thing_id", List.of());
            List<String> ownRefs = prepare.references().getOrDefault("thing_id", List.of());
            return peerRefs.stream().anyMatch(ownRefs::contains);
        }

        @Override
        public Duration stepTimeout(StepView step, ObjectValue current) {
            return stepTimeouts.get(step.spec().name());
        }

        @Override
        public String concurrencyKey(StepView step, ObjectValue current) {
            Value table = current == null ? null : current.get("table");
            return table == null || table.isNull() || !table.isKnown() ? null : "table:" + table.asString();
        }

        @Override
        public List<ObjectValue> read(String type, List<ObjectValue> priors, Diagnostics diags) {
            List<ObjectValue> out = new ArrayList<>();
            for (int i = 0; i < priors.size(); i += 50) {
                readCalls.incrementAndGet(); // the API pages 50 ids a call
                for (ObjectValue p : priors.subList(i, Math.min(priors.size(), i + 50))) {
                    out.add(objects.get(p.get("id").asString()));
                }
            }
            return out;
        }

        @Override
        public ObjectValue execute(StepContext ctx, StepView step, ObjectValue current) throws StepException {
            String key = concurrencyKey(step, current);
            AtomicInteger running = key == null ? null : runningPerKey.computeIfAbsent(key, k -> new AtomicInteger());
            if (running != null) {
                maxConcurrentPerKey.accumulateAndGet(running.incrementAndGet(), Math::max);
            }
            try {
                return run(ctx, step, current);
            } finally {
                if (running != null) {
                    running.decrementAndGet();
                }
            }
        }

        private ObjectValue run(StepContext ctx, StepView step, ObjectValue current) throws StepException {
            String label = step.spec().name() + " " + step.address();
            if (!latency.isZero()) {
                try {
                    Thread.sleep(latency.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (transientFailures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                calls.add("throttled " + label);
                throw StepException.retryable("throttled", "Throttling.User");
            }
            calls.add(label);
            timeLeft.put(label, Duration.between(ctx.clock().instant(), ctx.deadline()));
            Map<String, Value> attrs = current == null ? new TreeMap<>() : new TreeMap<>(current.attributes());
            switch (step.spec().name()) {
                case "create", "prepare" -> {
                    String name = attrs.containsKey("name") ? attrs.get("name").asString() : step.address().toString();
                    if (failing.contains(name)) {
                        throw StepException.permanent("the cloud refused " + name, "Forbidden", "Pick another name.");
                    }
                    if (gated != null && gated.equals(name)) {
                        try {
                            gate.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    String id = tokens.computeIfAbsent(ctx.clientToken(), t -> "id-" + ids.incrementAndGet());
                    attrs.put("id", Value.of(id));
                    ObjectValue o = new ObjectValue(attrs);
                    objects.put(id, o);
                    return o;
                }
                case "stop" -> {
                    return current;
                }
                case "delete" -> {
                    objects.remove(current.get("id").asString());
                    return null;
                }
                default -> {
                    if (step.spec().name().equals("update") && failing.contains(attrs.get("name").asString())) {
                        throw StepException.permanent("the cloud refused to change " + step.address(), "Forbidden",
                                "Change it back.");
                    }
                    ObjectValue o = new ObjectValue(attrs);
                    objects.put(attrs.get("id").asString(), o);
                    return o;
                }
            }
        }
    }
}

package dev.peerform.states;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peerform.addrs.InstanceAddress;
import dev.peerform.addrs.InstanceKey;
import dev.peerform.addrs.ResourceAddress;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The state: what peerform last knew of every object it manages (Terraform's state v4: serial, lineage, outputs,
 * resources with instances). Mutable, owned by one run at a time (the backend's lock sees to that).
 */
public final class State {

    /** One resource's instances and the provider configuration that manages them. */
    public static final class Resource {
        public final ResourceAddress address;
        public String provider;
        public final SortedMap<InstanceKey, InstanceState> instances = new TreeMap<>();

        public Resource(ResourceAddress address, String provider) {
            this.address = address;
            this.provider = provider;
        }
    }

    public record Output(JsonNode value, JsonNode type, boolean sensitive) {
    }

    private long serial;
    private String lineage;
    private String terraformVersion = "1.11.4";
    private final SortedMap<ResourceAddress, Resource> resources = new TreeMap<>();
    /** The same resources by hash: a plan looks each instance up several times, a sorted map costs log N each. */
    private final Map<ResourceAddress, Resource> index = new HashMap<>();
    private final Map<String, Output> outputs = new TreeMap<>(); // by name, as Terraform writes them

    public State(long serial, String lineage) {
        this.serial = serial;
        this.lineage = lineage;
    }

    /** No state yet: its lineage is chosen when it is first written (so a plan of nothing can match it). */
    public static State empty() {
        return new State(0, "");
    }

    /** Gives a state that never had one a fresh lineage. */
    public void ensureLineage() {
        if (lineage == null || lineage.isEmpty()) {
            lineage = UUID.randomUUID().toString();
        }
    }

    public long serial() {
        return serial;
    }

    public String lineage() {
        return lineage;
    }

    public String terraformVersion() {
        return terraformVersion;
    }

    public void terraformVersion(String v) {
        terraformVersion = v;
    }

    public void bumpSerial() {
        serial++;
    }

    public SortedMap<ResourceAddress, Resource> resources() {
        return Collections.unmodifiableSortedMap(resources);
    }

    public Resource resource(ResourceAddress address) {
        return index.get(address);
    }

    public InstanceState instance(InstanceAddress address) {
        Resource r = index.get(address.resource());
        return r == null ? null : r.instances.get(address.key());
    }

    public void put(InstanceAddress address, String provider, InstanceState instance) {
        Resource r = index.get(address.resource());
        if (r == null) {
            r = resources.computeIfAbsent(address.resource(), a -> new Resource(a, provider));
            index.put(address.resource(), r);
        }
        if (provider != null) {
            r.provider = provider;
        }
        r.instances.put(address.key(), instance);
    }

    public void remove(InstanceAddress address) {
        Resource r = index.get(address.resource());
        if (r == null) {
            return;
        }
        r.instances.remove(address.key());
        if (r.instances.isEmpty()) {
            resources.remove(address.resource());
            index.remove(address.resource());
        }
    }

    public Map<String, Output> outputs() {
        return outputs;
    }

    public int instanceCount() {
        return resources.values().stream().mapToInt(r -> r.instances.size()).sum();
    }
}

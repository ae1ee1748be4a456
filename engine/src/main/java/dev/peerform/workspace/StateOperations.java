package dev.peerform.workspace;

import dev.peerform.addrs.InstanceAddress;
import dev.peerform.addrs.InstanceKey;
import dev.peerform.diag.Diagnostics;
import dev.peerform.json.TerraformJson;
import dev.peerform.providers.ProviderSet;
import dev.peerform.render.StateView;
import dev.peerform.states.InstanceState;
import dev.peerform.states.LockInfo;
import dev.peerform.states.State;
import dev.peerform.states.StateCodec;
import dev.peerform.states.StateLockedException;
import dev.peerform.states.StateStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code state list|show|pull|rm|mv} and {@code force-unlock}: reading the state, and editing it carefully under
 * its lock. Every refusal, a malformed address among them, is a diagnostic.
 */
public final class StateOperations {

    private final StateStore store;

    StateOperations(StateStore store) {
        this.store = store;
    }

    /** Every instance address in the state that is, or is inside, one of the filters (all without filters). */
    public List<String> list(List<String> filters) throws IOException {
        List<String> out = new ArrayList<>();
        for (State.Resource r : store.read().resources().values()) {
            for (InstanceKey k : r.instances.keySet()) {
                String a = r.address.toString() + k;
                if (filters.isEmpty() || filters.stream().anyMatch(f -> a.equals(f) || a.startsWith(f + "[")
                        || a.startsWith(f + "."))) {
                    out.add(a);
                }
            }
        }
        return out;
    }

    /** One instance's attributes as HCL; null, with the reason, when there is no such instance. */
    public String show(String address, Diagnostics diags) throws IOException {
        State state = store.read();
        InstanceAddress a = Addresses.parse(address, diags);
        if (a == null) {
            return null;
        }
        InstanceState is = state.instance(a);
        if (is == null) {
            diags.error("No instance found for the given address", "The state has no resource instance " + a
                    + ". Use `peerform state list` to see what it has.", null);
            return null;
        }
        return StateView.instance(a, is, ProviderSet.available(Map.of()).resourceType(a.resource().type()));
    }

    /** The state as its JSON, indented as Terraform writes it. */
    public String pull() throws IOException {
        return TerraformJson.MAPPER.writeValueAsString(StateCodec.encode(store.read()));
    }

    /**
     * Removes instances from the state (the objects themselves stay). Returns the addresses removed (or that would
     * be, with {@code dryRun}) up to the first that is refused; the state is written only when none is.
     */
    public List<String> remove(List<String> addresses, boolean dryRun, Diagnostics diags) throws IOException {
        List<String> removed = new ArrayList<>();
        try (StateStore.Lock lock = store.lock("OperationTypeStateRm", Locking.NOW.timeout())) {
            State state = store.read();
            for (String text : addresses) {
                InstanceAddress a = Addresses.parse(text, diags);
                if (a == null) {
                    return removed;
                }
                if (state.instance(a) == null) {
                    diags.error("Invalid target address", "No matching objects found for " + text + ".", null);
                    return removed;
                }
                removed.add(a.toString());
                if (!dryRun) {
                    state.remove(a);
                }
            }
            if (!dryRun) {
                state.bumpSerial();
                store.write(state);
            }
        } catch (StateLockedException e) {
            diags.error("Error acquiring the state lock", e.getMessage(), null);
        }
        return removed;
    }

    /** Where {@code state mv} moved an instance from and to, as addresses print. */
    public record Moved(InstanceAddress from, InstanceAddress to) {
    }

    /** Moves an instance to another address of the same type; null, with the reason, when refused. */
    public Moved move(String source, String destination, Diagnostics diags) throws IOException {
        try (StateStore.Lock lock = store.lock("OperationTypeStateMv", Locking.NOW.timeout())) {
            State state = store.read();
            InstanceAddress from = Addresses.parse(source, diags);
            InstanceAddress to = from == null ? null : Addresses.parse(destination, diags);
            if (to == null) {
                return null;
            }
            InstanceState is = state.instance(from);
            if (is == null) {
                diags.error("Invalid source address", "No matching objects found for " + source + ".", null);
                return null;
            }
            if (state.instance(to) != null) {
                diags.error("Invalid destination address", destination + " already exists in the state.", null);
                return null;
            }
            if (!from.resource().type().equals(to.resource().type())) {
                diags.error("Invalid state move request", "Cannot move " + source + " to " + destination
                        + ": resource types do not match.", null);
                return null;
            }
            String provider = state.resource(from.resource()).provider;
            state.remove(from);
            state.put(to, provider, is);
            state.bumpSerial();
            store.write(state);
            return new Moved(from, to);
        } catch (StateLockedException e) {
            diags.error("Error acquiring the state lock", e.getMessage(), null);
            return null;
        }
    }

    /** Releases the lock with this ID, whoever holds it; false, with the reason, when no lock has that ID. */
    public boolean forceUnlock(String id, Diagnostics diags) throws IOException {
        if (store.forceUnlock(id)) {
            return true;
        }
        LockInfo holder = store.lockHolder();
        diags.error("Failed to unlock state", holder == null ? "The state is not locked."
                : "The lock ID \"" + id + "\" does not match the existing lock ID \"" + holder.id() + "\".", null);
        return false;
    }
}

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
 * {@code state list|show|pull|push|rm|mv|replace-provider}, {@code taint}, {@code untaint} and {@code force-unlock}: reading the state, and editing it carefully under
 * its lock. Every refusal, a malformed address among them, is a diagnostic.
 */
public final class StateOperations {

    private final StateStore store;

    StateOperations(StateStore store) {
        this.store = store;
    }

    /**
     * Every instance address in the state that is, or is inside, one of the filters (all without filters), and
     * whose {@code id} is {@code id} when given. No state at all, or a filter that matches nothing, is an error,
     * as in Terraform.
     */
    public List<String> list(List<String> filters, String id, Diagnostics diags) throws IOException {
        State state = store.read();
        List<String> out = new ArrayList<>();
        if (!exists(state) && !store.hasJournal()) {
            diags.error("No state file was found!", "State management commands require a state file. Run this "
                    + "command in a directory where peerform has been run or use the -state flag to point the "
                    + "command to an existing state file.", null);
            return out;
        }
        for (String f : filters) {
            if (Addresses.parse(f, diags) == null) {
                return out;
            }
        }
        List<String> unmatched = new ArrayList<>(filters);
        for (State.Resource r : state.resources().values()) {
            for (Map.Entry<InstanceKey, InstanceState> i : r.instances.entrySet()) {
                String a = r.address.toString() + i.getKey();
                List<String> matching = filters.stream().filter(f -> a.equals(f) || a.startsWith(f + "[")
                        || a.startsWith(f + ".")).toList();
                unmatched.removeAll(matching);
                if ((filters.isEmpty() || !matching.isEmpty()) && (id == null || id.equals(idOf(i.getValue())))) {
                    out.add(a);
                }
            }
        }
        if (!unmatched.isEmpty()) {
            diags.error("Unknown resource", "Resource " + unmatched.get(0) + " is not in the state.", null);
        }
        return out;
    }

    private static String idOf(InstanceState is) {
        return is.attributes() != null && is.attributes().hasNonNull("id") ? is.attributes().get("id").asText()
                : null;
    }

    /**
     * Whether a state was ever written here (one emptied by destroy still exists), or a crashed run's journal left
     * objects to fold into one.
     */
    private static boolean exists(State state) {
        return state.lineage() != null && !state.lineage().isEmpty() || state.instanceCount() > 0
                || state.serial() > 0;
    }

    /**
     * {@code taint} and {@code untaint}: marks (or unmarks) one instance for replacement at the next apply.
     * Returns the message to print, or null with the reason. A missing instance is only a warning with
     * {@code allowMissing}.
     */
    public String setTainted(String address, boolean tainted, boolean allowMissing, Diagnostics diags)
            throws IOException {
        String verb = tainted ? "tainted" : "untainted";
        try (StateStore.Lock lock = store.lock(tainted ? "OperationTypeTaint" : "OperationTypeUntaint",
                Locking.NOW.timeout())) {
            State state = store.read();
            InstanceAddress a = Addresses.parse(address, diags);
            if (a == null) {
                return null;
            }
            InstanceState is = state.instance(a);
            if (is == null) {
                String detail = state.instanceCount() == 0
                        ? "The state currently contains no resource instances whatsoever. This may occur if the "
                        + "configuration has never been applied or if it has recently been destroyed."
                        : "There is no resource instance in the state with the address " + a + ". If the resource "
                        + "configuration has just been added, you must run \"peerform apply\" once to create the "
                        + "corresponding instance(s) before they can be " + verb + ".";
                if (allowMissing) {
                    diags.warning("No such resource instance", "Resource instance " + a + " was not found, but "
                            + "this is not an error because -allow-missing was set.", null);
                    return "";
                }
                diags.error("No such resource instance", detail, null);
                return null;
            }
            if (!tainted && !is.tainted()) {
                diags.error("Resource instance is not tainted", "Resource instance " + a + " is not currently "
                        + "tainted, and so it cannot be untainted.", null);
                return null;
            }
            if (tainted && is.attributes() == null) {
                diags.error("Cannot taint resource instance", "Resource instance " + a + " has no current "
                        + "object to taint.", null);
                return null;
            }
            state.put(a, null, is.withTainted(tainted));
            state.bumpSerial();
            store.write(state);
            return tainted ? "Resource instance " + a + " has been marked as tainted."
                    : "Resource instance " + a + " has been successfully untainted.";
        } catch (StateLockedException e) {
            diags.error("Error acquiring the state lock", e.getMessage(), null);
            return null;
        }
    }

    /**
     * {@code state push}: replaces the stored state with {@code bytes}, refused (unless {@code force}) when it
     * belongs to another lineage or is older than the stored one, as Terraform refuses it. False with the reason.
     */
    public boolean push(byte[] bytes, String where, boolean force, Diagnostics diags) throws IOException {
        State pushed;
        try {
            pushed = StateCodec.read(bytes, where);
        } catch (RuntimeException e) {
            diags.error("Failed to load state", "The state in " + where + " cannot be read: " + e.getMessage(),
                    null);
            return false;
        }
        try (StateStore.Lock lock = store.lock("OperationTypeStatePush", Locking.NOW.timeout())) {
            State current = store.read();
            String refusal = force || current.instanceCount() == 0 && current.outputs().isEmpty() ? null
                    : !pushed.lineage().equals(current.lineage())
                    ? "cannot import state with lineage \"" + pushed.lineage() + "\" over unrelated state with "
                    + "lineage \"" + current.lineage() + "\""
                    : pushed.serial() < current.serial()
                    ? "cannot import state with serial " + pushed.serial() + " over newer state with serial "
                    + current.serial()
                    : pushed.serial() == current.serial()
                    && !StateCodec.encode(pushed).equals(StateCodec.encode(current))
                    ? "cannot overwrite existing state with serial " + pushed.serial() + " with a different state "
                    + "that has the same serial" : null;
            if (refusal != null) {
                diags.error("Failed to write state", refusal + ". Use -force to push it anyway.", null);
                return false;
            }
            store.write(pushed);
            return true;
        } catch (StateLockedException e) {
            diags.error("Error acquiring the state lock", e.getMessage(), null);
            return false;
        }
    }

    /**
     * The resources whose provider is {@code from} (a state provider string such as
     * {@code provider["registry.terraform.io/hashicorp/aws"]}, matched on its source address); with {@code write},
     * they are given {@code to} and the state is written.
     */
    public List<String> replaceProvider(String from, String to, boolean write, Diagnostics diags)
            throws IOException {
        List<String> changed = new ArrayList<>();
        try (StateStore.Lock lock = store.lock("OperationTypeStateReplaceProvider", Locking.NOW.timeout())) {
            State state = store.read();
            for (State.Resource r : state.resources().values()) {
                if (from.equals(sourceOf(r.provider))) {
                    changed.add(r.address.toString());
                    if (write) {
                        r.provider = r.provider.replace("\"" + from + "\"", "\"" + to + "\"");
                    }
                }
            }
            if (write && !changed.isEmpty()) {
                state.bumpSerial();
                store.write(state);
            }
        } catch (StateLockedException e) {
            diags.error("Error acquiring the state lock", e.getMessage(), null);
        }
        return changed;
    }

    /** {@code provider["registry.terraform.io/hashicorp/aws"].alias} -> registry.terraform.io/hashicorp/aws. */
    private static String sourceOf(String provider) {
        if (provider == null) {
            return null;
        }
        int open = provider.indexOf("[\"");
        int close = provider.indexOf("\"]");
        return open < 0 || close < open ? provider : provider.substring(open + 2, close);
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

    /**
     * Moves an instance to another address of the same type (only checks, with {@code dryRun}); null, with the
     * reason, when refused.
     */
    public Moved move(String source, String destination, boolean dryRun, Diagnostics diags) throws IOException {
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
            if (dryRun) {
                return new Moved(from, to);
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

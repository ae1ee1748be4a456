package dev.peerform.alicloud.rules;

import dev.peerform.alicloud.resources.ConnectionResource;
import dev.peerform.alicloud.resources.RouterInterfaceResource;
import dev.peerform.spi.ChangeAction;
import dev.peerform.spi.ChangeView;
import dev.peerform.value.StringValue;
import dev.peerform.value.Value;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An interface's opposite information may change only while it is Idle, and an interface that has connected is
 * never Idle again (domain.md, "Statuses"). So when the connection on an interface that stays gets a new peer
 * (typically because the peer is replaced), the interface must be replaced too: otherwise the apply would reach a
 * peer change the cloud refuses, after the old connection is already torn down.
 */
public final class PeerChanges {

    private PeerChanges() {
    }

    /** What the cloud says of an interface: its status and its peer (null when it has none). */
    public record Seen(String status, String oppositeId) {
    }

    /** Reads the interfaces of these ids through the provider that manages {@code provider}; missing ones absent. */
    public interface Lookup {
        Map<String, Seen> interfaces(String provider, List<String> ids);
    }

    /**
     * The same rule for a connection made anew on an interface that stays, as after a destroy that stopped
     * half-way deleted the peer (and both connections) but not this end: the state no longer says that the
     * interface has connected, the cloud does. An end the cloud has connected before (not Idle) to another peer
     * than the new one is replaced with it.
     */
    public static Map<String, String> reconnectsRequired(List<ChangeView> all, Lookup lookup) {
        Map<String, ChangeView> stayingInterfaces = new HashMap<>();
        for (ChangeView c : all) {
            if (c.type().equals(RouterInterfaceResource.TYPE) && (c.action() == ChangeAction.NO_OP
                    || c.action() == ChangeAction.UPDATE)) {
                String id = PlanValues.str(c.before(), "id");
                if (id != null) {
                    stayingInterfaces.put(id, c);
                }
            }
        }
        Map<String, List<ChangeView>> byProvider = new TreeMap<>();
        for (ChangeView c : all) {
            if (c.type().equals(ConnectionResource.TYPE) && c.action() == ChangeAction.CREATE && c.before() == null
                    && stayingInterfaces.containsKey(PlanValues.str(c.after(), "interface_id"))) {
                byProvider.computeIfAbsent(stayingInterfaces.get(PlanValues.str(c.after(), "interface_id"))
                        .provider(), k -> new java.util.ArrayList<>()).add(c);
            }
        }
        Map<String, String> out = new TreeMap<>();
        byProvider.forEach((provider, connections) -> {
            Map<String, Seen> seen = lookup.interfaces(provider, connections.stream().map(c -> PlanValues.str(
                    c.after(), "interface_id")).toList());
            for (ChangeView c : connections) {
                String id = PlanValues.str(c.after(), "interface_id");
                Seen s = seen.get(id);
                Value newPeer = c.after().get("opposite_interface_id");
                boolean samePeer = newPeer != null && newPeer.isKnown() && !newPeer.isNull()
                        && newPeer.unmarked() instanceof StringValue v && v.value().equals(s == null ? null
                        : s.oppositeId());
                if (s != null && !"Idle".equals(s.status()) && !samePeer) {
                    ChangeView iface = stayingInterfaces.get(id);
                    out.put(iface.address().toString(), "The connection " + c.address() + " is made anew, and "
                            + iface.address() + " has been connected before (it is " + s.status() + ", peered "
                            + "with " + s.oppositeId() + "): the cloud lets an interface's peer change only "
                            + "before its first connection, so peerform replaces the interface too.");
                }
            }
        });
        return out;
    }

    public static Map<String, String> replacementsRequired(List<ChangeView> all) {
        Map<String, ChangeView> stayingInterfaces = new HashMap<>();
        for (ChangeView c : all) {
            if (c.type().equals(RouterInterfaceResource.TYPE) && (c.action() == ChangeAction.NO_OP
                    || c.action() == ChangeAction.UPDATE)) {
                String id = PlanValues.str(c.before(), "id");
                if (id != null) {
                    stayingInterfaces.put(id, c);
                }
            }
        }
        Map<String, String> out = new TreeMap<>();
        for (ChangeView c : all) {
            if (!c.type().equals(ConnectionResource.TYPE) || !c.action().isReplace()) {
                continue;
            }
            ChangeView iface = stayingInterfaces.get(PlanValues.str(c.before(), "interface_id"));
            String status = PlanValues.str(c.before(), "status");
            Value newPeer = c.after() == null ? null : c.after().get("opposite_interface_id");
            String oldPeer = PlanValues.str(c.before(), "opposite_interface_id");
            boolean peerChanges = newPeer == null || !newPeer.isKnown() || newPeer.isNull()
                    || !(newPeer.unmarked() instanceof StringValue s && s.value().equals(oldPeer));
            if (iface != null && peerChanges && status != null && !status.equals("Idle")) {
                out.put(iface.address().toString(), "The connection " + c.address() + " gets a new peer, and "
                        + iface.address() + " has been connected (it is " + status + "): the cloud lets an "
                        + "interface's peer change only before its first connection, so peerform replaces the "
                        + "interface too (suspend, delete, create, connect).");
            }
        }
        return out;
    }
}

package dev.peerform.spi;

import dev.peerform.addrs.InstanceAddress;
import dev.peerform.value.ObjectValue;
import java.util.List;
import java.util.Map;

/**
 * One planned change (or an instance that stays as it is: NO_OP), as the provider sees it when it lists the change's
 * steps or checks the whole plan. {@code references} says which resources each attribute's expression refers to,
 * so a rule can relate resources whose ids are not known yet. {@code provider} is the provider configuration
 * key ({@code alicloud}, {@code alicloud.b}) that manages it. {@code pendingCreate} is true for a create that an
 * interrupted run had already sent (its ClientToken is in the state): the object the cloud may hold for it is this
 * configuration's own, and the create is re-issued with that token to adopt it.
 */
public record ChangeView(InstanceAddress address, String type, ChangeAction action, ObjectValue before, ObjectValue after,
        Map<String, List<String>> references, String provider, boolean pendingCreate) {

    public ChangeView(InstanceAddress address, String type, ChangeAction action, ObjectValue before, ObjectValue after,
            Map<String, List<String>> references, String provider) {
        this(address, type, action, before, after, references, provider, false);
    }

    public ChangeView(InstanceAddress address, String type, ChangeAction action, ObjectValue before, ObjectValue after) {
        this(address, type, action, before, after, Map.of(), "");
    }

    /** The object as it will be (after), or as it is when it is being deleted (before). */
    public ObjectValue current() {
        return after != null && action != ChangeAction.DELETE ? after : before;
    }
}

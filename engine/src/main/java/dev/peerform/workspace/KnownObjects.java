package dev.peerform.workspace;

import dev.peerform.addrs.InstanceKey;
import dev.peerform.addrs.ResourceMode;
import dev.peerform.providers.ProviderSet;
import dev.peerform.render.hcl.KnownObject;
import dev.peerform.spi.ResourceType;
import dev.peerform.states.AttributeCodec;
import dev.peerform.states.InstanceState;
import dev.peerform.states.State;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The root module's managed objects in the state, as written configuration may refer to them. */
final class KnownObjects {

    private KnownObjects() {
    }

    static List<KnownObject> inState(State state, ProviderSet providers) {
        List<KnownObject> out = new ArrayList<>();
        if (state == null) {
            return out;
        }
        for (State.Resource r : state.resources().values()) {
            ResourceType type = providers.resourceType(r.address.type());
            if (!r.address.modulePath().isEmpty() || r.address.mode() != ResourceMode.MANAGED || type == null) {
                continue;
            }
            for (Map.Entry<InstanceKey, InstanceState> e : r.instances.entrySet()) {
                out.add(new KnownObject(r.address.instance(e.getKey()).toString(), r.address.type(),
                        AttributeCodec.decode(e.getValue(), type.schema())));
            }
        }
        return out;
    }
}

package dev.peerform.graph;

import dev.peerform.addrs.ResourceAddress;
import dev.peerform.addrs.ResourceMode;
import dev.peerform.config.Resource;
import java.util.List;

/** Where the configuration meets the addresses: the address of a resource block in a module. */
public final class BlockAddresses {

    private BlockAddresses() {
    }

    public static ResourceAddress of(List<String> modulePath, Resource r) {
        return new ResourceAddress(modulePath, mode(r.mode()), r.type(), r.name());
    }

    public static ResourceMode mode(Resource.Mode mode) {
        return mode == Resource.Mode.DATA ? ResourceMode.DATA : ResourceMode.MANAGED;
    }
}

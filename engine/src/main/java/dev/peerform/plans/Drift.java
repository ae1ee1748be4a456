package dev.peerform.plans;

import dev.peerform.addrs.InstanceAddress;
import dev.peerform.spi.Schema;
import dev.peerform.value.ObjectValue;

/**
 * A change made outside peerform that refresh found: the object as the state had it and as it is now (null when it
 * was deleted outside peerform).
 */
public record Drift(InstanceAddress address, Schema schema, ObjectValue before, ObjectValue after) {
}

package dev.peerform.render.hcl;

import dev.peerform.value.ObjectValue;

/** An object that written blocks may refer to: its address ({@code alicloud_vpc.main}), type and values. */
public record KnownObject(String address, String type, ObjectValue values) {
}

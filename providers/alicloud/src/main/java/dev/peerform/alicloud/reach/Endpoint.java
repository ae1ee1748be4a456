package dev.peerform.alicloud.reach;

import dev.peerform.net.Cidr;

/** Where traffic starts or ends: FROM and TO of {@code peerform reach}. */
public sealed interface Endpoint {

    /** An instance: its private address, its groups. */
    record OfInstance(String instanceId) implements Endpoint {
    }

    /** Every address of a vswitch. */
    record OfVSwitch(String vswitchId) implements Endpoint {
    }

    /** Every address of a VPC. */
    record OfVpc(String vpcId) implements Endpoint {
    }

    /** The data-centre range behind a VBR ({@code range} null: the VBR's first on-premises range). */
    record OfVbr(String vbrId, Cidr range) implements Endpoint {
    }

    /**
     * One address ({@code ADDRESS:IP}): inside the network of the named resource (a VPC, vswitch, instance or a
     * VBR's data centre), or, with {@code resourceId} null, wherever the model places it.
     */
    record OfAddress(String resourceId, Cidr ip) implements Endpoint {
    }

    /** The cloud services' range 100.64.0.0/10 as reached through a VPC (OSS, DNS and the like). */
    record CloudServices(String vpcId) implements Endpoint {
    }
}

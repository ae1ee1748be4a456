package dev.peerform.alicloud.reach;

import dev.peerform.net.Cidr;

/** A vswitch: its range is a system route of its VPC's table. */
public record VSwitch(String id, String vpcId, Cidr cidr, String zone) {
}

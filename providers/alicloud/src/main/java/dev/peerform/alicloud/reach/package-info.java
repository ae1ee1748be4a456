/**
 * The analysis core of {@code peerform reach}: a small model of the networks on a path (VPCs, vswitches, VBRs,
 * router interfaces, route entries, security groups, instances), the walk over it both ways, and the verdict with
 * the first thing that blocks and the change that fixes it. Pure: no cloud calls, no engine; the caller fills the
 * {@link dev.peerform.alicloud.reach.Model} from the live cloud or from planned values.
 */
package dev.peerform.alicloud.reach;

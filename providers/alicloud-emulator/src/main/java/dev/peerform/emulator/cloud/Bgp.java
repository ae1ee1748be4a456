package dev.peerform.emulator.cloud;

import dev.peerform.emulator.cloud.BgpModel.BgpGroup;
import dev.peerform.emulator.cloud.BgpModel.BgpNetwork;
import dev.peerform.emulator.cloud.BgpModel.BgpPeer;
import dev.peerform.emulator.cloud.Model.Vbr;
import dev.peerform.net.Cidr;
import java.time.Clock;
import java.util.List;

/**
 * BGP on a VBR as the VPC API serves it: groups on an active VBR of the caller's, peers in a group, and the ranges
 * the VBR advertises. What the cloud refuses: a VBR that is missing or not active, a peer without its group, a group
 * that still has peers, a range advertised twice, an IPv6 session on a VBR without IPv6 (the emulator's VBRs have
 * none), a BFD hop count outside 1-255. New objects are Pending for a moment, then Available.
 */
public final class Bgp {

    /** The VBR's ASN when the caller does not choose one (Alibaba Cloud's). */
    public static final long DEFAULT_LOCAL_ASN = 45104;
    /** Routes a group accepts from the data centre when the caller does not say. */
    public static final int DEFAULT_ROUTE_LIMIT = 110;
    public static final String IPV4 = "IPv4";

    private final World world;
    private final Clock clock;
    private final Durations durations;

    Bgp(World world, Clock clock, Durations durations) {
        this.world = world;
        this.clock = clock;
        this.durations = durations;
    }

    /** The fields of a group a caller sets; null leaves a field as it is (or at its default when creating). */
    public record GroupFields(Long peerAsn, Long localAsn, Boolean fakeAsn, String authKey, boolean clearAuthKey,
            String ipVersion, Integer routeLimit, String name, String description) {
    }

    public BgpGroup createGroup(String account, String region, String routerId, GroupFields f) {
        Vbr vbr = activeVbr(account, region, routerId);
        if (f.peerAsn() == null) {
            throw new CloudException("MissingParameter", "The input parameter \"PeerAsn\" that is mandatory "
                    + "for processing this request is not supplied.");
        }
        BgpGroup g = new BgpGroup();
        g.id = world.newId("bgpg");
        g.owner = account;
        g.region = region;
        g.routerId = vbr.id;
        g.localAsn = DEFAULT_LOCAL_ASN;
        g.routeLimit = DEFAULT_ROUTE_LIMIT;
        g.ipVersion = ipVersion(f.ipVersion());
        apply(g, f);
        g.availableAt = settledAt();
        world.bgpGroups.put(g.id, g);
        return g;
    }

    public void modifyGroup(String account, String groupId, GroupFields f) {
        BgpGroup g = group(account, groupId);
        apply(g, f);
        g.availableAt = settledAt();
    }

    private static void apply(BgpGroup g, GroupFields f) {
        if (f.peerAsn() != null) {
            g.peerAsn = asn(f.peerAsn(), "PeerAsn");
        }
        if (f.localAsn() != null) {
            g.localAsn = asn(f.localAsn(), "LocalAsn");
        }
        if (f.fakeAsn() != null) {
            g.fakeAsn = f.fakeAsn();
        }
        if (f.authKey() != null) {
            g.authKey = f.authKey();
        }
        if (f.clearAuthKey()) {
            g.authKey = null;
        }
        if (f.routeLimit() != null) {
            if (f.routeLimit() < 1) {
                throw new CloudException("InvalidParameter.RouteQuota", "RouteQuota must be a positive "
                        + "number of routes.");
            }
            g.routeLimit = f.routeLimit();
        }
        if (f.name() != null) {
            Validation.checkName(f.name(), "Name");
            g.name = f.name();
        }
        if (f.description() != null) {
            Validation.checkDescription(f.description());
            g.description = f.description();
        }
    }

    public void deleteGroup(String account, String groupId) {
        BgpGroup g = group(account, groupId);
        if (!available(g.availableAt)) {
            throw new CloudException("IncorrectStatus.BgpGroup", "The BGP group " + groupId + " is being "
                    + "configured; delete it once it is Available.");
        }
        if (world.bgpPeers.values().stream().anyMatch(p -> p.groupId.equals(g.id))) {
            throw new CloudException("DependencyViolation.BgpPeer", "The BGP group " + groupId + " still has "
                    + "BGP peers; delete them first.");
        }
        world.bgpGroups.remove(g.id);
    }

    public List<BgpGroup> describeGroups(String account, String region, String routerId, String groupId) {
        return world.bgpGroups.values().stream().filter(g -> g.owner.equals(account) && g.region.equals(region))
                .filter(g -> routerId == null || g.routerId.equals(routerId))
                .filter(g -> groupId == null || g.id.equals(groupId)).toList();
    }

    public BgpPeer createPeer(String account, String groupId, String peerIp, boolean enableBfd, Integer bfdMultiHop,
            String ipVersion) {
        BgpGroup g = group(account, groupId);
        activeVbr(account, g.region, g.routerId);
        BgpPeer p = new BgpPeer();
        p.id = world.newId("bgp");
        p.groupId = g.id;
        p.ipVersion = ipVersion == null ? g.ipVersion : ipVersion(ipVersion);
        setPeer(p, g, peerIp, enableBfd, bfdMultiHop);
        p.availableAt = settledAt();
        world.bgpPeers.put(p.id, p);
        return p;
    }

    /** ModifyBgpPeerAttribute: the peer's address, BFD, or its group (another group on the same VBR). */
    public void modifyPeer(String account, String peerId, String groupId, String peerIp, Boolean enableBfd,
            Integer bfdMultiHop) {
        BgpPeer p = peer(account, peerId);
        BgpGroup g = group(account, groupId == null ? p.groupId : groupId);
        if (!g.routerId.equals(group(account, p.groupId).routerId)) {
            throw new CloudException("InvalidBgpGroupId.Mismatch", "A BGP peer moves only to another group "
                    + "on the same VBR.");
        }
        setPeer(p, g, peerIp == null ? p.peerIpAddress : peerIp, enableBfd == null ? p.enableBfd : enableBfd,
                bfdMultiHop == null ? (p.bfdMultiHop == 0 ? null : p.bfdMultiHop) : bfdMultiHop);
        p.groupId = g.id;
        p.availableAt = settledAt();
    }

    private void setPeer(BgpPeer p, BgpGroup g, String peerIp, boolean enableBfd, Integer bfdMultiHop) {
        if (peerIp != null) {
            try {
                Cidr.parseAddress(peerIp);
            } catch (IllegalArgumentException e) {
                throw new CloudException("InvalidPeerIpAddress", "PeerIpAddress " + peerIp + " is not an IP "
                        + "address.");
            }
            for (BgpPeer other : world.bgpPeers.values()) {
                if (other != p && other.groupId.equals(g.id) && peerIp.equals(other.peerIpAddress)) {
                    throw new CloudException("InvalidPeerIpAddress.AlreadyExists", "The BGP group " + g.id
                            + " already has a peer at " + peerIp + ".");
                }
            }
        }
        if (bfdMultiHop != null && (bfdMultiHop < 1 || bfdMultiHop > 255)) {
            throw new CloudException("InvalidParameter.BfdMultiHop", "BfdMultiHop must be between 1 and 255.");
        }
        p.peerIpAddress = peerIp;
        p.enableBfd = enableBfd;
        p.bfdMultiHop = bfdMultiHop == null ? 0 : bfdMultiHop;
    }

    public void deletePeer(String account, String peerId) {
        world.bgpPeers.remove(peer(account, peerId).id);
    }

    public List<BgpPeer> describePeers(String account, String region, String routerId, String groupId,
            String peerId) {
        return world.bgpPeers.values().stream().filter(p -> {
            BgpGroup g = world.bgpGroups.get(p.groupId);
            return g != null && g.owner.equals(account) && g.region.equals(region)
                    && (routerId == null || g.routerId.equals(routerId))
                    && (groupId == null || g.id.equals(groupId)) && (peerId == null || p.id.equals(peerId));
        }).toList();
    }

    public BgpNetwork addNetwork(String account, String region, String routerId, String dstCidrBlock, String vpcId) {
        Vbr vbr = activeVbr(account, region, routerId);
        Cidr cidr = Validation.parseCidr(dstCidrBlock, "DstCidrBlock");
        BgpNetwork n = new BgpNetwork();
        n.routerId = vbr.id;
        n.dstCidrBlock = cidr.network().toString();
        n.vpcId = vpcId;
        if (world.bgpNetworks.containsKey(n.key())) {
            throw new CloudException("InvalidDstCidrBlock.AlreadyExists", "The VBR " + vbr.id + " already "
                    + "advertises " + n.dstCidrBlock + ".");
        }
        n.availableAt = settledAt();
        world.bgpNetworks.put(n.key(), n);
        return n;
    }

    public void deleteNetwork(String account, String region, String routerId, String dstCidrBlock) {
        Vbr vbr = vbr(account, region, routerId);
        String cidr = Validation.parseCidr(dstCidrBlock, "DstCidrBlock").network().toString();
        if (world.bgpNetworks.remove(vbr.id + ":" + cidr) == null) {
            throw new CloudException("InvalidBgpNetwork.NotFound", "The VBR " + vbr.id + " does not advertise "
                    + cidr + ".");
        }
    }

    public List<BgpNetwork> describeNetworks(String account, String region, String routerId) {
        return world.bgpNetworks.values().stream().filter(n -> {
            Vbr b = world.vbrs.get(n.routerId);
            return b != null && b.owner.equals(account) && b.region.equals(region)
                    && (routerId == null || n.routerId.equals(routerId));
        }).toList();
    }

    /** DeleteVirtualBorderRouter is refused while BGP is configured on the VBR. */
    static void refuseVbrDeleteWhileInUse(World world, Vbr b) {
        if (world.bgpGroups.values().stream().anyMatch(g -> g.routerId.equals(b.id))) {
            throw new CloudException("DependencyViolation.BgpGroup", "The VBR " + b.id + " still has BGP "
                    + "groups; delete them first.");
        }
        if (world.bgpNetworks.values().stream().anyMatch(n -> n.routerId.equals(b.id))) {
            throw new CloudException("DependencyViolation.BgpNetwork", "The VBR " + b.id + " still "
                    + "advertises BGP networks; delete them first.");
        }
    }

    /** Pending while the cloud configures the object, then Available. */
    public String status(long availableAt) {
        return available(availableAt) ? "Available" : "Pending";
    }

    private boolean available(long availableAt) {
        return clock.millis() >= availableAt;
    }

    private long settledAt() {
        return clock.millis() + durations.routeChange().toMillis();
    }

    private Vbr vbr(String account, String region, String routerId) {
        Vbr b = routerId == null ? null : world.vbrs.get(routerId);
        if (b == null || !b.owner.equals(account) || !b.region.equals(region)) {
            throw new CloudException("InvalidVbrId.NotFound", "The specified VBR " + routerId + " does not "
                    + "exist.");
        }
        return b;
    }

    private Vbr activeVbr(String account, String region, String routerId) {
        Vbr b = vbr(account, region, routerId);
        if (!"active".equals(b.status)) {
            throw new CloudException("InvalidVBRStatus", "The VBR " + routerId + " is " + b.status
                    + "; BGP is configured on an active VBR only.");
        }
        return b;
    }

    private BgpGroup group(String account, String groupId) {
        BgpGroup g = groupId == null ? null : world.bgpGroups.get(groupId);
        if (g == null || !g.owner.equals(account)) {
            throw new CloudException("InvalidBgpGroupId.NotFound", "The specified BGP group " + groupId
                    + " does not exist.");
        }
        return g;
    }

    private BgpPeer peer(String account, String peerId) {
        BgpPeer p = peerId == null ? null : world.bgpPeers.get(peerId);
        BgpGroup g = p == null ? null : world.bgpGroups.get(p.groupId);
        if (g == null || !g.owner.equals(account)) {
            throw new CloudException("InvalidBgpPeerId.NotFound", "The specified BGP peer " + peerId
                    + " does not exist.");
        }
        return p;
    }

    private static long asn(long asn, String field) {
        if (asn < 1 || asn > 4294967295L) {
            throw new CloudException("InvalidParameter." + field, field + " must be an AS number between 1 "
                    + "and 4294967295.");
        }
        return asn;
    }

    private static String ipVersion(String v) {
        if (v == null) {
            return IPV4;
        }
        if (v.equalsIgnoreCase(IPV4)) {
            // the caller's spelling stands (the official docs write IPV4), as the cloud answers it back
            return v;
        }
        if (v.equalsIgnoreCase("IPv6")) {
            throw new CloudException("OperationUnsupported.Ipv6", "IPv6 BGP needs a VBR with IPv6 enabled; "
                    + "this VBR has none.");
        }
        throw new CloudException("InvalidParameter.IpVersion", "IpVersion is IPv4 or IPv6, not " + v + ".");
    }
}

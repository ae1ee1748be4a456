package dev.peerform.emulator.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.peerform.emulator.cloud.Bgp;
import dev.peerform.emulator.cloud.BgpModel.BgpGroup;
import dev.peerform.emulator.cloud.BgpModel.BgpNetwork;
import dev.peerform.emulator.cloud.BgpModel.BgpPeer;
import dev.peerform.emulator.cloud.CloudException;
import java.util.Set;

/**
 * The BGP actions of the VPC API (2016-04-28) on a VBR: parameters in, JSON out, lists in the API's wrappers
 * ({@code "BgpGroups":{"BgpGroup":[...]}}, {@code BgpPeers.BgpPeer}, {@code BgpNetworks.BgpNetwork}); numbers the
 * API answers as strings (PeerAsn, LocalAsn, IsFake, RouteLimit) are strings here too.
 */
final class BgpApi {

    static final Set<String> ACTIONS = Set.of("CreateBgpGroup", "ModifyBgpGroupAttribute", "DeleteBgpGroup",
            "DescribeBgpGroups", "CreateBgpPeer", "ModifyBgpPeerAttribute", "DeleteBgpPeer", "DescribeBgpPeers",
            "AddBgpNetwork", "DeleteBgpNetwork", "DescribeBgpNetworks");

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final Bgp bgp;

    BgpApi(Bgp bgp) {
        this.bgp = bgp;
    }

    void dispatch(String account, String action, Params p, ObjectNode out) {
        String region = p.required("RegionId");
        switch (action) {
            case "CreateBgpGroup" -> out.put("BgpGroupId", bgp.createGroup(account, region, p.required("RouterId"),
                    groupFields(p)).id);
            case "ModifyBgpGroupAttribute" -> bgp.modifyGroup(account, p.required("BgpGroupId"), groupFields(p));
            case "DeleteBgpGroup" -> bgp.deleteGroup(account, p.required("BgpGroupId"));
            case "DescribeBgpGroups" -> VpcApi.page(out, "BgpGroups", "BgpGroup", bgp.describeGroups(account, region,
                    p.optional("RouterId"), p.optional("BgpGroupId")), p, this::group);
            case "CreateBgpPeer" -> out.put("BgpPeerId", bgp.createPeer(account, p.required("BgpGroupId"),
                    p.optional("PeerIpAddress"), p.bool("EnableBfd"), integer(p, "BfdMultiHop"),
                    p.optional("IpVersion")).id);
            case "ModifyBgpPeerAttribute" -> bgp.modifyPeer(account, p.required("BgpPeerId"),
                    p.optional("BgpGroupId"), p.optional("PeerIpAddress"),
                    p.optional("EnableBfd") == null ? null : p.bool("EnableBfd"), integer(p, "BfdMultiHop"));
            case "DeleteBgpPeer" -> bgp.deletePeer(account, p.required("BgpPeerId"));
            case "DescribeBgpPeers" -> VpcApi.page(out, "BgpPeers", "BgpPeer", bgp.describePeers(account, region,
                    p.optional("RouterId"), p.optional("BgpGroupId"), p.optional("BgpPeerId")), p, this::peer);
            case "AddBgpNetwork" -> bgp.addNetwork(account, region, p.required("RouterId"),
                    p.required("DstCidrBlock"), p.optional("VpcId"));
            case "DeleteBgpNetwork" -> bgp.deleteNetwork(account, region, p.required("RouterId"),
                    p.required("DstCidrBlock"));
            case "DescribeBgpNetworks" -> VpcApi.page(out, "BgpNetworks", "BgpNetwork",
                    bgp.describeNetworks(account, region, p.optional("RouterId")), p, this::network);
            default -> throw new IllegalArgumentException(action);
        }
    }

    private static Bgp.GroupFields groupFields(Params p) {
        String fake = p.optional("IsFakeAsn");
        return new Bgp.GroupFields(number(p, "PeerAsn"), number(p, "LocalAsn"),
                fake == null ? null : Boolean.parseBoolean(fake), p.optional("AuthKey"), p.bool("ClearAuthKey"),
                p.optional("IpVersion"), integer(p, "RouteQuota"), p.optional("Name"), p.optional("Description"));
    }

    private static Integer integer(Params p, String name) {
        return p.optional(name) == null ? null : p.integer(name, 0);
    }

    private static Long number(Params p, String name) {
        String v = p.optional(name);
        if (v == null) {
            return null;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new CloudException("InvalidParameter." + name, "The parameter \"" + name + "\" must be a "
                    + "whole number, not \"" + v + "\".");
        }
    }

    private ObjectNode group(BgpGroup g) {
        return F.objectNode().put("BgpGroupId", g.id).put("RouterId", g.routerId).put("RegionId", g.region)
                .put("PeerAsn", Long.toString(g.peerAsn)).put("LocalAsn", Long.toString(g.localAsn))
                .put("IsFake", Boolean.toString(g.fakeAsn)).put("AuthKey", g.authKey == null ? "" : g.authKey)
                .put("IpVersion", g.ipVersion).put("RouteLimit", Integer.toString(g.routeLimit))
                .put("Name", g.name == null ? "" : g.name)
                .put("Description", g.description == null ? "" : g.description)
                .put("Hold", "30").put("Keepalive", "10").put("Status", bgp.status(g.availableAt));
    }

    private ObjectNode peer(BgpPeer p) {
        return F.objectNode().put("BgpPeerId", p.id).put("BgpGroupId", p.groupId).put("Name", "")
                .put("PeerIpAddress", p.peerIpAddress == null ? "" : p.peerIpAddress).put("EnableBfd", p.enableBfd)
                .put("BfdMultiHop", p.bfdMultiHop).put("IpVersion", p.ipVersion)
                .put("Status", bgp.status(p.availableAt)).put("BgpStatus", "Idle");
    }

    private ObjectNode network(BgpNetwork n) {
        return F.objectNode().put("RouterId", n.routerId).put("DstCidrBlock", n.dstCidrBlock)
                .put("VpcId", n.vpcId == null ? "" : n.vpcId).put("Status", bgp.status(n.availableAt));
    }
}

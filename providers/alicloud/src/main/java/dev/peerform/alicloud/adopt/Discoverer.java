package dev.peerform.alicloud.adopt;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peerform.alicloud.resources.BgpGroupResource;
import dev.peerform.alicloud.resources.BgpNetworkResource;
import dev.peerform.alicloud.resources.BgpPeerResource;
import dev.peerform.alicloud.resources.CloudResource;
import dev.peerform.alicloud.resources.ConnectionResource;
import dev.peerform.alicloud.resources.InstanceResource;
import dev.peerform.alicloud.resources.RouteEntryResource;
import dev.peerform.alicloud.resources.RouteTableAttachmentResource;
import dev.peerform.alicloud.resources.RouteTableResource;
import dev.peerform.alicloud.resources.RouterInterfaceResource;
import dev.peerform.alicloud.resources.SecurityGroupResource;
import dev.peerform.alicloud.resources.SecurityGroupRuleResource;
import dev.peerform.alicloud.resources.VSwitchResource;
import dev.peerform.alicloud.resources.VbrResource;
import dev.peerform.alicloud.resources.VpcResource;
import dev.peerform.alicloud.transport.Api;
import dev.peerform.alicloud.transport.ApiException;
import dev.peerform.diag.Diagnostics;
import dev.peerform.spi.Discovered;
import dev.peerform.spi.Discovery;
import dev.peerform.spi.Unadoptable;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.StringValue;
import dev.peerform.value.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Lists an account's objects in the provider's region and reads each as {@code import} would, so that a resource
 * block written from it plans no change. Objects come out with the ones they refer to first.
 */
public final class Discoverer {

    private final Api api;
    private final Function<String, CloudResource> resources;
    private final List<Discovered> found = new ArrayList<>();
    private final List<Unadoptable> unadoptable = new ArrayList<>();

    private Discoverer(Api api, Function<String, CloudResource> resources) {
        this.api = api;
        this.resources = resources;
    }

    /** What the account has in the API's region; null (and an error naming the call) when the cloud refused. */
    public static Discovery discover(Api api, Function<String, CloudResource> resources, Diagnostics diags) {
        Discoverer d = new Discoverer(api, resources);
        try {
            d.networks();
            d.interfaces();
            d.routes();
            d.bgp();
            d.ecs();
        } catch (ApiException e) {
            diags.error("Failed to list the account's objects", "Listing the objects of region " + api.region()
                    + " failed: " + e.code() + " (" + e.getMessage() + "). Nothing was written.", null);
            return null;
        }
        return new Discovery(api.region(), d.found, d.unadoptable);
    }

    private void networks() throws ApiException {
        for (JsonNode v : Listing.all(api, "DescribeVpcs", "Vpcs", "Vpc")) {
            add(VpcResource.TYPE, v.get("VpcId").asText(), "vpc_name");
            String name = Listing.text(v, "VpcName");
            if (name != null) {
                vpcNames.put(v.get("VpcId").asText(), name);
            }
        }
        for (JsonNode s : Listing.all(api, "DescribeVSwitches", "VSwitches", "VSwitch")) {
            add(VSwitchResource.TYPE, s.get("VSwitchId").asText(), "vswitch_name",
                    vpcNames.get(Listing.text(s, "VpcId")));
        }
        List<JsonNode> tables = Listing.all(api, "DescribeRouteTableList", "RouterTableList", "RouterTableListType");
        for (JsonNode t : tables) {
            if ("Custom".equals(Listing.text(t, "RouteTableType"))) {
                add(RouteTableResource.TYPE, t.get("RouteTableId").asText(), "route_table_name");
            }
        }
        for (JsonNode t : tables) {
            if ("Custom".equals(Listing.text(t, "RouteTableType"))) {
                for (JsonNode s : t.path("VSwitchIds").path("VSwitchId")) {
                    add(RouteTableAttachmentResource.TYPE, t.get("RouteTableId").asText() + ":" + s.asText(), null);
                }
            }
        }
        for (JsonNode b : Listing.all(api, "DescribeVirtualBorderRouters", "VirtualBorderRouterSet",
                "VirtualBorderRouterType")) {
            add(VbrResource.TYPE, b.get("VbrId").asText(), "virtual_border_router_name");
        }
        this.tables = tables;
    }

    private List<JsonNode> tables = List.of();

    /** VPC names by id: an unnamed vSwitch, security group or instance is named after its VPC. */
    private final Map<String, String> vpcNames = new HashMap<>();

    /**
     * alicloud_router_interface with alicloud_router_interface_connection, as the Express Connect guide and the
     * official examples pair them: the connection is where the peer is named, which is what the plan's ordering
     * rules (acceptor first, connect, routes after Active) reason about.
     */
    private void interfaces() throws ApiException {
        List<JsonNode> all = Listing.all(api, "DescribeRouterInterfaces", "RouterInterfaceSet",
                "RouterInterfaceType");
        for (JsonNode ri : all) {
            add(RouterInterfaceResource.TYPE, ri.get("RouterInterfaceId").asText(), "name");
            String name = Listing.text(ri, "Name");
            if (name != null) {
                interfaceNames.put(ri.get("RouterInterfaceId").asText(), name);
            }
        }
        for (JsonNode ri : all) {
            if (Listing.text(ri, "OppositeInterfaceId") != null) {
                String id = ri.get("RouterInterfaceId").asText();
                ObjectValue state = read(ConnectionResource.TYPE, id);
                if (state != null) {
                    found.add(new Discovered(ConnectionResource.TYPE, id, Listing.text(ri, "Name"), state));
                }
            }
        }
    }

    /** Interface names by id: a route with no name of its own is named after the interface it goes through. */
    private final Map<String, String> interfaceNames = new HashMap<>();

    private void routes() throws ApiException {
        for (JsonNode t : tables) {
            String table = t.get("RouteTableId").asText();
            for (JsonNode e : RouteEntryResource.entries(api, table).values()) {
                String dest = e.path("DestinationCidrBlock").asText();
                if ("System".equals(Listing.text(e, "Type"))) {
                    unadoptable.add(new Unadoptable("route entry", table + " " + dest, "a system route: the cloud "
                            + "makes and removes it with its vSwitch or VPC, no resource manages it"));
                    continue;
                }
                ObjectValue state = read(RouteEntryResource.TYPE, table + ":" + dest);
                if (state != null) {
                    String id = str(state, "id");
                    String name = Listing.text(e, "RouteEntryName");
                    if (name == null) {
                        name = interfaceNames.getOrDefault(str(state, "nexthop_id"), "route_" + dest);
                    }
                    found.add(new Discovered(RouteEntryResource.TYPE, id != null ? id : table + ":" + dest, name,
                            state));
                }
            }
        }
    }

    private void bgp() throws ApiException {
        for (JsonNode g : Listing.all(api, "DescribeBgpGroups", "BgpGroups", "BgpGroup")) {
            add(BgpGroupResource.TYPE, g.get("BgpGroupId").asText(), "bgp_group_name");
        }
        for (JsonNode p : Listing.all(api, "DescribeBgpPeers", "BgpPeers", "BgpPeer")) {
            add(BgpPeerResource.TYPE, p.get("BgpPeerId").asText(), "bgp_peer_name");
        }
        for (JsonNode n : Listing.all(api, "DescribeBgpNetworks", "BgpNetworks", "BgpNetwork")) {
            String cidr = n.path("DstCidrBlock").asText();
            ObjectValue state = read(BgpNetworkResource.TYPE, n.path("RouterId").asText() + ":" + cidr);
            if (state != null) {
                found.add(new Discovered(BgpNetworkResource.TYPE, n.path("RouterId").asText() + ":" + cidr,
                        "advertise_" + cidr, state));
            }
        }
    }

    private void ecs() throws ApiException {
        List<JsonNode> groups = Listing.all(api, "DescribeSecurityGroups", "SecurityGroups", "SecurityGroup");
        for (JsonNode g : groups) {
            add(SecurityGroupResource.TYPE, g.get("SecurityGroupId").asText(), "security_group_name",
                    vpcNames.get(Listing.text(g, "VpcId")));
        }
        for (JsonNode g : groups) {
            String group = g.get("SecurityGroupId").asText();
            String name = Listing.text(g, "SecurityGroupName");
            JsonNode attr = api.call("DescribeSecurityGroupAttribute", "SecurityGroupId", group);
            for (JsonNode p : attr.path("Permissions").path("Permission")) {
                ruleOf(group, name != null ? name : vpcNames.get(Listing.text(g, "VpcId")), p);
            }
        }
        for (JsonNode i : Listing.all(api, "DescribeInstances", "Instances", "Instance")) {
            add(InstanceResource.TYPE, i.get("InstanceId").asText(), "instance_name",
                    vpcNames.get(Listing.text(i.path("VpcAttributes"), "VpcId")));
        }
    }

    /** A rule's import id is its eight parts: group, direction, protocol, ports, NIC, peer, policy, priority. */
    private void ruleOf(String group, String groupName, JsonNode p) throws ApiException {
        boolean in = "ingress".equals(Listing.text(p, "Direction"));
        String cidr = Listing.text(p, in ? "SourceCidrIp" : "DestCidrIp");
        String peer = cidr != null ? cidr : Listing.text(p, in ? "SourceGroupId" : "DestGroupId");
        String id = String.join(":", group, in ? "ingress" : "egress",
                p.path("IpProtocol").asText().toLowerCase(Locale.ROOT), p.path("PortRange").asText(),
                p.path("NicType").asText("intranet"), peer == null ? "" : peer,
                p.path("Policy").asText().toLowerCase(Locale.ROOT), p.path("Priority").asText("1"));
        ObjectValue state = read(SecurityGroupRuleResource.TYPE, id);
        if (state != null) {
            found.add(new Discovered(SecurityGroupRuleResource.TYPE, id, (groupName == null ? "rule" : groupName)
                    + "_" + (in ? "ingress" : "egress") + "_" + p.path("IpProtocol").asText().toLowerCase(Locale.ROOT),
                    state));
        }
    }

    /** Reads one object as import does and adds it, named by its {@code nameAttribute}. */
    private void add(String type, String id, String nameAttribute) throws ApiException {
        add(type, id, nameAttribute, null);
    }

    /** ... or by {@code otherwise} when it has no name of its own. */
    private void add(String type, String id, String nameAttribute, String otherwise) throws ApiException {
        ObjectValue state = read(type, id);
        if (state != null) {
            String name = nameAttribute == null ? null : str(state, nameAttribute);
            found.add(new Discovered(type, id, name != null ? name : otherwise, state));
        }
    }

    private ObjectValue read(String type, String id) throws ApiException {
        Diagnostics d = new Diagnostics();
        ObjectValue state = resources.apply(type).importById(api, id, d);
        if (state == null) {
            unadoptable.add(new Unadoptable(type, id, d.hasErrors() ? d.list().get(0).detail()
                    : "it was gone when it was read"));
        }
        return state;
    }

    private static String str(ObjectValue o, String name) {
        Value v = o.get(name);
        return v != null && v.unmarked() instanceof StringValue s && !s.value().isEmpty() ? s.value() : null;
    }
}

package dev.peerform.alicloud.adopt;

import dev.peerform.spi.Reference;
import java.util.ArrayList;
import java.util.List;

/**
 * Which attribute of which alicloud type holds another object's id: what adopt (and {@code plan
 * -generate-config-out}) turn into references. Where a router id may be a VPC's router or a VBR, both are listed.
 */
public final class References {

    private References() {
    }

    public static List<Reference> all() {
        List<Reference> r = new ArrayList<>();
        to(r, "alicloud_vswitch", "vpc_id", "alicloud_vpc", "id");
        to(r, "alicloud_route_table", "vpc_id", "alicloud_vpc", "id");
        to(r, "alicloud_route_table_attachment", "route_table_id", "alicloud_route_table", "id");
        to(r, "alicloud_route_table_attachment", "vswitch_id", "alicloud_vswitch", "id");
        router(r, "alicloud_router_interface", "router_id");
        to(r, "alicloud_router_interface_connection", "interface_id", "alicloud_router_interface", "id");
        to(r, "alicloud_router_interface_connection", "opposite_interface_id", "alicloud_router_interface", "id");
        router(r, "alicloud_router_interface_connection", "opposite_router_id");
        to(r, "alicloud_route_entry", "route_table_id", "alicloud_vpc", "route_table_id");
        to(r, "alicloud_route_entry", "route_table_id", "alicloud_express_connect_virtual_border_router",
                "route_table_id");
        to(r, "alicloud_route_entry", "route_table_id", "alicloud_route_table", "id");
        to(r, "alicloud_route_entry", "nexthop_id", "alicloud_router_interface", "id");
        to(r, "alicloud_route_entry", "nexthop_id", "alicloud_instance", "id");
        // a route toward a peer VPC is usually written as that VPC's range
        to(r, "alicloud_route_entry", "destination_cidrblock", "alicloud_vpc", "cidr_block");
        to(r, "alicloud_vpc_bgp_group", "router_id", "alicloud_express_connect_virtual_border_router", "id");
        to(r, "alicloud_vpc_bgp_peer", "bgp_group_id", "alicloud_vpc_bgp_group", "id");
        to(r, "alicloud_vpc_bgp_network", "router_id", "alicloud_express_connect_virtual_border_router", "id");
        to(r, "alicloud_vpc_bgp_network", "vpc_id", "alicloud_vpc", "id");
        to(r, "alicloud_vpc_bgp_network", "dst_cidr_block", "alicloud_vpc", "cidr_block");
        to(r, "alicloud_security_group", "vpc_id", "alicloud_vpc", "id");
        to(r, "alicloud_security_group_rule", "security_group_id", "alicloud_security_group", "id");
        to(r, "alicloud_security_group_rule", "source_security_group_id", "alicloud_security_group", "id");
        to(r, "alicloud_instance", "vswitch_id", "alicloud_vswitch", "id");
        to(r, "alicloud_instance", "security_groups", "alicloud_security_group", "id");
        return r;
    }

    private static void router(List<Reference> r, String type, String attribute) {
        to(r, type, attribute, "alicloud_vpc", "router_id");
        to(r, type, attribute, "alicloud_express_connect_virtual_border_router", "id");
    }

    private static void to(List<Reference> r, String type, String attribute, String targetType, String target) {
        r.add(new Reference(type, attribute, targetType, target));
    }
}

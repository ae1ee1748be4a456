package dev.peerform.alicloud.reach;

import dev.peerform.addrs.InstanceAddress;
import dev.peerform.spi.ChangeAction;
import dev.peerform.spi.ChangeView;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.SetValue;
import dev.peerform.value.Type;
import dev.peerform.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model written back as the resource instances the engine hands a provider for {@code reach} (a refreshed state:
 * every id known), so that a benchmark can go through the SPI: resources made into the model, then the walk.
 */
final class AsResources {

    private final List<ChangeView> out = new ArrayList<>();
    private int n;

    static List<ChangeView> of(Model m) {
        AsResources r = new AsResources();
        for (Vpc v : m.vpcs()) {
            r.add("alicloud_vpc", "id", v.id(), "cidr_block", v.cidr().toString(), "router_id", v.routerId(),
                    "route_table_id", v.routeTableId(), "region_id", v.region());
            for (RouteEntry e : v.routes()) {
                r.add("alicloud_route_entry", "id", e.routeTableId() + ":" + e.destination(), "route_table_id",
                        e.routeTableId(), "destination_cidrblock", e.destination().toString(), "nexthop_type",
                        e.nextHopType(), "nexthop_id", e.nextHopId());
            }
        }
        for (VSwitch s : m.vswitches()) {
            r.add("alicloud_vswitch", "id", s.id(), "vpc_id", s.vpcId(), "cidr_block", s.cidr().toString(),
                    "zone_id", s.zone());
        }
        for (SecurityGroup g : m.groups()) {
            r.add("alicloud_security_group", "id", g.id(), "vpc_id", g.vpcId(), "security_group_type", "normal");
            for (SecurityGroupRule rule : g.rules()) {
                r.add("alicloud_security_group_rule", "id", g.id() + ":" + r.n, "security_group_id", g.id(), "type",
                        rule.direction().api(), "ip_protocol", rule.protocol().api(), "port_range",
                        rule.ports().toString(), "cidr_ip", String.valueOf(rule.cidr()), "priority",
                        Value.of(rule.priority()), "policy", rule.policy().api());
            }
        }
        for (Instance i : m.instances()) {
            List<Value> groups = i.securityGroups().stream().map(Value::of).toList();
            r.add("alicloud_instance", "id", i.id(), "vswitch_id", i.vswitchId(), "private_ip",
                    i.privateIp().toString().replace("/32", ""), "security_groups", new SetValue(Type.STRING, groups));
        }
        for (RouterInterface ri : m.interfaces()) {
            r.add("alicloud_router_interface", "id", ri.id(), "router_id", ri.routerId(), "role", ri.role().api(),
                    "specification", ri.spec(), "business_status", "Normal");
            if (ri.role() == Role.INITIATOR) {
                r.add("alicloud_router_interface_connection", "id", ri.id(), "interface_id", ri.id(),
                        "opposite_interface_id", ri.oppositeInterfaceId(), "status", ri.status().name());
            }
        }
        return r.out;
    }

    private void add(String type, Object... kv) {
        Map<String, Value> values = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            values.put((String) kv[i], kv[i + 1] instanceof Value v ? v : Value.of((String) kv[i + 1]));
        }
        ObjectValue o = new ObjectValue(values);
        out.add(new ChangeView(InstanceAddress.parse(type + ".r[" + n++ + "]"), type, ChangeAction.NO_OP, o, o,
                Map.of(), "alicloud"));
    }
}

package dev.peerform.emulator.cloud;

import dev.peerform.emulator.cloud.Model.VSwitch;
import dev.peerform.emulator.cloud.Model.Vpc;
import dev.peerform.emulator.cloud.RouteTableModel.CustomTable;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Custom route tables of a VPC (CreateRouteTable, ModifyRouteTableAttributes, AssociateRouteTable,
 * UnassociateRouteTable, DeleteRouteTable) and the listing of every table, system and custom
 * (DescribeRouteTableList). A custom table is on the VPC's VRouter, so route entries in it follow the rules of
 * {@link RouteTables} as in the system table, which stays as it is.
 */
public final class CustomTables {

    /** A table as DescribeRouteTableList answers it, system or custom. */
    public record Listed(String id, String owner, String region, String vpcId, String routerId, String routerType,
            String type, String associateType, String name, String description, String status, long createdAt,
            List<String> vswitchIds) {
    }

    private final World world;
    private final Clock clock;
    private final Networks networks;

    public CustomTables(World world, Clock clock, Networks networks) {
        this.world = world;
        this.clock = clock;
        this.networks = networks;
    }

    public CustomTable create(String account, String vpcId, String name, String description, String associateType) {
        Vpc v = networks.vpc(account, vpcId);
        String type = associateType == null ? "VSwitch" : associateType;
        if (!type.equals("VSwitch") && !type.equals("Gateway")) {
            throw new CloudException("InvalidAssociateType.Malformed", "AssociateType must be VSwitch or Gateway, "
                    + "not " + associateType + ".");
        }
        Validation.checkName(name, "RouteTableName");
        Validation.checkDescription(description);
        CustomTable t = new CustomTable();
        t.id = world.newId("vtb");
        t.owner = account;
        t.region = v.region;
        t.vpcId = v.id;
        t.routerId = v.vrouterId;
        t.name = name;
        t.description = description;
        t.associateType = type;
        t.createdAt = clock.millis();
        world.addRouteTable(t);
        return t;
    }

    /** ModifyRouteTableAttributes on a custom table: name and description (null leaves each as it is). */
    public void modify(String account, String tableId, String name, String description) {
        CustomTable t = own(account, tableId);
        Validation.checkName(name, "RouteTableName");
        Validation.checkDescription(description);
        if (name != null) {
            t.name = name;
        }
        if (description != null) {
            t.description = description;
        }
    }

    /** AssociateRouteTable: a vSwitch of the table's VPC, attached to at most one custom table. */
    public void associate(String account, String tableId, String vswitchId) {
        CustomTable t = own(account, tableId);
        VSwitch s = networks.vswitch(account, vswitchId);
        if (!s.vpcId.equals(t.vpcId)) {
            throw new CloudException("InvalidVSwitchId.NotInVpc", "The vSwitch " + vswitchId + " is in "
                    + s.vpcId + ", not in the table's VPC " + t.vpcId + ".");
        }
        if (!t.associateType.equals("VSwitch")) {
            throw new CloudException("IncorrectStatus.AssociateType", "The route table " + tableId + " is for "
                    + "gateways; vSwitches are attached to tables of AssociateType VSwitch.");
        }
        CustomTable other = tableOf(s);
        if (other != null && !other.id.equals(t.id)) {
            throw new CloudException("Forbidden.VSwitchAssociated", "The vSwitch " + vswitchId + " is already "
                    + "attached to the route table " + other.id + ".");
        }
        t.vswitchIds.add(s.id);
    }

    /** UnassociateRouteTable: the vSwitch goes back to the system table; one not attached is left as it is. */
    public void unassociate(String account, String tableId, String vswitchId) {
        own(account, tableId).vswitchIds.remove(vswitchId);
    }

    public void delete(String account, String tableId) {
        CustomTable t = own(account, tableId);
        if (!t.vswitchIds.isEmpty()) {
            throw new CloudException("DependencyViolation.VSwitch", "The route table " + tableId + " still has "
                    + "vSwitches attached (" + t.vswitchIds.iterator().next() + "); detach them first.");
        }
        if (!world.routesOfTable(t.id).isEmpty()) {
            throw new CloudException("DependencyViolation.RouteEntry", "The route table " + tableId + " still has "
                    + "custom route entries; delete them first.");
        }
        world.removeRouteTable(t);
    }

    /** The custom table a vSwitch is attached to, or null (it uses its VPC's system table). */
    public CustomTable tableOf(VSwitch s) {
        for (CustomTable t : world.routeTables.values()) {
            if (t.vswitchIds.contains(s.id)) {
                return t;
            }
        }
        return null;
    }

    /** Every table of the account in the region: each VPC's system table, each VBR's, then the custom ones. */
    public List<Listed> list(String account, String region) {
        List<Listed> out = new ArrayList<>();
        for (Vpc v : world.vpcs.values()) {
            if (v.owner.equals(account) && v.region.equals(region)) {
                List<String> switches = new ArrayList<>();
                for (VSwitch s : world.vswitchesOf(v.id)) {
                    if (tableOf(s) == null) {
                        switches.add(s.id);
                    }
                }
                out.add(new Listed(v.routeTableId, v.owner, v.region, v.id, v.vrouterId, "VRouter", "System",
                        "VSwitch", null, null, "Available", v.createdAt, switches));
            }
        }
        world.vbrs.values().stream().filter(b -> b.owner.equals(account) && b.region.equals(region))
                .forEach(b -> out.add(new Listed(b.routeTableId, b.owner, b.region, null, b.id, "VBR", "System",
                        "VSwitch", null, null, "Available", b.createdAt, List.of())));
        world.routeTables.values().stream().filter(t -> t.owner.equals(account) && t.region.equals(region))
                .forEach(t -> out.add(new Listed(t.id, t.owner, t.region, t.vpcId, t.routerId, "VRouter", "Custom",
                        t.associateType, t.name, t.description, t.status, t.createdAt, List.copyOf(t.vswitchIds))));
        return out;
    }

    private CustomTable own(String account, String tableId) {
        CustomTable t = tableId == null ? null : world.routeTables.get(tableId);
        if (t == null || !t.owner.equals(account)) {
            throw new CloudException("InvalidRouteTableId.NotFound", "The route table " + tableId + " does not "
                    + "exist (or is a system table, which cannot be changed this way).");
        }
        return t;
    }
}

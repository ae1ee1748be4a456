package dev.peerform.emulator.cloud;

import dev.peerform.emulator.cloud.Model.PhysicalConnection;
import dev.peerform.emulator.cloud.Model.RouteEntry;
import dev.peerform.emulator.cloud.Model.RouterInterface;
import dev.peerform.emulator.cloud.Model.Vbr;
import dev.peerform.emulator.cloud.Model.VSwitch;
import dev.peerform.emulator.cloud.Model.Vpc;
import dev.peerform.net.Cidr;
import dev.peerform.vpcapi.errors.ErrorCodes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * VPCs (each with its VRouter and route table), VBRs and the physical connections they stand on, as the VPC API
 * creates, renames, describes and deletes them. Accounts are walls: an account sees only its own (and the leased
 * lines shared with it).
 */
public final class Networks {

    private final World world;
    private final Clock clock;

    Networks(World world, Clock clock) {
        this.world = world;
        this.clock = clock;
    }

    private long now() {
        return clock.millis();
    }

    public Vpc createVpc(String account, String region, String cidrBlock, String name) {
        Cidr cidr = Validation.parseCidr(cidrBlock, "CidrBlock");
        if (cidr.prefix() < 8 || cidr.prefix() > 24) {
            throw new CloudException("InvalidCidrBlock.Malformed", "The VPC CIDR block must have a prefix "
                    + "length between 8 and 24; " + cidrBlock + " does not.");
        }
        Validation.checkName(name, "VpcName");
        Vpc v = new Vpc();
        v.id = world.newId("vpc");
        v.owner = account;
        v.region = region;
        v.cidrBlock = cidr.network().toString();
        v.name = name;
        v.vrouterId = world.newId("vrt");
        v.routeTableId = world.newId("vtb");
        v.createdAt = now();
        world.addVpc(v);
        return v;
    }

    /** ModifyVpcAttribute: renames a VPC in place (a null name leaves it as it is). */
    public Vpc modifyVpc(String account, String vpcId, String name) {
        Vpc v = vpc(account, vpcId);
        Validation.checkName(name, "VpcName");
        if (name != null) {
            v.name = name;
        }
        return v;
    }

    /** ModifyVpcAttribute with a new CidrBlock too (null leaves it as it is). */
    public Vpc modifyVpc(String account, String vpcId, String name, String cidrBlock) {
        Vpc v = modifyVpc(account, vpcId, name);
        if (cidrBlock != null) {
            Cidr cidr = Validation.parseCidr(cidrBlock, "CidrBlock");
            if (cidr.prefix() < 8 || cidr.prefix() > 24) {
                throw new CloudException("InvalidCidrBlock.Malformed", "The VPC CIDR block must have a prefix "
                        + "length between 8 and 24; " + cidrBlock + " does not.");
            }
            v.cidrBlock = cidr.network().toString();
        }
        return v;
    }

    public void deleteVpc(String account, String vpcId) {
        Vpc v = vpc(account, vpcId);
        if (!world.vswitchesOf(v.id).isEmpty()) {
            throw new CloudException(ErrorCodes.VPC_HAS_VSWITCH, "The VPC " + vpcId + " still has vSwitches ("
                    + world.vswitchesOf(v.id).get(0).id + "); delete them first.");
        }
        if (!world.interfacesOnRouter(v.vrouterId).isEmpty()) {
            throw new CloudException("DependencyViolation.RouterInterface", "The VPC " + vpcId + " still has "
                    + "router interfaces; delete them first.");
        }
        if (!world.routesOfTable(v.routeTableId).isEmpty()) {
            throw new CloudException("DependencyViolation.RouteEntry", "The VPC " + vpcId + " still has "
                    + "custom route entries; delete them first.");
        }
        if (world.routeTables.values().stream().anyMatch(t -> t.vpcId.equals(v.id))) {
            throw new CloudException("DependencyViolation.RouteTable", "The VPC " + vpcId + " still has custom "
                    + "route tables; delete them first.");
        }
        Ecs.refuseVpcDeleteWhileGroups(world, v);
        world.removeVpc(v);
    }

    /** CreateVSwitch: a subnet of the VPC's block (mask 16-29), in a zone of its region, overlapping no other. */
    public VSwitch createVSwitch(String account, String vpcId, String zoneId, String cidrBlock, String name,
            String description) {
        Vpc v = vpc(account, vpcId);
        if (!zoneId.startsWith(v.region + "-")) {
            throw new CloudException("InvalidZoneId.NotFound", "The zone " + zoneId + " is not a zone of "
                    + v.region + ", the VPC's region.");
        }
        Cidr cidr = Validation.parseCidr(cidrBlock, "CidrBlock");
        if (cidr.prefix() < 16 || cidr.prefix() > 29) {
            throw new CloudException("InvalidCidrBlock.Malformed", "A vSwitch's CIDR block must have a prefix "
                    + "length between 16 and 29; " + cidrBlock + " does not.");
        }
        if (!Cidr.parse(v.cidrBlock).contains(cidr)) {
            throw new CloudException("InvalidCidrBlock.Malformed", "The vSwitch's CIDR block " + cidrBlock
                    + " is not inside the VPC's " + v.cidrBlock + ".");
        }
        for (VSwitch other : world.vswitchesOf(v.id)) {
            if (Cidr.parse(other.cidrBlock).overlaps(cidr)) {
                throw new CloudException("InvalidCidrBlock.Overlapped", "The CIDR block " + cidrBlock
                        + " overlaps the vSwitch " + other.id + " (" + other.cidrBlock + ").");
            }
        }
        Validation.checkName(name, "VSwitchName");
        Validation.checkDescription(description);
        VSwitch s = new VSwitch();
        s.id = world.newId("vsw");
        s.owner = account;
        s.region = v.region;
        s.vpcId = v.id;
        s.zoneId = zoneId;
        s.cidrBlock = cidr.network().toString();
        s.name = name;
        s.description = description;
        s.createdAt = now();
        world.addVSwitch(s);
        return s;
    }

    public void deleteVSwitch(String account, String vswitchId) {
        VSwitch s = vswitch(account, vswitchId);
        if (world.routeTables.values().stream().anyMatch(t -> t.vswitchIds.contains(s.id))) {
            throw new CloudException("DependencyViolation.RouteTable", "The vSwitch " + vswitchId + " is still "
                    + "attached to a custom route table; detach it first.");
        }
        Ecs.refuseVSwitchDeleteWhileInstances(world, s);
        world.removeVSwitch(s);
    }

    /** ModifyVSwitchAttribute: name and description in place (null leaves each as it is). */
    public void modifyVSwitch(String account, String vswitchId, String name, String description) {
        VSwitch s = vswitch(account, vswitchId);
        Validation.checkName(name, "VSwitchName");
        Validation.checkDescription(description);
        if (name != null) {
            s.name = name;
        }
        if (description != null) {
            s.description = description;
        }
    }

    public VSwitch vswitch(String account, String vswitchId) {
        VSwitch s = vswitchId == null ? null : world.vswitches.get(vswitchId);
        if (s == null || !s.owner.equals(account)) {
            throw new CloudException("InvalidVSwitchId.NotFound", "The specified vSwitch " + vswitchId
                    + " does not exist.");
        }
        return s;
    }

    /** DescribeVSwitches: an account's vSwitches in a region, by VPC, zone, id and name when given. */
    public List<VSwitch> describeVSwitches(String account, String region, Predicate<VSwitch> filter) {
        return world.vswitches.values().stream().filter(s -> s.owner.equals(account) && s.region.equals(region))
                .filter(filter).toList();
    }

    public List<Vpc> describeVpcs(String account, String region, Set<String> ids) {
        List<Vpc> out = new ArrayList<>();
        if (ids != null && !ids.isEmpty()) {
            for (String id : ids) {
                Vpc v = world.vpcs.get(id);
                if (v != null && v.owner.equals(account) && v.region.equals(region)) {
                    out.add(v);
                }
            }
            return out;
        }
        for (Vpc v : world.vpcs.values()) {
            if (v.owner.equals(account) && v.region.equals(region)) {
                out.add(v);
            }
        }
        return out;
    }

    public Vpc vpc(String account, String vpcId) {
        Vpc v = world.vpcs.get(vpcId);
        if (v == null || !v.owner.equals(account)) {
            throw new CloudException(ErrorCodes.VPC_NOT_FOUND, "The specified VPC " + vpcId + " does not "
                    + "exist.");
        }
        return v;
    }

    public Vbr createVbr(String account, String region, String physicalConnectionId, int vlanId,
            String localGatewayIp, String peerGatewayIp, String peeringSubnetMask, String name) {
        PhysicalConnection pc = world.physicalConnections.get(physicalConnectionId);
        if (pc == null || !(pc.owner.equals(account) || pc.sharedWith.contains(account))
                || !pc.region.equals(region)) {
            throw new CloudException("InvalidPhysicalConnectionId.NotFound", "The physical connection "
                    + physicalConnectionId + " does not exist in " + region + ".");
        }
        if (vlanId < 0 || vlanId > 2999) {
            throw new CloudException("InvalidVlanId.Malformed", "VlanId must be between 0 and 2999.");
        }
        for (Vbr other : world.vbrs.values()) {
            if (other.physicalConnectionId.equals(physicalConnectionId) && other.vlanId == vlanId) {
                throw new CloudException("InvalidVlanId.AlreadyExists", "VLAN " + vlanId + " is already "
                        + "used on " + physicalConnectionId + ".");
            }
        }
        Validation.parseAddress(localGatewayIp, "LocalGatewayIp");
        Validation.parseAddress(peerGatewayIp, "PeerGatewayIp");
        Validation.checkName(name, "Name");
        Vbr b = new Vbr();
        b.id = world.newId("vbr");
        b.owner = account;
        b.region = region;
        b.physicalConnectionId = physicalConnectionId;
        b.accessPointId = pc.accessPointId;
        b.vlanId = vlanId;
        b.localGatewayIp = localGatewayIp;
        b.peerGatewayIp = peerGatewayIp;
        b.peeringSubnetMask = peeringSubnetMask;
        b.name = name;
        b.routeTableId = world.newId("vtb");
        b.createdAt = now();
        world.addVbr(b);
        return b;
    }

    /** ModifyVirtualBorderRouterAttribute: renames a VBR in place (a null name leaves it as it is). */
    public Vbr modifyVbr(String account, String vbrId, String name) {
        Vbr b = vbr(account, vbrId);
        Validation.checkName(name, "Name");
        if (name != null) {
            b.name = name;
        }
        return b;
    }

    /** ModifyVirtualBorderRouterAttribute with the VLAN and peering addresses too (-1 / null: unchanged). */
    public Vbr modifyVbr(String account, String vbrId, String name, int vlanId, String localGatewayIp,
            String peerGatewayIp, String peeringSubnetMask) {
        Vbr b = modifyVbr(account, vbrId, name);
        if (vlanId >= 0 && vlanId != b.vlanId) {
            if (vlanId > 2999) {
                throw new CloudException("InvalidVlanId.Malformed", "VlanId must be between 0 and 2999.");
            }
            for (Vbr other : world.vbrs.values()) {
                if (other != b && other.physicalConnectionId.equals(b.physicalConnectionId) && other.vlanId == vlanId) {
                    throw new CloudException("InvalidVlanId.AlreadyExists", "VLAN " + vlanId + " is already "
                            + "used on " + b.physicalConnectionId + ".");
                }
            }
            b.vlanId = vlanId;
        }
        if (localGatewayIp != null) {
            Validation.parseAddress(localGatewayIp, "LocalGatewayIp");
            b.localGatewayIp = localGatewayIp;
        }
        if (peerGatewayIp != null) {
            Validation.parseAddress(peerGatewayIp, "PeerGatewayIp");
            b.peerGatewayIp = peerGatewayIp;
        }
        if (peeringSubnetMask != null) {
            b.peeringSubnetMask = peeringSubnetMask;
        }
        return b;
    }

    public void deleteVbr(String account, String vbrId) {
        Vbr b = vbr(account, vbrId);
        if (!world.interfacesOnRouter(b.id).isEmpty()) {
            throw new CloudException("DependencyViolation.RouterInterface", "The VBR " + vbrId + " still has "
                    + "router interfaces; delete them first.");
        }
        Bgp.refuseVbrDeleteWhileInUse(world, b);
        world.removeVbr(b);
    }

    public Vbr vbr(String account, String vbrId) {
        Vbr b = world.vbrs.get(vbrId);
        if (b == null || !b.owner.equals(account)) {
            throw new CloudException("InvalidVbrId.NotFound", "The specified VBR " + vbrId + " does not "
                    + "exist.");
        }
        return b;
    }

    public List<Vbr> describeVbrs(String account, String region, Predicate<Vbr> filter) {
        return world.vbrs.values().stream().filter(b -> b.owner.equals(account) && b.region.equals(region))
                .filter(filter).toList();
    }

    public List<PhysicalConnection> describePhysicalConnections(String account, String region) {
        return world.physicalConnections.values().stream()
                .filter(p -> (p.owner.equals(account) || p.sharedWith.contains(account)) && p.region.equals(region))
                .toList();
    }
}

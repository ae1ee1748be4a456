package dev.peerform.alicloud.reach;

import dev.peerform.net.Cidr;
import java.util.List;

/** Places FROM and TO in the model. */
final class Resolver {

    private final Index index;

    Resolver(Index index) {
        this.index = index;
    }

    Resolved resolve(Endpoint e) {
        if (e instanceof Endpoint.OfInstance i) {
            return instance(need(index.instances.get(i.instanceId()), "instance", i.instanceId()));
        }
        if (e instanceof Endpoint.OfVSwitch s) {
            VSwitch vsw = need(index.vswitches.get(s.vswitchId()), "vswitch", s.vswitchId());
            Vpc vpc = vpcOf(vsw);
            return new Resolved(index.name(vsw.id()), Resolved.Side.VPC, vpc.routerId(), vsw.cidr().network(),
                    vpc.cidr(), null, vpc.region(), vpc.account(), false);
        }
        if (e instanceof Endpoint.OfVpc v) {
            Vpc vpc = need(index.vpcs.get(v.vpcId()), "VPC", v.vpcId());
            return new Resolved(index.name(vpc.id()), Resolved.Side.VPC, vpc.routerId(), vpc.cidr().network(),
                    vpc.cidr(), null, vpc.region(), vpc.account(), true);
        }
        if (e instanceof Endpoint.OfVbr b) {
            Vbr vbr = need(index.vbrs.get(b.vbrId()), "VBR", b.vbrId());
            Cidr range = b.range() != null ? b.range() : dataCentre(vbr);
            return dataCentre(vbr, range.network(), range.network());
        }
        if (e instanceof Endpoint.CloudServices c) {
            Vpc vpc = need(index.vpcs.get(c.vpcId()), "VPC", c.vpcId());
            return new Resolved("cloud services " + Index.CLOUD_SERVICES + " through " + index.name(vpc.id()),
                    Resolved.Side.CLOUD_SERVICES, vpc.routerId(), Index.CLOUD_SERVICES, Index.CLOUD_SERVICES, null,
                    vpc.region(), vpc.account(), false);
        }
        return address((Endpoint.OfAddress) e);
    }

    private Resolved address(Endpoint.OfAddress a) {
        Cidr ip = a.ip();
        String id = a.resourceId();
        if (id != null) {
            if (index.instances.containsKey(id)) {
                return instance(index.instances.get(id));
            }
            if (index.vbrs.containsKey(id)) {
                Vbr vbr = index.vbrs.get(id);
                Cidr net = onPremises(vbr).stream().filter(c -> c.contains(ip)).findFirst().orElse(ip);
                return dataCentre(vbr, ip, net);
            }
            Vpc vpc = index.vpcs.get(id);
            VSwitch vsw = index.vswitches.get(id);
            if (vsw != null) {
                vpc = vpcOf(vsw);
                if (!vsw.cidr().contains(ip)) {
                    throw new ReachInputException(ip + " is not in " + index.name(id) + " (" + vsw.cidr() + ")");
                }
            }
            if (vpc == null) {
                throw new ReachInputException("no instance, vswitch, VPC or VBR " + id + " to place " + ip + " in");
            }
            if (Index.CLOUD_SERVICES.contains(ip)) {
                return new Resolved("cloud services " + ip + " through " + index.name(vpc.id()),
                        Resolved.Side.CLOUD_SERVICES, vpc.routerId(), ip, Index.CLOUD_SERVICES, null, vpc.region(),
                        vpc.account(), false);
            }
            if (!vpc.cidr().contains(ip)) {
                throw new ReachInputException(ip + " is not in " + index.name(vpc.id()) + " (" + vpc.cidr() + ")");
            }
            return inVpc(vpc, ip);
        }
        for (Instance i : index.model.instances()) {
            if (ip.equals(i.privateIp())) {
                return instance(i);
            }
        }
        for (VSwitch s : index.model.vswitches()) {
            if (s.cidr().contains(ip)) {
                return inVpc(vpcOf(s), ip);
            }
        }
        for (Vbr b : index.model.vbrs()) {
            for (Cidr c : onPremises(b)) {
                if (c.contains(ip)) {
                    return dataCentre(b, ip, c);
                }
            }
        }
        throw new ReachInputException("no vswitch, instance or data-centre range of a VBR holds " + ip
                + ": name the resource, as ADDRESS:IP");
    }

    private Resolved inVpc(Vpc vpc, Cidr ip) {
        for (Instance i : index.model.instances()) {
            if (ip.equals(i.privateIp()) && vpc.id().equals(vpcOf(index.vswitches.get(i.vswitchId())).id())) {
                return instance(i);
            }
        }
        return new Resolved(ip.toString().replace("/32", "") + " in " + index.name(vpc.id()), Resolved.Side.VPC,
                vpc.routerId(), ip, vpc.cidr(), null, vpc.region(), vpc.account(), false);
    }

    private Resolved instance(Instance i) {
        VSwitch vsw = need(index.vswitches.get(i.vswitchId()), "vswitch", i.vswitchId());
        Vpc vpc = vpcOf(vsw);
        Cidr range = i.privateIp() != null ? i.privateIp() : vsw.cidr().network();
        String at = i.privateIp() != null ? i.privateIp().toString().replace("/32", "")
                : "an address of " + vsw.cidr();
        return new Resolved(index.name(i.id()) + " at " + at, Resolved.Side.VPC, vpc.routerId(), range, vpc.cidr(),
                i, vpc.region(), vpc.account(), false);
    }

    private Resolved dataCentre(Vbr vbr, Cidr range, Cidr network) {
        return new Resolved("data centre " + range + " behind " + index.name(vbr.id()), Resolved.Side.DATA_CENTRE,
                vbr.id(), range, network, null, vbr.region(), vbr.account(), false);
    }

    private Cidr dataCentre(Vbr vbr) {
        List<Cidr> ranges = onPremises(vbr);
        if (ranges.isEmpty()) {
            throw new ReachInputException("no data-centre range is known behind " + index.name(vbr.id())
                    + ": name one (ADDRESS:IP) or route it to " + vbr.physicalConnectionId());
        }
        return ranges.get(0);
    }

    private static List<Cidr> onPremises(Vbr vbr) {
        if (!vbr.onPremises().isEmpty()) {
            return vbr.onPremises();
        }
        return vbr.routes().stream().filter(r -> r.kind() == NextHopKind.PHYSICAL_CONNECTION)
                .map(r -> r.destination().network()).toList();
    }

    private Vpc vpcOf(VSwitch vsw) {
        return need(index.vpcs.get(vsw.vpcId()), "VPC", vsw.vpcId());
    }

    private <T> T need(T found, String what, String id) {
        if (found == null) {
            throw new ReachInputException("no " + what + " " + id + " is known");
        }
        return found;
    }
}

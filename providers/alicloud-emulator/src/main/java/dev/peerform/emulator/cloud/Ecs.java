package dev.peerform.emulator.cloud;

import dev.peerform.emulator.cloud.EcsModel.Instance;
import dev.peerform.emulator.cloud.EcsModel.Permission;
import dev.peerform.emulator.cloud.EcsModel.SecurityGroup;
import dev.peerform.emulator.cloud.Model.VSwitch;
import dev.peerform.emulator.cloud.Model.Vpc;
import dev.peerform.net.Cidr;
import dev.peerform.vpcapi.errors.ErrorCodes;
import java.math.BigInteger;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * ECS security groups and network-only instances (API 2014-05-26), with the rules of domain.md ("Security groups")
 * the API enforces: a group lives in one VPC of one region; a rule has a protocol, a port range in the API's
 * {@code from/to} form ({@code -1/-1} for protocols without ports), a priority 1-100 and a policy accept or drop; a
 * group authorization names a group of the same region (the call's region is where the group is looked up, so a
 * group of another region is not found: across regions only a CIDR rule can admit the peer), of another account
 * only with that account named; an authorization that exists already succeeds and adds nothing. An instance sits in
 * a vSwitch with 1-5 groups of that vSwitch's VPC and one private address of the vSwitch's range.
 */
public final class Ecs {

    /** Rules per group, ingress and egress together (the documented quota). */
    public static final int RULES_PER_GROUP = 200;
    /** Other groups a normal group may authorize. */
    public static final int GROUP_AUTHORIZATIONS = 20;
    /** Groups an instance may join. */
    public static final int GROUPS_PER_INSTANCE = 5;

    static final String DEPENDENCY = "DependencyViolation";
    private static final Set<String> PROTOCOLS = Set.of("tcp", "udp", "icmp", "gre", "all");

    private final World world;
    private final Clock clock;

    Ecs(World world, Clock clock) {
        this.world = world;
        this.clock = clock;
    }

    /** A rule as a call gives it; {@code cidr} or {@code groupId} names the peer. */
    public record NewPermission(String protocol, String portRange, String cidr, String groupId, String groupOwner,
            String nicType, String policy, String priority, String description) {
    }

    public SecurityGroup createGroup(String account, String region, String vpcId, String name, String description,
            String type) {
        if (vpcId == null) {
            throw new CloudException("MissingParameter", "The input parameter \"VpcId\" that is mandatory for "
                    + "processing this request is not supplied (this emulator serves VPC security groups only).");
        }
        Vpc v = vpcIn(account, region, vpcId);
        if (name != null) {
            Validation.checkName(name, "SecurityGroupName");
        }
        if (description != null) {
            Validation.checkDescription(description);
        }
        String t = type == null ? "normal" : type;
        if (!t.equals("normal") && !t.equals("enterprise")) {
            throw new CloudException("InvalidSecurityGroupType.Malformed", "SecurityGroupType \"" + type
                    + "\" is neither normal nor enterprise.");
        }
        SecurityGroup g = new SecurityGroup();
        g.id = world.newId("sg");
        g.owner = account;
        g.region = region;
        g.vpcId = v.id;
        g.name = name;
        g.description = description;
        g.type = t;
        g.innerAccessPolicy = t.equals("enterprise") ? "Drop" : "Accept";
        g.createdAt = clock.millis();
        world.securityGroups.put(g.id, g);
        return g;
    }

    public void modifyGroup(String account, String region, String groupId, String name, String description) {
        SecurityGroup g = group(account, region, groupId);
        if (name != null) {
            Validation.checkName(name, "SecurityGroupName");
            g.name = name;
        }
        if (description != null) {
            Validation.checkDescription(description);
            g.description = description;
        }
    }

    public void modifyPolicy(String account, String region, String groupId, String innerAccessPolicy) {
        SecurityGroup g = group(account, region, groupId);
        String p = capitalised(innerAccessPolicy);
        if (!p.equals("Accept") && !p.equals("Drop")) {
            throw new CloudException("InvalidInnerAccessPolicy.Malformed", "InnerAccessPolicy \""
                    + innerAccessPolicy + "\" is neither Accept nor Drop.");
        }
        g.innerAccessPolicy = p;
    }

    /** AuthorizeSecurityGroup(Egress): each rule checked before any is added; existing rules are kept, not doubled. */
    public List<Permission> authorize(String account, String region, String groupId, String direction,
            List<NewPermission> rules) {
        SecurityGroup g = group(account, region, groupId);
        List<Permission> made = new ArrayList<>();
        for (NewPermission n : rules) {
            made.add(permission(account, g, direction, n));
        }
        Set<String> present = new HashSet<>();
        g.permissions.forEach(p -> present.add(p.identity()));
        List<Permission> added = new ArrayList<>();
        for (Permission p : made) {
            if (present.add(p.identity())) {
                added.add(p);
            }
        }
        if (g.permissions.size() + added.size() > RULES_PER_GROUP) {
            throw new CloudException("AuthorizationLimitExceed", "The security group " + g.id + " would hold more "
                    + "than " + RULES_PER_GROUP + " rules.");
        }
        long groups = g.permissions.stream().filter(p -> p.groupId != null).map(p -> p.groupId).distinct().count()
                + added.stream().filter(p -> p.groupId != null && g.permissions.stream()
                        .noneMatch(q -> p.groupId.equals(q.groupId))).map(p -> p.groupId).distinct().count();
        if (groups > GROUP_AUTHORIZATIONS) {
            throw new CloudException("AuthorizationLimitExceed", "The security group " + g.id + " would authorize "
                    + "more than " + GROUP_AUTHORIZATIONS + " other security groups.");
        }
        for (Permission p : added) {
            p.id = world.newId("sgr");
            g.permissions.add(p);
        }
        return added;
    }

    /** RevokeSecurityGroup(Egress): by rule ids, or by the rule's fields; a rule that is not there is no error. */
    public void revoke(String account, String region, String groupId, String direction, List<NewPermission> rules,
            List<String> ruleIds) {
        SecurityGroup g = group(account, region, groupId);
        if (!ruleIds.isEmpty()) {
            for (String id : ruleIds) {
                if (g.permissions.stream().noneMatch(p -> p.id.equals(id) && p.direction.equals(direction))) {
                    throw new CloudException("InvalidSecurityGroupRuleId.NotFound", "The security group rule " + id
                            + " does not exist in " + g.id + " (" + direction + ").");
                }
            }
            g.permissions.removeIf(p -> ruleIds.contains(p.id));
            return;
        }
        Set<String> gone = new HashSet<>();
        for (NewPermission n : rules) {
            gone.add(permission(account, g, direction, n).identity());
        }
        g.permissions.removeIf(p -> gone.contains(p.identity()));
    }

    public List<SecurityGroup> describeGroups(String account, String region, Predicate<SecurityGroup> filter) {
        return world.securityGroups.values().stream()
                .filter(g -> g.owner.equals(account) && g.region.equals(region) && filter.test(g)).toList();
    }

    /** DeleteSecurityGroup: refused while an instance uses the group or another group's rule names it. */
    public void deleteGroup(String account, String region, String groupId) {
        SecurityGroup g = group(account, region, groupId);
        for (Instance i : world.instances.values()) {
            if (i.securityGroupIds.contains(g.id)) {
                throw new CloudException(DEPENDENCY, "There is still instance(s) in the specified security group "
                        + g.id + " (" + i.id + ").");
            }
        }
        for (SecurityGroup other : world.securityGroups.values()) {
            if (other != g && other.permissions.stream().anyMatch(p -> g.id.equals(p.groupId))) {
                throw new CloudException(DEPENDENCY, "The security group " + g.id + " is authorized in the rules "
                        + "of " + other.id + "; revoke them first.");
            }
        }
        world.securityGroups.remove(g.id);
    }

    public SecurityGroup group(String account, String region, String groupId) {
        SecurityGroup g = groupId == null ? null : world.securityGroups.get(groupId);
        if (g == null || !g.owner.equals(account) || (region != null && !g.region.equals(region))) {
            throw new CloudException("InvalidSecurityGroupId.NotFound", "The specified security group " + groupId
                    + " does not exist in " + region + ".");
        }
        return g;
    }

    /** A new instance needs an image, a type, a vSwitch and groups of its VPC; its address is given or assigned. */
    public record NewInstance(String region, String zoneId, String vswitchId, List<String> securityGroupIds,
            String privateIp, String imageId, String instanceType, String name, String chargeType) {
    }

    public Instance runInstance(String account, NewInstance n) {
        if (n.imageId() == null || n.instanceType() == null) {
            throw new CloudException("MissingParameter", "The input parameter \""
                    + (n.imageId() == null ? "ImageId" : "InstanceType") + "\" that is mandatory for processing "
                    + "this request is not supplied.");
        }
        VSwitch s = world.vswitches.get(n.vswitchId());
        if (n.vswitchId() == null || s == null || !s.owner.equals(account) || !s.region.equals(n.region())) {
            throw new CloudException("InvalidVSwitchId.NotFound", "The specified vSwitch " + n.vswitchId()
                    + " does not exist in " + n.region() + ".");
        }
        if (n.zoneId() != null && !n.zoneId().equals(s.zoneId)) {
            throw new CloudException("InvalidParameter.Mismatch", "The vSwitch " + s.id + " is in zone " + s.zoneId
                    + ", not " + n.zoneId() + ".");
        }
        checkGroups(account, n.region(), s, n.securityGroupIds());
        String ip = n.privateIp() == null ? freeAddress(s) : checkAddress(s, n.privateIp());
        Instance i = new Instance();
        i.id = world.newId("i");
        i.owner = account;
        i.region = n.region();
        i.zoneId = s.zoneId;
        i.vpcId = s.vpcId;
        i.vswitchId = s.id;
        i.privateIp = ip;
        i.securityGroupIds = new ArrayList<>(new LinkedHashSet<>(n.securityGroupIds()));
        i.imageId = n.imageId();
        i.instanceType = n.instanceType();
        i.name = n.name();
        i.chargeType = n.chargeType() == null ? "PostPaid" : n.chargeType();
        i.createdAt = clock.millis();
        world.instances.put(i.id, i);
        return i;
    }

    public List<Instance> describeInstances(String account, String region, Predicate<Instance> filter) {
        return world.instances.values().stream()
                .filter(i -> i.owner.equals(account) && i.region.equals(region) && filter.test(i)).toList();
    }

    public void joinGroup(String account, String instanceId, String groupId) {
        Instance i = instance(account, instanceId);
        VSwitch s = world.vswitches.get(i.vswitchId);
        List<String> next = new ArrayList<>(i.securityGroupIds);
        if (next.contains(groupId)) {
            throw new CloudException("InvalidInstanceId.AlreadyExists", "The instance " + i.id
                    + " is already in the security group " + groupId + ".");
        }
        next.add(groupId);
        checkGroups(account, i.region, s, next);
        i.securityGroupIds = next;
    }

    public void leaveGroup(String account, String instanceId, String groupId) {
        Instance i = instance(account, instanceId);
        group(account, i.region, groupId);
        if (!i.securityGroupIds.contains(groupId)) {
            throw new CloudException("InvalidSecurityGroupId.NotFound", "The instance " + i.id
                    + " is not in the security group " + groupId + ".");
        }
        if (i.securityGroupIds.size() == 1) {
            throw new CloudException("InvalidOperation.InstanceSecurityGroupLimit", "An instance stays in at least "
                    + "one security group; join another before leaving " + groupId + ".");
        }
        i.securityGroupIds.remove(groupId);
    }

    /** DeleteInstance: a running instance only with Force; a subscription one not at all (it is refunded instead). */
    public void deleteInstance(String account, String instanceId, boolean force) {
        Instance i = instance(account, instanceId);
        if ("PrePaid".equals(i.chargeType)) {
            throw new CloudException("InvalidInstanceChargeType.NotFound", "The subscription instance " + i.id
                    + " is released by refund, not DeleteInstance.");
        }
        if ("Running".equals(i.status) && !force) {
            throw new CloudException("IncorrectInstanceStatus", "The instance " + i.id + " is Running: stop it "
                    + "first or delete with Force=true.");
        }
        world.instances.remove(i.id);
    }

    public Instance instance(String account, String instanceId) {
        Instance i = instanceId == null ? null : world.instances.get(instanceId);
        if (i == null || !i.owner.equals(account)) {
            throw new CloudException("InvalidInstanceId.NotFound", "The specified instance " + instanceId
                    + " does not exist.");
        }
        return i;
    }

    /** DeleteVpc's check: no security group may be left in it. */
    static void refuseVpcDeleteWhileGroups(World world, Vpc v) {
        for (SecurityGroup g : world.securityGroups.values()) {
            if (v.id.equals(g.vpcId)) {
                throw new CloudException(ErrorCodes.VPC_HAS_SECURITY_GROUP, "The VPC " + v.id + " still has the "
                        + "security group " + g.id + "; delete it first.");
            }
        }
    }

    /** DeleteVSwitch's check: no instance may be left in it. */
    static void refuseVSwitchDeleteWhileInstances(World world, VSwitch s) {
        for (Instance i : world.instances.values()) {
            if (s.id.equals(i.vswitchId)) {
                throw new CloudException(DEPENDENCY, "The vSwitch " + s.id + " still has the instance " + i.id
                        + "; delete it first.");
            }
        }
    }

    private void checkGroups(String account, String region, VSwitch s, List<String> ids) {
        if (ids.isEmpty()) {
            throw new CloudException("MissingParameter", "The input parameter \"SecurityGroupId\" that is "
                    + "mandatory for processing this request is not supplied.");
        }
        if (new HashSet<>(ids).size() > GROUPS_PER_INSTANCE) {
            throw new CloudException("InvalidParameter.SecurityGroupIdsLimit", "An instance joins at most "
                    + GROUPS_PER_INSTANCE + " security groups.");
        }
        Set<String> types = new HashSet<>();
        for (String id : ids) {
            SecurityGroup g = group(account, region, id);
            if (!g.vpcId.equals(s.vpcId)) {
                throw new CloudException("InvalidSecurityGroupId.VpcMismatch", "The security group " + g.id
                        + " is in " + g.vpcId + ", not in the vSwitch's VPC " + s.vpcId + ".");
            }
            types.add(g.type);
        }
        if (types.size() > 1) {
            throw new CloudException("InvalidSecurityGroupId.TypeMismatch", "An instance joins either normal or "
                    + "enterprise security groups, not both.");
        }
    }

    /** A rule from a call's fields, checked as the API checks it. */
    private Permission permission(String account, SecurityGroup g, String direction, NewPermission n) {
        String peer = direction.equals("ingress") ? "Source" : "Dest";
        if (n.protocol() == null) {
            throw new CloudException("MissingParameter", "The input parameter \"IpProtocol\" that is mandatory for "
                    + "processing this request is not supplied.");
        }
        String protocol = n.protocol().toLowerCase(Locale.ROOT);
        if (!PROTOCOLS.contains(protocol)) {
            throw new CloudException("InvalidIpProtocol.Malformed", "IpProtocol \"" + n.protocol() + "\" is not one "
                    + "of tcp, udp, icmp, gre, all.");
        }
        String ports = n.portRange() == null ? "-1/-1" : n.portRange();
        checkPorts(protocol, ports);
        String policy = n.policy() == null ? "accept" : n.policy().toLowerCase(Locale.ROOT);
        if (!policy.equals("accept") && !policy.equals("drop")) {
            throw new CloudException("InvalidPolicy.Malformed", "Policy \"" + n.policy() + "\" is neither accept "
                    + "nor drop.");
        }
        int priority = priority(n.priority());
        String nic = n.nicType() == null ? "intranet" : n.nicType();
        if (!nic.equals("intranet")) {
            throw new CloudException("InvalidNicType.ValueNotSupported", "NicType \"" + nic + "\": a VPC security "
                    + "group's rules are intranet rules.");
        }
        if ((n.cidr() == null) == (n.groupId() == null)) {
            throw new CloudException("MissingParameter", "A rule names either " + peer + "CidrIp or " + peer
                    + "GroupId (exactly one).");
        }
        Permission p = new Permission();
        p.direction = direction;
        p.protocol = protocol;
        p.portRange = ports;
        p.nicType = nic;
        p.policy = policy;
        p.priority = priority;
        p.description = n.description();
        p.createdAt = clock.millis();
        if (n.cidr() != null) {
            try {
                p.cidr = (n.cidr().contains("/") ? Cidr.parse(n.cidr()).network() : Cidr.parseAddress(n.cidr())).toString();
            } catch (IllegalArgumentException e) {
                throw new CloudException("Invalid" + peer + "CidrIp.Malformed", peer + "CidrIp \"" + n.cidr()
                        + "\" is not a CIDR block or an address.");
            }
            return p;
        }
        if (g.type.equals("enterprise")) {
            throw new CloudException("InvalidParameter.EnterpriseGroupAuthorization", "The enterprise security "
                    + "group " + g.id + " cannot authorize other security groups; authorize a CIDR block.");
        }
        String owner = n.groupOwner() == null ? account : n.groupOwner();
        SecurityGroup other = world.securityGroups.get(n.groupId());
        // the group is looked up among the owner's groups of the call's region: another region's group is not
        // found, another account's only when that account is named
        if (other == null || !other.owner.equals(owner) || !other.region.equals(g.region)) {
            throw new CloudException("InvalidSecurityGroupId.NotFound", "The " + peer.toLowerCase(Locale.ROOT)
                    + " security group " + n.groupId() + " does not exist among the groups of account " + owner
                    + " in " + g.region + (other != null && !other.region.equals(g.region)
                            ? " (it is in " + other.region + ": across regions, authorize the peer VPC's CIDR block)"
                            : other != null && n.groupOwner() == null ? " (it is another account's: name it as "
                                    + peer + "GroupOwnerAccount)" : "")
                    + ".");
        }
        p.groupId = other.id;
        p.groupOwner = other.owner.equals(account) ? null : other.owner;
        return p;
    }

    private static void checkPorts(String protocol, String ports) {
        String[] parts = ports.split("/", -1);
        int from;
        int to;
        try {
            if (parts.length != 2) {
                throw new NumberFormatException();
            }
            from = Integer.parseInt(parts[0]);
            to = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new CloudException("InvalidIpPortRange.Malformed", "PortRange \"" + ports + "\" is not of the form "
                    + "from/to, such as 22/22 or -1/-1.");
        }
        boolean withPorts = protocol.equals("tcp") || protocol.equals("udp");
        if (withPorts ? from < 1 || to > 65535 || from > to : from != -1 || to != -1) {
            throw new CloudException("InvalidIpPortRange.Malformed", "PortRange \"" + ports + "\" for " + protocol
                    + ": " + (withPorts ? "ports 1-65535, from not above to (1/65535 for every port)"
                            : "only -1/-1"));
        }
    }

    private static int priority(String text) {
        if (text == null) {
            return 1;
        }
        try {
            int p = Integer.parseInt(text);
            if (p >= 1 && p <= 100) {
                return p;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new CloudException("InvalidPriority.Malformed", "Priority \"" + text + "\" is outside 1-100.");
    }

    /** The lowest free address; the vSwitch's first address and its last three are the system's. */
    private String freeAddress(VSwitch s) {
        Cidr c = Cidr.parse(s.cidrBlock).network();
        Set<String> used = used(s);
        BigInteger last = c.size().subtract(BigInteger.valueOf(4));
        for (BigInteger n = BigInteger.ONE; n.compareTo(last) <= 0; n = n.add(BigInteger.ONE)) {
            String ip = c.host(n);
            if (!used.contains(ip)) {
                return ip;
            }
        }
        throw new CloudException("InvalidVSwitchId.IpNotEnough", "The vSwitch " + s.id + " has no free address.");
    }

    private String checkAddress(VSwitch s, String ip) {
        Cidr a;
        try {
            a = Cidr.parseAddress(ip);
        } catch (IllegalArgumentException e) {
            throw new CloudException("InvalidPrivateIpAddress.Malformed", "PrivateIpAddress \"" + ip + "\" is not "
                    + "an IPv4 address.");
        }
        Cidr c = Cidr.parse(s.cidrBlock).network();
        BigInteger offset = a.address().subtract(c.address());
        if (!c.contains(a) || offset.signum() == 0 || offset.compareTo(c.size().subtract(BigInteger.valueOf(4))) > 0) {
            throw new CloudException("InvalidPrivateIpAddress.Mismatch", "PrivateIpAddress " + ip + " is not a free "
                    + "address of the vSwitch " + s.id + " (" + s.cidrBlock + "; the first and the last three are "
                    + "reserved).");
        }
        String text = c.host(offset);
        if (used(s).contains(text)) {
            throw new CloudException("InvalidPrivateIpAddress.Duplicated", "PrivateIpAddress " + ip + " is used by "
                    + "another instance of the vSwitch " + s.id + ".");
        }
        return text;
    }

    private Set<String> used(VSwitch s) {
        Set<String> used = new HashSet<>();
        for (Instance i : world.instances.values()) {
            if (s.id.equals(i.vswitchId)) {
                used.add(i.privateIp);
            }
        }
        return used;
    }

    private static String capitalised(String s) {
        return s == null || s.isEmpty() ? "" : s.substring(0, 1).toUpperCase(Locale.ROOT)
                + s.substring(1).toLowerCase(Locale.ROOT);
    }

    private Vpc vpcIn(String account, String region, String vpcId) {
        Vpc v = world.vpcs.get(vpcId);
        if (v == null || !v.owner.equals(account) || !v.region.equals(region)) {
            throw new CloudException(ErrorCodes.VPC_NOT_FOUND, "The specified VPC " + vpcId + " does not exist in "
                    + region + ".");
        }
        return v;
    }
}

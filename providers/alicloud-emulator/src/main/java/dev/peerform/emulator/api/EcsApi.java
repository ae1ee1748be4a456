package dev.peerform.emulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.peerform.emulator.cloud.CloudException;
import dev.peerform.emulator.cloud.Ecs;
import dev.peerform.emulator.cloud.EcsModel.Instance;
import dev.peerform.emulator.cloud.EcsModel.Permission;
import dev.peerform.emulator.cloud.EcsModel.SecurityGroup;
import dev.peerform.vpcapi.wire.ApiVersion;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The ECS actions (version 2014-05-26) of security groups and network-only instances, on the same RPC signing as
 * the VPC API: parameters in, JSON with the API's wrapper objects out. A rule comes as {@code Permissions.N.*}
 * fields or as the older unprefixed fields (not both).
 */
final class EcsApi {

    static final Set<String> ACTIONS = ApiVersion.ECS_ACTIONS;

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private final Ecs ecs;

    EcsApi(Ecs ecs) {
        this.ecs = ecs;
    }

    void dispatch(String account, String action, Params p, ObjectNode out) {
        String region = p.required("RegionId");
        switch (action) {
            case "CreateSecurityGroup" -> out.put("SecurityGroupId", ecs.createGroup(account, region,
                    p.optional("VpcId"), p.optional("SecurityGroupName"), p.optional("Description"),
                    p.optional("SecurityGroupType")).id);
            case "ModifySecurityGroupAttribute" -> ecs.modifyGroup(account, region, p.required("SecurityGroupId"),
                    p.optional("SecurityGroupName"), p.optional("Description"));
            case "ModifySecurityGroupPolicy" -> ecs.modifyPolicy(account, region, p.required("SecurityGroupId"),
                    p.required("InnerAccessPolicy"));
            case "AuthorizeSecurityGroup" -> ecs.authorize(account, region, p.required("SecurityGroupId"), "ingress",
                    permissions(p, "Source"));
            case "AuthorizeSecurityGroupEgress" -> ecs.authorize(account, region, p.required("SecurityGroupId"),
                    "egress", permissions(p, "Dest"));
            case "RevokeSecurityGroup" -> ecs.revoke(account, region, p.required("SecurityGroupId"), "ingress",
                    p.numbered("SecurityGroupRuleId").isEmpty() ? permissions(p, "Source") : List.of(),
                    p.numbered("SecurityGroupRuleId"));
            case "RevokeSecurityGroupEgress" -> ecs.revoke(account, region, p.required("SecurityGroupId"), "egress",
                    p.numbered("SecurityGroupRuleId").isEmpty() ? permissions(p, "Dest") : List.of(),
                    p.numbered("SecurityGroupRuleId"));
            case "DescribeSecurityGroups" -> {
                String vpcId = p.optional("VpcId");
                List<String> ids = ids(p, "SecurityGroupIds", "SecurityGroupId");
                String name = p.optional("SecurityGroupName");
                VpcApi.page(out, "SecurityGroups", "SecurityGroup", ecs.describeGroups(account, region,
                        g -> (vpcId == null || vpcId.equals(g.vpcId)) && (ids.isEmpty() || ids.contains(g.id))
                                && (name == null || name.equals(g.name))), p, this::group);
                out.put("RegionId", region);
            }
            case "DescribeSecurityGroupAttribute" -> {
                SecurityGroup g = ecs.group(account, region, p.required("SecurityGroupId"));
                String direction = p.optional("Direction") == null ? "all" : p.optional("Direction");
                out.put("SecurityGroupId", g.id).put("RegionId", g.region).put("VpcId", g.vpcId)
                        .put("SecurityGroupName", g.name).put("Description", g.description)
                        .put("InnerAccessPolicy", g.innerAccessPolicy);
                ArrayNode list = out.putObject("Permissions").putArray("Permission");
                g.permissions.stream().filter(r -> direction.equals("all") || direction.equals(r.direction))
                        .forEach(r -> list.add(permission(g, r)));
            }
            case "DeleteSecurityGroup" -> ecs.deleteGroup(account, region, p.required("SecurityGroupId"));
            case "RunInstances" -> {
                int amount = p.integer("Amount", 1);
                if (amount < 1 || amount > 100 || (amount > 1 && p.optional("PrivateIpAddress") != null)) {
                    throw new CloudException("InvalidParameter.Amount", "Amount must be 1-100, and 1 when "
                            + "PrivateIpAddress is given.");
                }
                List<String> groups = new ArrayList<>(p.numbered("SecurityGroupIds"));
                if (p.optional("SecurityGroupId") != null) {
                    groups.add(0, p.optional("SecurityGroupId"));
                }
                ArrayNode ids = out.putObject("InstanceIdSet").putArray("InstanceIdSets");
                for (int i = 0; i < amount; i++) {
                    ids.add(ecs.runInstance(account, new Ecs.NewInstance(region, p.optional("ZoneId"),
                            p.optional("VSwitchId"), groups, p.optional("PrivateIpAddress"), p.optional("ImageId"),
                            p.optional("InstanceType"), p.optional("InstanceName"),
                            p.optional("InstanceChargeType"))).id);
                }
            }
            case "DescribeInstances" -> {
                List<String> ids = ids(p, "InstanceIds", null);
                String vpcId = p.optional("VpcId");
                String vswitchId = p.optional("VSwitchId");
                String groupId = p.optional("SecurityGroupId");
                String ip = p.optional("PrivateIpAddresses");
                VpcApi.page(out, "Instances", "Instance", ecs.describeInstances(account, region,
                        i -> (ids.isEmpty() || ids.contains(i.id)) && (vpcId == null || vpcId.equals(i.vpcId))
                                && (vswitchId == null || vswitchId.equals(i.vswitchId))
                                && (groupId == null || i.securityGroupIds.contains(groupId))
                                && (ip == null || ip.contains("\"" + i.privateIp + "\""))), p, this::instance);
            }
            case "DeleteInstance" -> ecs.deleteInstance(account, p.required("InstanceId"), p.bool("Force"));
            case "JoinSecurityGroup" -> ecs.joinGroup(account, p.required("InstanceId"),
                    p.required("SecurityGroupId"));
            case "LeaveSecurityGroup" -> ecs.leaveGroup(account, p.required("InstanceId"),
                    p.required("SecurityGroupId"));
            default -> throw new IllegalStateException(action);
        }
    }

    /** The rules of a call: {@code Permissions.N.*}, or the unprefixed fields as one rule. */
    private static List<Ecs.NewPermission> permissions(Params p, String peer) {
        List<Ecs.NewPermission> out = new ArrayList<>();
        for (int n = 1; hasPrefix(p, "Permissions." + n + "."); n++) {
            out.add(permission(p, "Permissions." + n + ".", peer));
        }
        if (out.isEmpty()) {
            out.add(permission(p, "", peer));
        } else if (p.optional("IpProtocol") != null) {
            throw new CloudException("InvalidParameter.Conflict", "Permissions.N fields and the same fields "
                    + "without the prefix cannot be given together.");
        }
        return out;
    }

    private static boolean hasPrefix(Params p, String prefix) {
        return p.values().keySet().stream().anyMatch(k -> k.startsWith(prefix));
    }

    private static Ecs.NewPermission permission(Params p, String prefix, String peer) {
        String owner = p.optional(prefix + peer + "GroupOwnerAccount");
        if (owner == null) {
            owner = p.optional(prefix + peer + "GroupOwnerId");
        }
        return new Ecs.NewPermission(p.optional(prefix + "IpProtocol"), p.optional(prefix + "PortRange"),
                p.optional(prefix + peer + "CidrIp"), p.optional(prefix + peer + "GroupId"), owner,
                p.optional(prefix + "NicType"), p.optional(prefix + "Policy"), p.optional(prefix + "Priority"),
                p.optional(prefix + "Description"));
    }

    /** A JSON array parameter ({@code ["sg-1","sg-2"]}), or a single id under {@code single}. */
    private static List<String> ids(Params p, String json, String single) {
        List<String> out = new ArrayList<>();
        String text = p.optional(json);
        if (text != null) {
            try {
                JsonNode list = JSON.readTree(text);
                if (!list.isArray()) {
                    throw new IllegalArgumentException();
                }
                list.forEach(n -> out.add(n.asText()));
            } catch (java.io.IOException | IllegalArgumentException e) {
                throw new CloudException("InvalidParameter", json + " must be a JSON array of ids, such as "
                        + "[\"id-1\",\"id-2\"].");
            }
        }
        if (single != null && p.optional(single) != null) {
            out.add(p.optional(single));
        }
        return out;
    }

    private ObjectNode group(SecurityGroup g) {
        return F.objectNode().put("SecurityGroupId", g.id).put("SecurityGroupName", g.name)
                .put("Description", g.description).put("VpcId", g.vpcId).put("SecurityGroupType", g.type)
                .put("CreationTime", time(g.createdAt)).put("ServiceManaged", false).put("RuleCount",
                        g.permissions.size());
    }

    private ObjectNode permission(SecurityGroup g, Permission r) {
        boolean in = r.direction.equals("ingress");
        String owner = r.groupId == null ? "" : r.groupOwner == null ? g.owner : r.groupOwner;
        return F.objectNode().put("SecurityGroupRuleId", r.id).put("Direction", r.direction)
                .put("IpProtocol", r.protocol.toUpperCase(java.util.Locale.ROOT)).put("PortRange", r.portRange)
                .put("SourceCidrIp", in && r.cidr != null ? r.cidr : "")
                .put("DestCidrIp", !in && r.cidr != null ? r.cidr : "")
                .put("SourceGroupId", in && r.groupId != null ? r.groupId : "")
                .put("DestGroupId", !in && r.groupId != null ? r.groupId : "")
                .put("SourceGroupOwnerAccount", in ? owner : "").put("DestGroupOwnerAccount", in ? "" : owner)
                .put("NicType", r.nicType).put("Policy", r.policy.equals("accept") ? "Accept" : "Drop")
                .put("Priority", Integer.toString(r.priority)).put("Description", r.description == null ? ""
                        : r.description).put("CreateTime", time(r.createdAt));
    }

    private ObjectNode instance(Instance i) {
        ObjectNode o = F.objectNode().put("InstanceId", i.id).put("InstanceName", i.name).put("RegionId", i.region)
                .put("ZoneId", i.zoneId).put("Status", i.status).put("ImageId", i.imageId)
                .put("InstanceType", i.instanceType).put("InstanceChargeType", i.chargeType)
                .put("InstanceNetworkType", "vpc").put("CreationTime", time(i.createdAt));
        ObjectNode vpc = o.putObject("VpcAttributes").put("VpcId", i.vpcId).put("VSwitchId", i.vswitchId);
        vpc.putObject("PrivateIpAddress").putArray("IpAddress").add(i.privateIp);
        ArrayNode groups = o.putObject("SecurityGroupIds").putArray("SecurityGroupId");
        i.securityGroupIds.forEach(groups::add);
        return o;
    }

    private static String time(long millis) {
        return TIME.format(Instant.ofEpochMilli(millis));
    }
}

package dev.peerform.alicloud.resources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peerform.alicloud.transport.Api;
import dev.peerform.alicloud.transport.ApiException;
import dev.peerform.diag.Diagnostics;
import dev.peerform.spi.Schema;
import dev.peerform.spi.StepContext;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.Type;
import dev.peerform.value.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code alicloud_security_group_rule}: one rule of a group, by CIDR block or by another group (of another account
 * with {@code source_group_owner_account}), ingress or egress, with a priority 1-100 and a policy accept or drop.
 * Everything but the description replaces the rule; the id is the official one,
 * {@code <group>:<type>:<protocol>:<port_range>:<nic_type>:<peer>:<policy>:<priority>}.
 */
public final class SecurityGroupRuleResource extends RenamableResource {

    public static final String TYPE = "alicloud_security_group_rule";

    static final OfficialSchema OFFICIAL = new OfficialSchema()
            .attr("id", Type.STRING, "C")
            .attr("cidr_ip", Type.STRING, "OF")
            .attr("description", Type.STRING, "O")
            .attr("ip_protocol", Type.STRING, "RF")
            .attr("ipv6_cidr_ip", Type.STRING, "OF")
            .attr("nic_type", Type.STRING, "OCF")
            .attr("policy", Type.STRING, "OF", Value.of("accept"))
            .attr("port_range", Type.STRING, "OF", Value.of("-1/-1"))
            .attr("prefix_list_id", Type.STRING, "OCF")
            .attr("priority", Type.NUMBER, "OF", Value.of(1))
            .attr("security_group_id", Type.STRING, "RF")
            .attr("security_group_rule_id", Type.STRING, "C")
            .deprecated("source_group_owner_account", Type.STRING, "OF", "Use source_group_owner_id instead.")
            .attr("source_group_owner_id", Type.STRING, "OF")
            .attr("source_security_group_id", Type.STRING, "OF")
            .attr("type", Type.STRING, "RF");

    private static final Schema SCHEMA = OFFICIAL.build();
    private static final Set<String> PROTOCOLS = Set.of("tcp", "udp", "icmp", "icmpv6", "gre", "all");

    public SecurityGroupRuleResource() {
        super(TYPE, SCHEMA, "security group rule", "description");
    }

    @Override
    public Map<String, String> deprecations() {
        return OFFICIAL.deprecations();
    }

    /** The provider's checks before any call: allowed values, priority 1-100, port ranges per protocol, one peer. */
    @Override
    public void validate(ObjectValue config, Diagnostics diags) {
        OfficialSchema.warnDeprecated(config, OFFICIAL.deprecations(), diags);
        oneOf(config, "type", Set.of("ingress", "egress"), diags);
        oneOf(config, "ip_protocol", PROTOCOLS, diags);
        oneOf(config, "policy", Set.of("accept", "drop"), diags);
        oneOf(config, "nic_type", Set.of("internet", "intranet"), diags);
        Integer priority = ObjectValues.integer(config, "priority");
        if (priority != null && (priority < 1 || priority > 100)) {
            diags.errorOn("priority", "Invalid priority", "expected priority to be in the range (1 - 100), got "
                    + priority);
        }
        String protocol = ObjectValues.str(config, "ip_protocol");
        String ports = ObjectValues.str(config, "port_range");
        if (protocol != null && ports != null) {
            boolean withPorts = protocol.equals("tcp") || protocol.equals("udp");
            if (withPorts && ports.equals("-1/-1")) {
                diags.errorOn("port_range", "Invalid port_range", "'tcp' and 'udp' can support port range: [1, "
                        + "65535]. Please correct it and try again (for every port write 1/65535).");
            } else if (!withPorts && !ports.equals("-1/-1")) {
                diags.errorOn("port_range", "Invalid port_range", "'icmp', 'gre' and 'all' only support port range "
                        + "'-1/-1'. Please correct it and try again.");
            }
        }
        if (ObjectValues.str(config, "cidr_ip") != null && ObjectValues.str(config, "source_security_group_id")
                != null) {
            diags.errorOn("source_security_group_id", "Conflicting configuration arguments",
                    "\"source_security_group_id\": conflicts with cidr_ip");
        }
        if (ObjectValues.str(config, "cidr_ip") != null) {
            Checks.cidr(config, "cidr_ip", diags);
        }
    }

    private static void oneOf(ObjectValue config, String attribute, Set<String> allowed, Diagnostics diags) {
        String v = ObjectValues.str(config, attribute);
        if (v != null && !allowed.contains(v)) {
            diags.errorOn(attribute, "Invalid " + attribute, "expected " + attribute + " to be one of "
                    + allowed.stream().sorted().toList() + ", got " + v);
        }
    }

    @Override
    ObjectValue create(Api api, StepContext ctx, ObjectValue current) throws ApiException {
        boolean ingress = "ingress".equals(ObjectValues.str(current, "type"));
        String peer = ingress ? "Source" : "Dest";
        String group = ObjectValues.str(current, "security_group_id");
        String owner = ObjectValues.str(current, "source_group_owner_account");
        String ownerId = ObjectValues.str(current, "source_group_owner_id");
        List<String> kv = new ArrayList<>(List.of("SecurityGroupId", group));
        params(current, peer, owner, ownerId).forEach((k, v) -> {
            kv.add(k);
            kv.add(v);
        });
        kv.add("Description");
        kv.add(ObjectValues.str(current, "description"));
        api.call(ingress ? "AuthorizeSecurityGroup" : "AuthorizeSecurityGroupEgress", kv.toArray(String[]::new));
        String id = officialId(current);
        JsonNode rule = find(api, group, current);
        return ObjectValues.settled(ObjectValues.complete(ObjectValues.with(current, "id", id, "nic_type",
                "intranet", "security_group_rule_id", rule == null ? null
                        : Answers.text(rule, "SecurityGroupRuleId")), SCHEMA));
    }

    /** The description is not sent again: the emulator keeps the one given at creation (recorded in state). */
    @Override
    void rename(Api api, ObjectValue current) {
    }

    @Override
    void delete(Api api, ObjectValue current) throws ApiException {
        boolean ingress = "ingress".equals(ObjectValues.str(current, "type"));
        List<String> kv = new ArrayList<>(List.of("SecurityGroupId", ObjectValues.str(current, "security_group_id")));
        params(current, ingress ? "Source" : "Dest", ObjectValues.str(current, "source_group_owner_account"),
                ObjectValues.str(current, "source_group_owner_id")).forEach((k, v) -> {
                    kv.add(k);
                    kv.add(v);
                });
        Calls.deleteIgnoringNotFound(api, ingress ? "RevokeSecurityGroup" : "RevokeSecurityGroupEgress",
                kv.toArray(String[]::new));
    }

    private static Map<String, String> params(ObjectValue o, String peer, String owner, String ownerId) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("IpProtocol", ObjectValues.str(o, "ip_protocol"));
        m.put("PortRange", ObjectValues.str(o, "port_range"));
        m.put("NicType", "intranet");
        m.put("Policy", ObjectValues.str(o, "policy"));
        Integer priority = ObjectValues.integer(o, "priority");
        m.put("Priority", Integer.toString(priority == null ? 1 : priority));
        String cidr = ObjectValues.str(o, "cidr_ip");
        if (cidr != null) {
            m.put(peer + "CidrIp", cidr);
        } else {
            m.put(peer + "GroupId", ObjectValues.str(o, "source_security_group_id"));
            if (owner != null) {
                m.put(peer + "GroupOwnerAccount", owner);
            } else if (ownerId != null) {
                m.put(peer + "GroupOwnerId", ownerId);
            }
        }
        return m;
    }

    /** {@code <group>:<type>:<protocol>:<port_range>:<nic_type>:<peer>:<policy>:<priority>}, as the official id. */
    static String officialId(ObjectValue o) {
        String peer = ObjectValues.str(o, "cidr_ip");
        if (peer == null) {
            peer = ObjectValues.str(o, "source_security_group_id");
        }
        Integer priority = ObjectValues.integer(o, "priority");
        return String.join(":", ObjectValues.str(o, "security_group_id"), ObjectValues.str(o, "type"),
                ObjectValues.str(o, "ip_protocol"), ObjectValues.str(o, "port_range"), "intranet", peer,
                ObjectValues.str(o, "policy"), Integer.toString(priority == null ? 1 : priority));
    }

    /** The group's rule this state describes, or null. */
    private static JsonNode find(Api api, String group, ObjectValue o) throws ApiException {
        boolean ingress = "ingress".equals(ObjectValues.str(o, "type"));
        JsonNode list = api.call("DescribeSecurityGroupAttribute", "SecurityGroupId", group, "Direction",
                ingress ? "ingress" : "egress").path("Permissions").path("Permission");
        String cidr = ObjectValues.str(o, "cidr_ip");
        String peerGroup = ObjectValues.str(o, "source_security_group_id");
        for (JsonNode r : list) {
            String rCidr = Answers.text(r, ingress ? "SourceCidrIp" : "DestCidrIp");
            String rGroup = Answers.text(r, ingress ? "SourceGroupId" : "DestGroupId");
            if (r.path("IpProtocol").asText().equalsIgnoreCase(ObjectValues.str(o, "ip_protocol"))
                    && r.path("PortRange").asText().equals(ObjectValues.str(o, "port_range"))
                    && r.path("Policy").asText().equalsIgnoreCase(ObjectValues.str(o, "policy"))
                    && (cidr != null ? cidr.equals(rCidr) : peerGroup != null && peerGroup.equals(rGroup))) {
                return r;
            }
        }
        return null;
    }

    @Override
    public List<ObjectValue> read(Api api, List<ObjectValue> priors) throws ApiException {
        return api.reads().all(priors, p -> readOne(api, p));
    }

    private static ObjectValue readOne(Api api, ObjectValue p) throws ApiException {
        JsonNode r;
        try {
            r = find(api, ObjectValues.str(p, "security_group_id"), p);
        } catch (ApiException e) {
            if (e.code().endsWith(".NotFound")) {
                return null;
            }
            throw e;
        }
        if (r == null) {
            return null;
        }
        Map<String, Value> m = new HashMap<>(p.attributes());
        m.put("priority", Value.of(Integer.parseInt(r.path("Priority").asText("1"))));
        m.put("security_group_rule_id", ObjectValues.strOrNull(Answers.text(r, "SecurityGroupRuleId")));
        m.put("nic_type", Value.of("intranet"));
        return ObjectValues.settled(ObjectValues.complete(new ObjectValue(m), SCHEMA));
    }

    /** Import by the official id: its eight parts are the rule's arguments. */
    @Override
    public ObjectValue importById(Api api, String id, Diagnostics diags) throws ApiException {
        String[] parts = id.split(":");
        if (parts.length != 8) {
            diags.errorOn("id", "Invalid import id", "An alicloud_security_group_rule id has eight parts, "
                    + "<group>:<type>:<protocol>:<port_range>:<nic_type>:<peer>:<policy>:<priority>; got " + id);
            return null;
        }
        boolean cidr = !parts[5].startsWith("sg-");
        ObjectValue o = ObjectValues.with(ObjectValues.complete(new ObjectValue(Map.of()), SCHEMA), "id", id,
                "security_group_id", parts[0], "type", parts[1], "ip_protocol", parts[2], "port_range", parts[3],
                "nic_type", parts[4], cidr ? "cidr_ip" : "source_security_group_id", parts[5], "policy", parts[6],
                "priority", Integer.parseInt(parts[7]));
        List<ObjectValue> read = read(api, List.of(o));
        return read.get(0);
    }
}

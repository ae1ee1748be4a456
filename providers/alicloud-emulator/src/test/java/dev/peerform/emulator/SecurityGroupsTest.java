package dev.peerform.emulator;

import static dev.peerform.emulator.CloudFixture.A;
import static dev.peerform.emulator.CloudFixture.B;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peerform.vpcapi.wire.ApiResponse;
import org.junit.jupiter.api.Test;

/** ECS security groups and network-only instances (2014-05-26): domain.md's "Security groups" as the API holds them. */
class SecurityGroupsTest {

    private static final String QD = "cn-qingdao";
    private static final String BJ = "cn-beijing";

    private final CloudFixture f = new CloudFixture();

    private String group(String account, String region, String vpcId) {
        return f.ok(account, "CreateSecurityGroup", "RegionId", region, "VpcId", vpcId, "Version", "2014-05-26")
                .get("SecurityGroupId").asText();
    }

    private String vswitch(String account, String vpcId, String zone, String cidr) {
        return f.ok(account, "CreateVSwitch", "VpcId", vpcId, "ZoneId", zone, "CidrBlock", cidr).get("VSwitchId")
                .asText();
    }

    private JsonNode rules(String account, String region, String group) {
        return f.ok(account, "DescribeSecurityGroupAttribute", "RegionId", region, "SecurityGroupId", group)
                .get("Permissions").get("Permission");
    }

    private String run(String account, String region, String vswitch, String group, String... extra) {
        String[] base = {"RegionId", region, "ImageId", "ubuntu_22_04_x64", "InstanceType", "ecs.g7.large",
            "VSwitchId", vswitch, "SecurityGroupId", group};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return f.ok(account, "RunInstances", all).get("InstanceIdSet").get("InstanceIdSets").get(0).asText();
    }

    private JsonNode instance(String account, String region, String id) {
        return f.ok(account, "DescribeInstances", "RegionId", region, "InstanceIds", "[\"" + id + "\"]")
                .get("Instances").get("Instance").get(0);
    }

    @Test
    void cidrRuleIsListedWithItsDirectionPriorityAndPolicy() {
        CloudFixture.Vpc v = f.vpc(A, QD, "10.0.0.0/16");
        String g = group(A, QD, v.id());
        assertTrue(g.startsWith("sg-"));
        f.ok(A, "AuthorizeSecurityGroup", "RegionId", QD, "SecurityGroupId", g, "IpProtocol", "tcp", "PortRange",
                "22/22", "SourceCidrIp", "10.1.0.0/16", "Priority", "5", "Policy", "drop", "NicType", "intranet");
        JsonNode r = rules(A, QD, g).get(0);
        assertEquals("ingress", r.get("Direction").asText());
        assertEquals("10.1.0.0/16", r.get("SourceCidrIp").asText());
        assertEquals("22/22", r.get("PortRange").asText());
        assertEquals("5", r.get("Priority").asText());
        assertEquals("Drop", r.get("Policy").asText());
        assertTrue(r.get("SecurityGroupRuleId").asText().startsWith("sgr-"));
    }

    @Test
    void priorityOutsideOneToHundredIsRefused() {
        String g = group(A, QD, f.vpc(A, QD, "10.0.0.0/16").id());
        for (String p : new String[] {"0", "101", "high"}) {
            f.refused("InvalidPriority.Malformed", A, "AuthorizeSecurityGroup", "RegionId", QD, "SecurityGroupId", g,
                    "IpProtocol", "tcp", "PortRange", "22/22", "SourceCidrIp", "10.1.0.0/16", "Priority", p);
        }
    }

    @Test
    void policyIsAcceptOrDrop() {
        String g = group(A, QD, f.vpc(A, QD, "10.0.0.0/16").id());
        f.refused("InvalidPolicy.Malformed", A, "AuthorizeSecurityGroup", "RegionId", QD, "SecurityGroupId", g,
                "IpProtocol", "icmp", "PortRange", "-1/-1", "SourceCidrIp", "10.1.0.0/16", "Policy", "reject");
    }

    @Test
    void portRangeIsFromSlashToAndMinusOneOnlyForProtocolsWithoutPorts() {
        String g = group(A, QD, f.vpc(A, QD, "10.0.0.0/16").id());
        String[][] bad = {{"tcp", "-1/-1"}, {"tcp", "22"}, {"udp", "100/50"}, {"tcp", "0/22"}, {"icmp", "22/22"},
            {"all", "1/65535"}};
        for (String[] b : bad) {
            f.refused("InvalidIpPortRange.Malformed", A, "AuthorizeSecurityGroup", "RegionId", QD, "SecurityGroupId",
                    g, "IpProtocol", b[0], "PortRange", b[1], "SourceCidrIp", "10.1.0.0/16");
        }
        f.ok(A, "AuthorizeSecurityGroup", "RegionId", QD, "SecurityGroupId", g, "IpProtocol", "all", "PortRange",
                "-1/-1", "SourceCidrIp", "10.1.0.0/16");
        f.refused("InvalidIpProtocol.Malformed", A, "AuthorizeSecurityGroup", "RegionId", QD, "SecurityGroupId", g,
                "IpProtocol", "sctp", "PortRange", "-1/-1", "SourceCidrIp", "10.1.0.0/16");
    }

    @Test
    void ruleThatExistsAlreadySucceedsAndAddsNothing() {
        String g = group(A, QD, f.vpc(A, QD, "10.0.0.0/16").id());
        for (int i = 0; i < 2; i++) {
            f.ok(A, "AuthorizeSecurityGroup", "RegionId", QD, "SecurityGroupId", g, "Permissions.1.IpProtocol", "tcp",
                    "Permissions.1.PortRange", "80/80", "Permissions.1.SourceCidrIp", "10.1.0.0/16");
        }
        assertEquals(1, rules(A, QD, g).size());
    }

    @Test
    void egressRuleNamesItsDestinationAndRevokeRemovesIt() {
        String g = group(A, QD, f.vpc(A, QD, "10.0.0.0/16").id());
        f.ok(A, "AuthorizeSecurityGroupEgress", "RegionId", QD, "SecurityGroupId", g, "IpProtocol", "all",
                "PortRange", "-1/-1", "DestCidrIp", "0.0.0.0/0", "Policy", "drop", "Priority", "100");
        JsonNode r = rules(A, QD, g).get(0);
        assertEquals("egress", r.get("Direction").asText());
        assertEquals("0.0.0.0/0", r.get("DestCidrIp").asText());
        f.ok(A, "RevokeSecurityGroup", "RegionId", QD, "SecurityGroupId", g, "IpProtocol", "all", "PortRange",
                "-1/-1", "SourceCidrIp", "0.0.0.0/0", "Policy", "drop");
        assertEquals(1, rules(A, QD, g).size(), "an ingress revoke leaves the egress rule");
        f.ok(A, "RevokeSecurityGroupEgress", "RegionId", QD, "SecurityGroupId", g, "IpProtocol", "all",
                "PortRange", "-1/-1", "DestCidrIp", "0.0.0.0/0", "Policy", "drop");
        assertEquals(0, rules(A, QD, g).size());
    }

    @Test
    void groupAuthorizationOfAnotherRegionsGroupIsNotFoundAndNamesTheCidrRule() {
        String local = group(A, QD, f.vpc(A, QD, "10.0.0.0/16").id());
        String remote = group(A, BJ, f.vpc(A, BJ, "10.1.0.0/16").id());
        ApiResponse r = f.refused("InvalidSecurityGroupId.NotFound", A, "AuthorizeSecurityGroup", "RegionId", QD,
                "SecurityGroupId", local, "IpProtocol", "icmp", "PortRange", "-1/-1", "SourceGroupId", remote);
        assertTrue(r.body().get("Message").asText().contains("CIDR"), r.body().toString());
    }

    @Test
    void groupAuthorizationSameRegionAcrossVpcsIsAccepted() {
        String g1 = group(A, QD, f.vpc(A, QD, "10.0.0.0/16").id());
        String g2 = group(A, QD, f.vpc(A, QD, "10.1.0.0/16").id());
        f.ok(A, "AuthorizeSecurityGroup", "RegionId", QD, "SecurityGroupId", g1, "IpProtocol", "icmp", "PortRange",
                "-1/-1", "SourceGroupId", g2);
        assertEquals(g2, rules(A, QD, g1).get(0).get("SourceGroupId").asText());
    }

    @Test
    void anotherAccountsGroupIsAuthorizedOnlyWithItsOwnerAccount() {
        String mine = group(A, QD, f.vpc(A, QD, "10.0.0.0/16").id());
        String theirs = group(B, QD, f.vpc(B, QD, "10.1.0.0/16").id());
        f.refused("InvalidSecurityGroupId.NotFound", A, "AuthorizeSecurityGroup", "RegionId", QD, "SecurityGroupId",
                mine, "IpProtocol", "tcp", "PortRange", "22/22", "SourceGroupId", theirs);
        f.ok(A, "AuthorizeSecurityGroup", "RegionId", QD, "SecurityGroupId", mine, "IpProtocol", "tcp", "PortRange",
                "22/22", "SourceGroupId", theirs, "SourceGroupOwnerAccount", B);
        assertEquals(B, rules(A, QD, mine).get(0).get("SourceGroupOwnerAccount").asText());
    }

    @Test
    void enterpriseGroupAuthorizesNoGroups() {
        String vpc = f.vpc(A, QD, "10.0.0.0/16").id();
        String e = f.ok(A, "CreateSecurityGroup", "RegionId", QD, "VpcId", vpc, "SecurityGroupType", "enterprise")
                .get("SecurityGroupId").asText();
        String other = group(A, QD, vpc);
        f.refused("InvalidParameter.EnterpriseGroupAuthorization", A, "AuthorizeSecurityGroup", "RegionId", QD,
                "SecurityGroupId", e, "IpProtocol", "tcp", "PortRange", "22/22", "SourceGroupId", other);
    }

    @Test
    void instanceGetsTheFirstFreeAddressOfItsVSwitch() {
        CloudFixture.Vpc v = f.vpc(A, QD, "10.0.0.0/16");
        String s = vswitch(A, v.id(), "cn-qingdao-b", "10.0.1.0/24");
        String g = group(A, QD, v.id());
        String i1 = run(A, QD, s, g);
        String i2 = run(A, QD, s, g);
        assertEquals("10.0.1.1", instance(A, QD, i1).get("VpcAttributes").get("PrivateIpAddress").get("IpAddress")
                .get(0).asText());
        JsonNode second = instance(A, QD, i2);
        assertEquals("10.0.1.2", second.get("VpcAttributes").get("PrivateIpAddress").get("IpAddress").get(0).asText());
        assertEquals(g, second.get("SecurityGroupIds").get("SecurityGroupId").get(0).asText());
        assertEquals("ecs.g7.large", second.get("InstanceType").asText());
    }

    @Test
    void givenPrivateAddressMustBeAFreeAddressOfTheVSwitch() {
        CloudFixture.Vpc v = f.vpc(A, QD, "10.0.0.0/16");
        String s = vswitch(A, v.id(), "cn-qingdao-b", "10.0.1.0/24");
        String g = group(A, QD, v.id());
        run(A, QD, s, g, "PrivateIpAddress", "10.0.1.10");
        String[] base = {"RegionId", QD, "ImageId", "img", "InstanceType", "t", "VSwitchId", s, "SecurityGroupId", g,
            "PrivateIpAddress"};
        f.refused("InvalidPrivateIpAddress.Duplicated", A, "RunInstances", with(base, "10.0.1.10"));
        f.refused("InvalidPrivateIpAddress.Mismatch", A, "RunInstances", with(base, "10.0.2.10"));
        f.refused("InvalidPrivateIpAddress.Mismatch", A, "RunInstances", with(base, "10.0.1.255"));
        f.refused("InvalidPrivateIpAddress.Malformed", A, "RunInstances", with(base, "ten"));
    }

    @Test
    void instanceGroupsMustBeInItsVSwitchsVpc() {
        CloudFixture.Vpc v = f.vpc(A, QD, "10.0.0.0/16");
        String s = vswitch(A, v.id(), "cn-qingdao-b", "10.0.1.0/24");
        String elsewhere = group(A, QD, f.vpc(A, QD, "10.9.0.0/16").id());
        f.refused("InvalidSecurityGroupId.VpcMismatch", A, "RunInstances", "RegionId", QD, "ImageId", "img",
                "InstanceType", "t", "VSwitchId", s, "SecurityGroupId", elsewhere);
    }

    @Test
    void deleteGroupIsRefusedWhileAnInstanceUsesIt() {
        CloudFixture.Vpc v = f.vpc(A, QD, "10.0.0.0/16");
        String s = vswitch(A, v.id(), "cn-qingdao-b", "10.0.1.0/24");
        String g = group(A, QD, v.id());
        String i = run(A, QD, s, g);
        f.refused("DependencyViolation", A, "DeleteSecurityGroup", "RegionId", QD, "SecurityGroupId", g);
        f.refused("IncorrectInstanceStatus", A, "DeleteInstance", "RegionId", QD, "InstanceId", i);
        f.refused("DependencyViolation", A, "DeleteVSwitch", "VSwitchId", s);
        f.ok(A, "DeleteInstance", "RegionId", QD, "InstanceId", i, "Force", "true");
        f.ok(A, "DeleteSecurityGroup", "RegionId", QD, "SecurityGroupId", g);
        f.refused("InvalidSecurityGroupId.NotFound", A, "DescribeSecurityGroupAttribute", "RegionId", QD,
                "SecurityGroupId", g);
    }

    @Test
    void deleteVpcIsRefusedWhileASecurityGroupIsInIt() {
        CloudFixture.Vpc v = f.vpc(A, QD, "10.0.0.0/16");
        String g = group(A, QD, v.id());
        f.refused("DependencyViolation.SecurityGroup", A, "DeleteVpc", "VpcId", v.id());
        f.ok(A, "DeleteSecurityGroup", "RegionId", QD, "SecurityGroupId", g);
        f.ok(A, "DeleteVpc", "VpcId", v.id());
    }

    @Test
    void ecsActionsAnswerOnlyUnderTheEcsVersion() {
        CloudFixture.Vpc v = f.vpc(A, QD, "10.0.0.0/16");
        f.refused("InvalidVersion", A, "CreateSecurityGroup", "RegionId", QD, "VpcId", v.id(), "Version",
                "2016-04-28");
        f.refused("InvalidVersion", A, "DescribeVpcs", "RegionId", QD, "Version", "2014-05-26");
    }

    @Test
    void describeSecurityGroupsFiltersByVpcAndIds() {
        CloudFixture.Vpc v1 = f.vpc(A, QD, "10.0.0.0/16");
        String g1 = group(A, QD, v1.id());
        group(A, QD, f.vpc(A, QD, "10.1.0.0/16").id());
        JsonNode byVpc = f.ok(A, "DescribeSecurityGroups", "RegionId", QD, "VpcId", v1.id());
        assertEquals(1, byVpc.get("TotalCount").asInt());
        assertEquals(g1, byVpc.get("SecurityGroups").get("SecurityGroup").get(0).get("SecurityGroupId").asText());
        assertEquals(1, f.ok(A, "DescribeSecurityGroups", "RegionId", QD, "SecurityGroupIds", "[\"" + g1 + "\"]")
                .get("TotalCount").asInt());
        assertEquals(0, f.ok(B, "DescribeSecurityGroups", "RegionId", QD).get("TotalCount").asInt(),
                "another account sees none of them");
    }

    private static String[] with(String[] base, String last) {
        String[] all = java.util.Arrays.copyOf(base, base.length + 1);
        all[base.length] = last;
        return all;
    }
}

package dev.peerform.alicloud.reach;

import static dev.peerform.alicloud.reach.Net.A;
import static dev.peerform.alicloud.reach.Net.B;
import static dev.peerform.alicloud.reach.Net.cidr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReachSecurityGroupsTest {

    private static final PortRange ICMP = PortRange.ALL;

    /** vpc-b's group lets i-a in by its group sg-a instead of by range. */
    private static Net byGroup(String regionB, String accountB, String ownerAccount) {
        return Net.peered(regionB, accountB).withoutIngressOf("sg-b")
                .rule("sg-b", SecurityGroupRule.group(Direction.INGRESS, Protocol.ICMP, ICMP, "sg-a", ownerAccount,
                        1, Policy.ACCEPT));
    }

    @Test
    void groupAuthorizationAcrossRegionsDoesNotApplyAndTheFixIsTheCidrRule() {
        Block b = byGroup("cn-beijing", "111", null).reach(A, B, Probe.ping()).firstBlock().orElseThrow();
        assertEquals(Leg.DESTINATION_INGRESS, b.leg());
        Cause.GroupDenied cause = assertInstanceOf(Cause.GroupDenied.class, b.cause());
        assertEquals(Cause.Why.GROUP_IN_OTHER_REGION, cause.ignored().get(0).why());
        assertEquals(List.of(new Change.AddRule("sg-b", SecurityGroupRule.cidr(Direction.INGRESS, Protocol.ICMP,
                ICMP, cidr("10.1.0.0/16"), 1, Policy.ACCEPT))), b.fix());
    }

    @Test
    void groupAuthorizationWithinARegionAdmitsThePeersInstances() {
        Verdict v = byGroup("cn-hangzhou", "111", null).reach(A, B, Probe.ping());
        assertTrue(v.reachable(), () -> v.firstBlock().toString());
        Hop.GroupPassed passed = (Hop.GroupPassed) v.leg(Leg.DESTINATION_INGRESS).hops().get(0);
        assertEquals("sg-a", passed.rule().peerGroupId());
    }

    @Test
    void crossAccountGroupRuleWithoutTheOwnerAccountDoesNotApply() {
        Block b = byGroup("cn-hangzhou", "222", null).reach(A, B, Probe.ping()).firstBlock().orElseThrow();
        Cause.GroupDenied cause = assertInstanceOf(Cause.GroupDenied.class, b.cause());
        assertEquals(Cause.Why.OWNER_ACCOUNT_MISSING, cause.ignored().get(0).why());
        assertEquals(List.of(new Change.AddRule("sg-b", SecurityGroupRule.group(Direction.INGRESS, Protocol.ICMP,
                ICMP, "sg-a", "111", 1, Policy.ACCEPT))), b.fix());
    }

    @Test
    void crossAccountGroupRuleWithTheOwnerAccountAdmits() {
        Verdict v = byGroup("cn-hangzhou", "222", "111").reach(A, B, Probe.ping());
        assertTrue(v.reachable(), () -> v.firstBlock().toString());
    }

    @Test
    void crossAccountGroupRuleNamingAnotherOwnerDoesNotApply() {
        Cause.GroupDenied cause = (Cause.GroupDenied) byGroup("cn-hangzhou", "222", "333").reach(A, B,
                Probe.ping()).firstBlock().orElseThrow().cause();
        assertEquals(Cause.Why.OWNER_ACCOUNT_WRONG, cause.ignored().get(0).why());
    }

    @Test
    void dropRuleOfHigherPriorityWinsOverTheAccept() {
        Net net = Net.peered().withoutIngressOf("sg-b")
                .rule("sg-b", SecurityGroupRule.cidr(Direction.INGRESS, Protocol.ICMP, ICMP, cidr("10.1.0.0/16"),
                        10, Policy.ACCEPT))
                .rule("sg-b", SecurityGroupRule.cidr(Direction.INGRESS, Protocol.ALL, ICMP, cidr("0.0.0.0/0"), 5,
                        Policy.DROP));
        Block b = net.reach(A, B, Probe.ping()).firstBlock().orElseThrow();
        Cause.GroupDenied cause = assertInstanceOf(Cause.GroupDenied.class, b.cause());
        assertEquals(Policy.DROP, cause.rule().policy());
        Change.AddRule fix = assertInstanceOf(Change.AddRule.class, b.fix().get(0));
        assertEquals(4, fix.rule().priority(), "an accept must outrank the drop at 5");
        Verdict fixed = net.rule("sg-b", fix.rule()).reach(A, B, Probe.ping());
        assertTrue(fixed.reachable(), () -> fixed.firstBlock().toString());
    }

    @Test
    void dropWinsOverAnAcceptOfEqualPriority() {
        Block b = Net.peered().rule("sg-b", SecurityGroupRule.cidr(Direction.INGRESS, Protocol.ICMP, ICMP,
                cidr("10.1.1.10"), 1, Policy.DROP)).reach(A, B, Probe.ping()).firstBlock().orElseThrow();
        assertEquals(Policy.DROP, ((Cause.GroupDenied) b.cause()).rule().policy());
        assertInstanceOf(Change.RevokeRule.class, b.fix().get(0), "nothing outranks priority 1");
    }

    @Test
    void egressDeniedByADropRuleStopsThePacketAtTheSource() {
        Block b = Net.peered().rule("sg-a", SecurityGroupRule.cidr(Direction.EGRESS, Protocol.ALL, ICMP,
                cidr("10.2.0.0/16"), 50, Policy.DROP)).reach(A, B, Probe.ping()).firstBlock().orElseThrow();
        assertEquals(Leg.SOURCE_EGRESS, b.leg());
        Change.AddRule fix = (Change.AddRule) b.fix().get(0);
        assertEquals(Direction.EGRESS, fix.rule().direction());
        assertEquals(49, fix.rule().priority());
        assertEquals(cidr("10.2.0.0/16"), fix.rule().cidr());
    }

    @Test
    void enterpriseGroupDeniesEgressByDefault() {
        Net net = Net.peered().group("sg-a", "cn-hangzhou", "111", "vpc-a", GroupType.ENTERPRISE);
        Block b = net.reach(A, B, Probe.ping()).firstBlock().orElseThrow();
        assertEquals(Leg.SOURCE_EGRESS, b.leg());
        assertNull(((Cause.GroupDenied) b.cause()).rule());
    }

    @Test
    void ingressIsDeniedByDefaultAndTheFixAuthorizesThePeer() {
        Block b = Net.peered().withoutIngressOf("sg-b").reach(A, B, Probe.tcp(22)).firstBlock().orElseThrow();
        assertEquals(Leg.DESTINATION_INGRESS, b.leg());
        Change.AddRule fix = (Change.AddRule) b.fix().get(0);
        assertEquals(Protocol.TCP, fix.rule().protocol());
        assertEquals(PortRange.single(22), fix.rule().ports());
        assertEquals(cidr("10.1.0.0/16"), fix.rule().cidr(), "cross-region: by the peer VPC's range");
    }

    @Test
    void tcpPortOutsideTheRulesRangeIsDenied() {
        Net net = Net.peered().rule("sg-b", SecurityGroupRule.cidr(Direction.INGRESS, Protocol.TCP,
                PortRange.parse("80/443"), cidr("10.1.0.0/16"), 1, Policy.ACCEPT));
        assertTrue(net.reach(A, B, Probe.tcp(443)).reachable());
        assertEquals(Leg.DESTINATION_INGRESS, net.reach(A, B, Probe.tcp(22)).firstBlock().orElseThrow().leg());
    }

    @Test
    void membersOfOneBasicGroupReachEachOtherByItsInternalPolicy() {
        Verdict v = Net.peered().vswitch("vsw-a2", "vpc-a", "10.1.2.0/24")
                .instance("i-a2", "vsw-a2", "10.1.2.10", "sg-a").reach(A, new Endpoint.OfInstance("i-a2"),
                        Probe.tcp(5432));
        assertTrue(v.reachable(), () -> v.firstBlock().toString());
    }

    @Test
    void plannedInstanceWithoutAnAddressNeedsARuleCoveringItsWholeVswitch() {
        Net net = Net.peered().withoutIngressOf("sg-b").rule("sg-b", SecurityGroupRule.cidr(Direction.INGRESS,
                Protocol.ICMP, ICMP, cidr("10.1.1.10"), 1, Policy.ACCEPT))
                .instance("i-new", "vsw-a", null, "sg-a");
        Verdict v = net.reach(new Endpoint.OfInstance("i-new"), B, Probe.ping());
        assertEquals(Leg.DESTINATION_INGRESS, v.firstBlock().orElseThrow().leg());
    }
}

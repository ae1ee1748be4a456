package dev.peerform.alicloud.reach;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * An instance's security groups on one direction: the rules of all its groups that match, by priority (1 first),
 * a drop winning over an accept of equal priority (ECS, AuthorizeSecurityGroup: "When multiple security group
 * rules have the same priority, drop rules take precedence"). With no match a basic group denies ingress (but
 * lets its own members in when its internal policy accepts) and allows egress; an enterprise group denies both.
 * "Reachable" means all of the probed traffic passes: an accept must cover the peer's whole range and the probe's
 * ports, a drop stops it when it touches any of them.
 */
final class GroupCheck {

    private final Index index;

    GroupCheck(Index index) {
        this.index = index;
    }

    private record Match(SecurityGroup group, SecurityGroupRule rule) {
    }

    LegResult check(Leg leg, Direction direction, Resolved self, Resolved peer, Probe probe) {
        if (self.instance() == null) {
            return new LegResult(leg, List.of(new Hop.NoGroups(direction, self.display())), Optional.empty());
        }
        Instance inst = self.instance();
        List<SecurityGroup> groups = inst.securityGroups().stream().map(index.groups::get)
                .filter(g -> g != null).toList();
        List<Match> matches = new ArrayList<>();
        List<Cause.Ignored> ignored = new ArrayList<>();
        for (SecurityGroup g : groups) {
            for (SecurityGroupRule r : g.rules()) {
                if (r.direction() != direction || !traffic(r, probe)) {
                    continue;
                }
                if (r.cidr() != null) {
                    boolean hit = r.policy() == Policy.ACCEPT ? r.cidr().contains(peer.range())
                            : r.cidr().overlaps(peer.range());
                    if (hit) {
                        matches.add(new Match(g, r));
                    }
                    continue;
                }
                if (peer.instance() == null || !peer.instance().securityGroups().contains(r.peerGroupId())) {
                    continue;
                }
                Cause.Why why = unusable(g, r);
                if (why == null) {
                    matches.add(new Match(g, r));
                } else {
                    ignored.add(new Cause.Ignored(g.id(), r, why));
                }
            }
        }
        Optional<Match> decided = matches.stream().min(Comparator.comparingInt((Match m) -> m.rule().priority())
                .thenComparing(m -> m.rule().policy() == Policy.DROP ? 0 : 1));
        if (decided.isPresent()) {
            Match m = decided.get();
            if (m.rule().policy() == Policy.ACCEPT) {
                return pass(leg, inst, direction, m.group().id(), m.rule(), "rule");
            }
            return deny(leg, inst, direction, m.group(), m.rule(), ignored, fixForDrop(m, direction, self, peer,
                    probe));
        }
        SecurityGroup first = groups.isEmpty() ? null : groups.get(0);
        boolean enterprise = first != null && first.type() == GroupType.ENTERPRISE;
        if (direction == Direction.EGRESS && !enterprise) {
            return pass(leg, inst, direction, first == null ? null : first.id(), null,
                    "no egress rule matches: a basic group allows egress by default");
        }
        if (direction == Direction.INGRESS && peer.instance() != null) {
            for (SecurityGroup g : groups) {
                if (g.type() == GroupType.NORMAL && g.innerAccessAccept()
                        && peer.instance().securityGroups().contains(g.id())) {
                    return pass(leg, inst, direction, g.id(), null,
                            "both instances are in " + g.id() + ", whose internal policy accepts");
                }
            }
        }
        if (first == null) {
            return deny(leg, inst, direction, null, null, ignored, List.of());
        }
        return deny(leg, inst, direction, first, null, ignored, List.of(fixForDefault(first, ignored, direction,
                self, peer, probe)));
    }

    private Cause.Why unusable(SecurityGroup g, SecurityGroupRule r) {
        if (g.type() == GroupType.ENTERPRISE) {
            return Cause.Why.ENTERPRISE_GROUP_REFERENCE;
        }
        SecurityGroup peerGroup = index.groups.get(r.peerGroupId());
        if (peerGroup == null) {
            return null;
        }
        if (!peerGroup.region().equals(g.region())) {
            return Cause.Why.GROUP_IN_OTHER_REGION;
        }
        String owner = r.peerGroupOwnerAccount();
        if (owner == null) {
            return peerGroup.account().equals(g.account()) ? null : Cause.Why.OWNER_ACCOUNT_MISSING;
        }
        return owner.equals(peerGroup.account()) ? null : Cause.Why.OWNER_ACCOUNT_WRONG;
    }

    /** Protocol and ports: an accept covers all of the probe, a drop touches any of it. */
    private static boolean traffic(SecurityGroupRule r, Probe probe) {
        if (r.protocol() == Protocol.ALL) {
            return true;
        }
        if (probe.protocol() == Protocol.ALL) {
            return r.policy() == Policy.DROP;
        }
        if (r.protocol() != probe.protocol()) {
            return false;
        }
        if (!probe.protocol().hasPorts()) {
            return true;
        }
        return r.policy() == Policy.ACCEPT ? r.ports().containsRange(probe.ports())
                : r.ports().overlaps(probe.ports());
    }

    private LegResult pass(Leg leg, Instance inst, Direction d, String groupId, SecurityGroupRule rule,
            String reason) {
        return new LegResult(leg, List.of(new Hop.GroupPassed(inst.id(), d, groupId, rule, reason)),
                Optional.empty());
    }

    private LegResult deny(Leg leg, Instance inst, Direction d, SecurityGroup g, SecurityGroupRule rule,
            List<Cause.Ignored> ignored, List<Change> fix) {
        return new LegResult(leg, List.of(), Optional.of(new Block(leg,
                new Cause.GroupDenied(inst.id(), d, g == null ? null : g.id(), rule, ignored), fix)));
    }

    /** Above a drop of priority p an accept at p - 1 wins; a drop at priority 1 has to go. */
    private List<Change> fixForDrop(Match m, Direction d, Resolved self, Resolved peer, Probe probe) {
        int p = m.rule().priority();
        if (p == 1) {
            return List.of(new Change.RevokeRule(m.group().id(), m.rule()));
        }
        return List.of(new Change.AddRule(m.group().id(), authorize(m.group(), d, peer, probe, p - 1)));
    }

    /**
     * An ignored rule shows what was meant: across regions the same rule by the peer VPC's CIDR block, across
     * accounts the same rule with the peer group's owner account. Otherwise the guide's choice: the peer's group in
     * the same region, its VPC's range elsewhere.
     */
    private Change fixForDefault(SecurityGroup g, List<Cause.Ignored> ignored, Direction d, Resolved self,
            Resolved peer, Probe probe) {
        for (Cause.Ignored i : ignored) {
            SecurityGroupRule r = i.rule();
            SecurityGroup owner = index.groups.get(i.groupId());
            switch (i.why()) {
                case GROUP_IN_OTHER_REGION, ENTERPRISE_GROUP_REFERENCE -> {
                    return new Change.AddRule(owner.id(), SecurityGroupRule.cidr(r.direction(), r.protocol(),
                            r.ports(), peer.network(), r.priority(), Policy.ACCEPT));
                }
                case OWNER_ACCOUNT_MISSING, OWNER_ACCOUNT_WRONG -> {
                    String account = index.groups.get(r.peerGroupId()).account();
                    return new Change.AddRule(owner.id(), SecurityGroupRule.group(r.direction(), r.protocol(),
                            r.ports(), r.peerGroupId(), account, r.priority(), Policy.ACCEPT));
                }
            }
        }
        return new Change.AddRule(g.id(), authorize(g, d, peer, probe, 1));
    }

    private SecurityGroupRule authorize(SecurityGroup g, Direction d, Resolved peer, Probe probe, int priority) {
        Protocol protocol = probe.protocol();
        PortRange ports = probe.ports();
        if (peer.instance() != null && g.type() == GroupType.NORMAL) {
            for (String id : peer.instance().securityGroups()) {
                SecurityGroup pg = index.groups.get(id);
                if (pg != null && pg.region().equals(g.region())) {
                    String owner = pg.account().equals(g.account()) ? null : pg.account();
                    return SecurityGroupRule.group(d, protocol, ports, pg.id(), owner, priority, Policy.ACCEPT);
                }
            }
        }
        return SecurityGroupRule.cidr(d, protocol, ports, peer.network(), priority, Policy.ACCEPT);
    }
}

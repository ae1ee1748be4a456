package dev.peerform.alicloud.reach;

/**
 * The parts of the check, in the order a packet meets them: out through the source's groups, along the forward
 * route, in through the destination's groups, and the replies' route back. Groups are stateful (ECS, "Security
 * group rules"): a reply to an accepted packet passes without a rule, so the reverse leg checks routes only.
 */
public enum Leg {
    SOURCE_EGRESS("egress"), FORWARD("forward"), DESTINATION_INGRESS("ingress"), REVERSE("reverse");

    private final String word;

    Leg(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }
}

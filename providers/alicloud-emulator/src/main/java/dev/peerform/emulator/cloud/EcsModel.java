package dev.peerform.emulator.cloud;

import java.util.ArrayList;
import java.util.List;

/** The ECS objects the emulator holds (API 2014-05-26), only as far as they decide the network: persisted fields. */
public final class EcsModel {

    private EcsModel() {
    }

    public static final class SecurityGroup {
        public String id;
        public String owner;
        public String region;
        public String vpcId;
        public String name;
        public String description;
        /** {@code normal} or {@code enterprise}. */
        public String type = "normal";
        /** {@code Accept} or {@code Drop}: whether instances of the group reach each other. */
        public String innerAccessPolicy = "Accept";
        public List<Permission> permissions = new ArrayList<>();
        public long createdAt;
    }

    /**
     * One rule. For ingress the peer is the source, for egress the destination: {@code cidr} or {@code groupId}
     * (with {@code groupOwner}, the account that owns it).
     */
    public static final class Permission {
        public String id;
        public String direction;
        public String protocol;
        public String portRange;
        public String cidr;
        public String groupId;
        public String groupOwner;
        public String nicType;
        public String policy;
        public int priority;
        public String description;
        public long createdAt;

        /** What makes two rules the same rule (the API: protocol, ports, NIC type, policy, peer; not priority). */
        String identity() {
            return direction + "|" + protocol + "|" + portRange + "|" + nicType + "|" + policy + "|" + cidr + "|"
                    + groupId + "|" + groupOwner;
        }
    }

    public static final class Instance {
        public String id;
        public String owner;
        public String region;
        public String zoneId;
        public String vpcId;
        public String vswitchId;
        public String privateIp;
        public List<String> securityGroupIds = new ArrayList<>();
        public String imageId;
        public String instanceType;
        public String name;
        public String chargeType = "PostPaid";
        public String status = "Running";
        public long createdAt;
    }
}

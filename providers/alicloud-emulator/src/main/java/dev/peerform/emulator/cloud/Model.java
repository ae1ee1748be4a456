package dev.peerform.emulator.cloud;

import dev.peerform.vpcapi.domain.Role;
import dev.peerform.vpcapi.domain.Status;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The cloud's objects, as mutable records of the world's state (persisted as JSON). The actions change their fields
 * directly ({@link Networks}, {@link Interfaces}, {@link RouteTables}), and {@link World} adds, removes and moves
 * them through their transitions; all of it happens inside {@code Emulator.change}, under the emulator's lock, the
 * seed and the store's loading aside.
 */
public final class Model {

    private Model() {
    }

    public static final class AccessKey {
        public String id;
        public String secret;

        public AccessKey() {
        }

        public AccessKey(String id, String secret) {
            this.id = id;
            this.secret = secret;
        }
    }

    public static final class Account {
        public String id;
        public List<AccessKey> keys = new ArrayList<>();
    }

    public static final class PhysicalConnection {
        public String id;
        public String owner;
        public String region;
        public String accessPointId;
        public String name;
        /** Accounts other than the owner that may create VBRs on this connection (a shared leased line). */
        public Set<String> sharedWith = new LinkedHashSet<>();
        public String status = "Enabled";
    }

    public static final class Vpc {
        public String id;
        public String owner;
        public String region;
        public String cidrBlock;
        public String name;
        public String vrouterId;
        public String routeTableId;
        public String status = "Available";
        public long createdAt;
    }

    public static final class Vbr {
        public String id;
        public String owner;
        public String region;
        public String physicalConnectionId;
        public String accessPointId;
        public int vlanId;
        public String localGatewayIp;
        public String peerGatewayIp;
        public String peeringSubnetMask;
        public String name;
        public String routeTableId;
        public String status = "active";
        public long createdAt;
    }

    /** A vSwitch: a subnet of a VPC in one zone (only what deleting a VPC depends on). */
    public static final class VSwitch {
        public String id;
        public String owner;
        public String region;
        public String vpcId;
        public String zoneId;
        public String cidrBlock;
        public String name;
        public String description;
        public String status = "Available";
        public long createdAt;
    }

    public static final class RouterInterface {
        public String id;
        public String owner;
        public String region;
        public String role;
        public String spec;
        public String routerType;
        public String routerId;
        public String accessPointId;
        public String name;
        public String description;
        public String oppositeRegionId;
        public String oppositeInterfaceId;
        public String oppositeRouterId;
        public String oppositeRouterType;
        public String oppositeInterfaceOwnerId;
        public String healthCheckSourceIp;
        public String healthCheckTargetIp;
        public String chargeType = "PostPaid";
        public Status status = Status.Idle;
        /** While transitional: the status it ends in, and when (epoch ms). */
        public Status nextStatus;
        public long transitionEndsAt;
        /** A spec change in progress lands when the Modifying transition ends. */
        public String pendingSpec;
        public long createdAt;
        public long connectedAt;
        /** A subscription's bill (null when pay-as-you-go): see {@link Billing}. */
        public Subscription subscription;

        @com.fasterxml.jackson.annotation.JsonIgnore
        public boolean isInitiator() {
            return Role.INITIATOR.is(role);
        }
    }

    /**
     * A subscription as bought: the first due date, the spec bought with it, the auto-renewal period (null for
     * none) and what the owner did since, oldest first; {@link Billing} plays them through the overdue timeline.
     */
    public static final class Subscription {
        public long dueAt;
        public String spec;
        public Integer autoRenewCount;
        public String autoRenewCycle;
        public List<BillingChange> changes = new ArrayList<>();
    }

    /** A renewal ({@code count} of {@code cycle}, perhaps with a next-cycle spec) or an upgrade ({@code spec}). */
    public static final class BillingChange {
        public long at;
        public String kind;
        public int count;
        public String cycle;
        public String spec;
    }

    public static final class RouteEntry {
        public String id;
        public String routeTableId;
        public String destination;
        public String nextHopType;
        public String nextHopId;
        public String name;
        /** Pending (being added), Available, or Deleting. */
        public String status = "Pending";
        public long transitionEndsAt;
    }

    /** One API call as the cloud received it, for {@code peerform emulator log}. */
    public static final class CallRecord {
        public long time;
        public String account;
        public String action;
        public List<String> ids = new ArrayList<>();
        public String result;
        public String requestId;

        public CallRecord() {
        }

        public CallRecord(long time, String account, String action, List<String> ids, String result,
                String requestId) {
            this.time = time;
            this.account = account;
            this.action = action;
            this.ids = ids;
            this.result = result;
            this.requestId = requestId;
        }
    }
}

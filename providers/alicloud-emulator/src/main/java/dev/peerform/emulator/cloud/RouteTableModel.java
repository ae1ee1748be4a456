package dev.peerform.emulator.cloud;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Custom route tables as the world persists them (JSON): a table a client made in a VPC, beside the VPC's system
 * table, with the vSwitches attached to it. Changed only by {@link CustomTables}, under the emulator's lock.
 */
public final class RouteTableModel {

    private RouteTableModel() {
    }

    public static final class CustomTable {
        public String id;
        public String owner;
        public String region;
        public String vpcId;
        public String routerId;
        public String name;
        public String description;
        /** VSwitch or Gateway: what may be attached to it. */
        public String associateType = "VSwitch";
        public String status = "Available";
        public long createdAt;
        public Set<String> vswitchIds = new LinkedHashSet<>();
    }
}

package dev.peerform.emulator.cloud;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * BGP on a VBR as the world persists it (JSON): groups (the data centre's AS and the session's settings), peers in a
 * group (the data centre's router addresses) and the ranges the VBR advertises. Mutable like {@link Model}'s objects
 * and changed only by {@link Bgp}, under the emulator's lock.
 */
public final class BgpModel {

    private BgpModel() {
    }

    public static final class BgpGroup {
        public String id;
        public String owner;
        public String region;
        public String routerId;
        public long peerAsn;
        public long localAsn;
        public boolean fakeAsn;
        public String authKey;
        public String ipVersion;
        public int routeLimit;
        public String name;
        public String description;
        /** Pending until then (epoch ms), Available after: the cloud configures the session in the background. */
        public long availableAt;
    }

    public static final class BgpPeer {
        public String id;
        public String groupId;
        public String peerIpAddress;
        public boolean enableBfd;
        public int bfdMultiHop;
        public String ipVersion;
        public long availableAt;
    }

    public static final class BgpNetwork {
        public String routerId;
        public String dstCidrBlock;
        public String vpcId;
        public long availableAt;

        /** The network's id as the official provider spells it: {@code <router_id>:<dst_cidr_block>}. */
        @JsonIgnore
        public String key() {
            return routerId + ":" + dstCidrBlock;
        }
    }
}

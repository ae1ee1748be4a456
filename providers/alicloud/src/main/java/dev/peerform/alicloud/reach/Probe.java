package dev.peerform.alicloud.reach;

/** The traffic asked about: a protocol and, for tcp/udp, a port (null: every port). */
public record Probe(Protocol protocol, Integer port) {

    public Probe {
        if (port != null && !protocol.hasPorts()) {
            throw new IllegalArgumentException("a port is meaningful only for tcp and udp, not " + protocol.api());
        }
        if (port != null && (port < 1 || port > 65535)) {
            throw new IllegalArgumentException("port " + port + " is outside 1-65535");
        }
    }

    /** The guide's last step: ping across. */
    public static Probe ping() {
        return new Probe(Protocol.ICMP, null);
    }

    public static Probe tcp(int port) {
        return new Probe(Protocol.TCP, port);
    }

    /** The port_range a rule needs to let this probe through (tcp/udp write every port as 1/65535). */
    PortRange ports() {
        if (port != null) {
            return PortRange.single(port);
        }
        return protocol.hasPorts() ? new PortRange(1, 65535) : PortRange.ALL;
    }

    @Override
    public String toString() {
        return protocol.api() + (port == null ? "" : " port " + port);
    }
}

package dev.peerform.alicloud.reach;

/** {@code port_range} "from/to"; {@code -1/-1} (every port, and the only value for icmp and all) is {@link #ALL}. */
public record PortRange(int from, int to) {

    public static final PortRange ALL = new PortRange(-1, -1);

    public static PortRange parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("port range \"" + text + "\" is not from/to");
        }
        return new PortRange(Integer.parseInt(text.substring(0, slash).trim()),
                Integer.parseInt(text.substring(slash + 1).trim()));
    }

    public static PortRange single(int port) {
        return new PortRange(port, port);
    }

    boolean all() {
        return from == -1 || (from <= 1 && to >= 65535);
    }

    boolean contains(int port) {
        return all() || (from <= port && port <= to);
    }

    boolean containsRange(PortRange other) {
        return all() || (!other.all() && from <= other.from && other.to <= to);
    }

    boolean overlaps(PortRange other) {
        return all() || other.all() || (from <= other.to && other.from <= to);
    }

    @Override
    public String toString() {
        return from + "/" + to;
    }
}

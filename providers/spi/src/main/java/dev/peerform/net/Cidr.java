package dev.peerform.net;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * An IPv4 or IPv6 prefix such as {@code 10.0.0.0/16}: parsing, subnetting, host addressing and overlap, shared by
 * the language's cidr functions and the provider's checks (overlapping VPCs, the reserved 100.64.0.0/10).
 */
public record Cidr(BigInteger address, int prefix, int bits) {

    public Cidr {
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("prefix length " + prefix + " is out of range for a " + bits
                    + "-bit address");
        }
    }

    /** Parses {@code a.b.c.d/n} or an IPv6 prefix; host bits are kept (see {@link #network()}). */
    public static Cidr parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("invalid CIDR address \"" + text + "\": a prefix length (/n) is "
                    + "required");
        }
        String addr = text.substring(0, slash);
        int prefix;
        try {
            prefix = Integer.parseInt(text.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid CIDR address \"" + text + "\": bad prefix length");
        }
        int bits = addr.contains(":") ? 128 : 32;
        BigInteger a = bits == 32 ? parseV4(addr, text) : parseV6(addr, text);
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("invalid CIDR address \"" + text + "\": prefix length must be "
                    + "between 0 and " + bits);
        }
        return new Cidr(a, prefix, bits);
    }

    /** Parses a single address (no prefix), as a /32 or /128. */
    public static Cidr parseAddress(String text) {
        int bits = text.contains(":") ? 128 : 32;
        return new Cidr(bits == 32 ? parseV4(text, text) : parseV6(text, text), bits, bits);
    }

    private static BigInteger parseV4(String addr, String whole) {
        String[] parts = addr.split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("invalid IP address \"" + whole + "\"");
        }
        long v = 0;
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)
                    || (part.length() > 1 && part.charAt(0) == '0')) {
                throw new IllegalArgumentException("invalid IP address \"" + whole + "\"");
            }
            int octet = Integer.parseInt(part);
            if (octet > 255) {
                throw new IllegalArgumentException("invalid IP address \"" + whole + "\"");
            }
            v = (v << 8) | octet;
        }
        return BigInteger.valueOf(v);
    }

    private static BigInteger parseV6(String addr, String whole) {
        String head = addr;
        String tail = "";
        int gap = addr.indexOf("::");
        if (gap >= 0) {
            head = addr.substring(0, gap);
            tail = addr.substring(gap + 2);
            if (tail.contains("::")) {
                throw new IllegalArgumentException("invalid IP address \"" + whole + "\"");
            }
        }
        List<Integer> h = groups(head, whole);
        List<Integer> t = groups(tail, whole);
        int missing = 8 - h.size() - t.size();
        if ((gap < 0 && missing != 0) || (gap >= 0 && missing < 1)) {
            throw new IllegalArgumentException("invalid IP address \"" + whole + "\"");
        }
        BigInteger v = BigInteger.ZERO;
        List<Integer> all = new ArrayList<>(h);
        for (int i = 0; i < missing; i++) {
            all.add(0);
        }
        all.addAll(t);
        for (int g : all) {
            v = v.shiftLeft(16).or(BigInteger.valueOf(g));
        }
        return v;
    }

    private static List<Integer> groups(String s, String whole) {
        List<Integer> out = new ArrayList<>();
        if (s.isEmpty()) {
            return out;
        }
        String[] parts = s.split(":", -1);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (i == parts.length - 1 && part.contains(".")) {
                long v4 = parseV4(part, whole).longValue();
                out.add((int) (v4 >> 16));
                out.add((int) (v4 & 0xffff));
                continue;
            }
            if (part.isEmpty() || part.length() > 4) {
                throw new IllegalArgumentException("invalid IP address \"" + whole + "\"");
            }
            try {
                out.add(Integer.parseInt(part, 16));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("invalid IP address \"" + whole + "\"");
            }
        }
        return out;
    }

    public boolean isIpv4() {
        return bits == 32;
    }

    private BigInteger hostMask() {
        return BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE);
    }

    /** The prefix with its host bits cleared: {@code 10.1.2.3/16} -> {@code 10.1.0.0/16}. */
    public Cidr network() {
        return new Cidr(address.andNot(hostMask()), prefix, bits);
    }

    /** The number of addresses in the prefix. */
    public BigInteger size() {
        return BigInteger.ONE.shiftLeft(bits - prefix);
    }

    /** The n-th address of the prefix; a negative n counts back from its end (-1 is the last). */
    public String host(BigInteger n) {
        BigInteger size = size();
        BigInteger index = n.signum() < 0 ? size.add(n) : n;
        if (index.signum() < 0 || index.compareTo(size) >= 0) {
            throw new IllegalArgumentException("prefix of " + prefix + " does not accommodate a host numbered "
                    + n);
        }
        return format(network().address.add(index), bits);
    }

    /** IPv4 only: the netmask in dotted form, {@code 255.240.0.0}. */
    public String netmask() {
        if (!isIpv4()) {
            throw new IllegalArgumentException("only IPv4 networks have a netmask");
        }
        BigInteger all = BigInteger.ONE.shiftLeft(32).subtract(BigInteger.ONE);
        return format(all.andNot(hostMask()), 32);
    }

    /** The netnum-th subnet with newbits more bits of prefix. */
    public Cidr subnet(int newbits, BigInteger netnum) {
        int newPrefix = prefix + newbits;
        if (newbits < 0 || newPrefix > bits) {
            throw new IllegalArgumentException("insufficient address space to extend prefix of " + prefix + " by "
                    + newbits);
        }
        if (netnum.signum() < 0 || netnum.compareTo(BigInteger.ONE.shiftLeft(newbits)) >= 0) {
            throw new IllegalArgumentException("prefix extension of " + newbits + " does not accommodate a subnet "
                    + "numbered " + netnum);
        }
        return new Cidr(network().address.or(netnum.shiftLeft(bits - newPrefix)), newPrefix, bits);
    }

    /** True when the two prefixes share any address. */
    public boolean overlaps(Cidr other) {
        if (bits != other.bits) {
            return false;
        }
        int shorter = Math.min(prefix, other.prefix);
        BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                .andNot(BigInteger.ONE.shiftLeft(bits - shorter).subtract(BigInteger.ONE));
        return address.and(mask).equals(other.address.and(mask));
    }

    /** True when every address of {@code other} is in this prefix. */
    public boolean contains(Cidr other) {
        return bits == other.bits && prefix <= other.prefix && overlaps(other);
    }

    @Override
    public String toString() {
        return format(address, bits) + "/" + prefix;
    }

    /** Dotted IPv4, or IPv6 in its shortest form (the longest run of zero groups as "::"). */
    public static String format(BigInteger address, int bits) {
        if (bits == 32) {
            long v = address.longValue();
            return ((v >> 24) & 255) + "." + ((v >> 16) & 255) + "." + ((v >> 8) & 255) + "." + (v & 255);
        }
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = address.shiftRight(16 * (7 - i)).intValue() & 0xffff;
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; i++) {
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = Math.max(i, j);
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                b.append("::");
                i += bestLength - 1;
                continue;
            }
            if (b.length() > 0 && b.charAt(b.length() - 1) != ':') {
                b.append(':');
            }
            b.append(Integer.toHexString(g[i]));
        }
        return b.toString();
    }
}

package dev.peerform.lang;

import static dev.peerform.lang.Functions.p;

import dev.peerform.net.Cidr;
import dev.peerform.value.ListValue;
import dev.peerform.value.Type;
import dev.peerform.value.Value;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** cidrhost, cidrnetmask, cidrsubnet, cidrsubnets, for IPv4 and IPv6. */
final class NetworkFunctions {

    private NetworkFunctions() {
    }

    static void register(Functions.Registry r) {
        r.add("cidrhost", List.of(p("prefix", Type.STRING), p("hostnum", Type.NUMBER)), (a, c) -> {
            Cidr cidr = prefix(a.get(0));
            try {
                return Value.of(cidr.host(a.get(1).asNumber().toBigIntegerExact()));
            } catch (IllegalArgumentException | ArithmeticException e) {
                throw new FunctionException(e.getMessage() + ".");
            }
        });
        r.add("cidrnetmask", List.of(p("prefix", Type.STRING)), (a, c) -> {
            try {
                return Value.of(prefix(a.get(0)).netmask());
            } catch (IllegalArgumentException e) {
                throw new FunctionException(0, e.getMessage() + ".");
            }
        });
        r.add("cidrsubnet", List.of(p("prefix", Type.STRING), p("newbits", Type.NUMBER), p("netnum", Type.NUMBER)),
                (a, c) -> {
                    Cidr cidr = prefix(a.get(0));
                    try {
                        return Value.of(cidr.subnet(a.get(1).asNumber().intValueExact(),
                                a.get(2).asNumber().toBigIntegerExact()).toString());
                    } catch (IllegalArgumentException | ArithmeticException e) {
                        throw new FunctionException(e.getMessage() + ".");
                    }
                });
        r.add("cidrsubnets", List.of(p("prefix", Type.STRING)), p("newbits", Type.NUMBER), (a, c) -> {
            Cidr base = prefix(a.get(0)).network();
            List<Value> out = new ArrayList<>();
            BigInteger next = base.address();
            BigInteger end = base.address().add(base.size());
            for (int i = 1; i < a.size(); i++) {
                int newbits = a.get(i).asNumber().intValueExact();
                int newPrefix = base.prefix() + newbits;
                if (newbits < 1 || newPrefix > base.bits()) {
                    throw new FunctionException(i, "would extend prefix to " + newPrefix + " bits, which is too "
                            + "long for an IPv" + (base.isIpv4() ? "4" : "6") + " address.");
                }
                BigInteger size = BigInteger.ONE.shiftLeft(base.bits() - newPrefix);
                BigInteger aligned = next.add(size).subtract(BigInteger.ONE).divide(size).multiply(size);
                if (aligned.add(size).compareTo(end) > 0) {
                    throw new FunctionException(i, "not enough remaining address space for a subnet with a prefix "
                            + "of " + newPrefix + " bits after " + (out.isEmpty() ? base : out.get(out.size() - 1)
                            .asString()) + ".");
                }
                out.add(Value.of(new Cidr(aligned, newPrefix, base.bits()).toString()));
                next = aligned.add(size);
            }
            return new ListValue(Type.STRING, out);
        });
    }

    private static Cidr prefix(Value v) throws FunctionException {
        try {
            return Cidr.parse(v.asString());
        } catch (IllegalArgumentException e) {
            throw new FunctionException("invalid CIDR expression: " + e.getMessage() + ".");
        }
    }
}

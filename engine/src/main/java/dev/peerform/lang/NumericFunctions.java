package dev.peerform.lang;

import static dev.peerform.lang.Functions.p;

import dev.peerform.value.Type;
import dev.peerform.value.Value;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;

/** abs, ceil, floor, log, max, min, parseint, pow, signum. */
final class NumericFunctions {

    private NumericFunctions() {
    }

    static void register(Functions.Registry r) {
        r.add("abs", List.of(p("num", Type.NUMBER)), (a, c) -> Value.of(a.get(0).asNumber().abs()));
        r.add("ceil", List.of(p("num", Type.NUMBER)),
                (a, c) -> Value.of(a.get(0).asNumber().setScale(0, RoundingMode.CEILING)));
        r.add("floor", List.of(p("num", Type.NUMBER)),
                (a, c) -> Value.of(a.get(0).asNumber().setScale(0, RoundingMode.FLOOR)));
        r.add("signum", List.of(p("num", Type.NUMBER)), (a, c) -> Value.of(a.get(0).asNumber().signum()));
        r.add("log", List.of(p("num", Type.NUMBER), p("base", Type.NUMBER)), (a, c) -> {
            double x = a.get(0).asNumber().doubleValue();
            double base = a.get(1).asNumber().doubleValue();
            return fromDouble(Math.log(x) / Math.log(base));
        });
        r.add("pow", List.of(p("num", Type.NUMBER), p("power", Type.NUMBER)), (a, c) -> {
            BigDecimal base = a.get(0).asNumber();
            BigDecimal power = a.get(1).asNumber();
            return fromDouble(Math.pow(base.doubleValue(), power.doubleValue()));
        });
        r.add("max", List.of(), p("numbers", Type.NUMBER), (a, c) -> extreme(a, true));
        r.add("min", List.of(), p("numbers", Type.NUMBER), (a, c) -> extreme(a, false));
        r.add("parseint", List.of(p("number", Type.STRING), p("base", Type.NUMBER)), (a, c) -> {
            BigDecimal b = a.get(1).asNumber();
            if (b.scale() > 0 || b.intValue() < 2 || b.intValue() > 62) {
                throw new FunctionException(1, "base must be a whole number between 2 and 62 inclusive.");
            }
            int base = b.intValue();
            String text = a.get(0).asString();
            try {
                return Value.of(new BigDecimal(parseInteger(text, base)));
            } catch (NumberFormatException e) {
                throw new FunctionException(0, "cannot parse \"" + text + "\" as a base " + base + " integer.");
            }
        });
    }

    private static Value extreme(List<Value> args, boolean max) throws FunctionException {
        if (args.isEmpty()) {
            throw new FunctionException("must pass at least one number.");
        }
        BigDecimal best = args.get(0).asNumber();
        for (Value v : args) {
            BigDecimal n = v.asNumber();
            if (max ? n.compareTo(best) > 0 : n.compareTo(best) < 0) {
                best = n;
            }
        }
        return Value.of(best);
    }

    private static BigInteger parseInteger(String text, int base) {
        if (base <= 36) {
            return new BigInteger(text, base);
        }
        // bases 37-62: digits, then lower case, then upper case, as Go's big.Int does
        String digits = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
        boolean negative = text.startsWith("-");
        String body = negative || text.startsWith("+") ? text.substring(1) : text;
        if (body.isEmpty()) {
            throw new NumberFormatException(text);
        }
        BigInteger n = BigInteger.ZERO;
        for (char ch : body.toCharArray()) {
            int d = digits.indexOf(ch);
            if (d < 0 || d >= base) {
                throw new NumberFormatException(text);
            }
            n = n.multiply(BigInteger.valueOf(base)).add(BigInteger.valueOf(d));
        }
        return negative ? n.negate() : n;
    }

    /** A float64 result, as Terraform computes log and pow, written the way Terraform writes it. */
    static Value fromDouble(double d) throws FunctionException {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new FunctionException("the result is not a finite number.");
        }
        return Value.of(new BigDecimal(Double.toString(d)));
    }
}

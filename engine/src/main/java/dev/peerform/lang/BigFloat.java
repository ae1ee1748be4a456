package dev.peerform.lang;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Terraform's arithmetic: binary floating point with a 512-bit mantissa, each result rounded to nearest (ties to
 * even) and then written as the shortest decimal that reads back as the same binary number. That is why
 * {@code 2 / 3 * 3} is exactly 2 and {@code 10 / 3} has 155 significant digits ending in 2, where decimal
 * arithmetic gives 2.000...01 and ...33.
 *
 * <p>A number is {@code mantissa * 2^exponent}; zero has a zero mantissa.
 */
record BigFloat(BigInteger mantissa, int exponent) {

    static final int PRECISION = 512;

    /** The decimal rounded to the nearest 512-bit binary number, as Terraform reads a number. */
    static BigFloat of(BigDecimal d) {
        if (d.signum() == 0) {
            return new BigFloat(BigInteger.ZERO, 0);
        }
        BigInteger unscaled = d.unscaledValue();
        int scale = d.scale();
        if (scale <= 0) {
            return round(unscaled.multiply(BigInteger.TEN.pow(-scale)), 0, false);
        }
        // unscaled / 10^scale: shift left far enough for PRECISION + 2 bits of quotient, the rest is sticky
        BigInteger divisor = BigInteger.TEN.pow(scale);
        int shift = Math.max(0, PRECISION + 2 - (unscaled.abs().bitLength() - divisor.bitLength()));
        BigInteger[] qr = unscaled.shiftLeft(shift).divideAndRemainder(divisor);
        return round(qr[0], -shift, qr[1].signum() != 0);
    }

    /** x + y as Terraform computes it. */
    static BigDecimal sum(BigDecimal x, BigDecimal y) {
        BigDecimal exact = fits(x) && fits(y) ? fitting(x.add(y)) : null;
        return exact != null ? exact : of(x).add(of(y)).shortest();
    }

    /** x - y as Terraform computes it. */
    static BigDecimal difference(BigDecimal x, BigDecimal y) {
        BigDecimal exact = fits(x) && fits(y) ? fitting(x.subtract(y)) : null;
        return exact != null ? exact : of(x).add(of(y).negate()).shortest();
    }

    /** x * y as Terraform computes it. */
    static BigDecimal product(BigDecimal x, BigDecimal y) {
        BigDecimal exact = fits(x) && fits(y) ? fitting(x.multiply(y)) : null;
        return exact != null ? exact : of(x).multiply(of(y)).shortest();
    }

    /**
     * An integer that the mantissa holds exactly. Such operands and a result that is one too need no rounding, and
     * the shortest decimal of an exact integer is that integer: the result is the decimal one, without the 512-bit
     * round trip (most arithmetic in configurations is on small integers: counts, indexes, ports).
     */
    private static boolean fits(BigDecimal d) {
        // 2^512 has 155 digits: a longer integer part does not fit, and is not worth making a BigInteger of
        return d.signum() == 0 || d.precision() - d.scale() <= 155
                && (d.scale() <= 0 || d.stripTrailingZeros().scale() <= 0)
                && d.toBigInteger().abs().bitLength() <= PRECISION;
    }

    /** The integer as shortest() writes it (no trailing zeros), or null when it does not fit the mantissa. */
    private static BigDecimal fitting(BigDecimal d) {
        return fits(d) ? d.stripTrailingZeros() : null;
    }

    BigFloat add(BigFloat o) {
        if (mantissa.signum() == 0) {
            return o;
        }
        if (o.mantissa.signum() == 0) {
            return this;
        }
        int e = Math.min(exponent, o.exponent);
        return round(mantissa.shiftLeft(exponent - e).add(o.mantissa.shiftLeft(o.exponent - e)), e, false);
    }

    BigFloat negate() {
        return new BigFloat(mantissa.negate(), exponent);
    }

    BigFloat multiply(BigFloat o) {
        return round(mantissa.multiply(o.mantissa), exponent + o.exponent, false);
    }

    /** o must not be zero. */
    BigFloat divide(BigFloat o) {
        if (mantissa.signum() == 0) {
            return this;
        }
        int shift = Math.max(0, PRECISION + 2 - (mantissa.abs().bitLength() - o.mantissa.abs().bitLength()));
        BigInteger[] qr = mantissa.shiftLeft(shift).divideAndRemainder(o.mantissa);
        return round(qr[0], exponent - o.exponent - shift, qr[1].signum() != 0);
    }

    /** m * 2^e rounded to PRECISION bits, ties to even; sticky says bits below m were dropped (not zero). */
    private static BigFloat round(BigInteger m, int e, boolean sticky) {
        if (m.signum() == 0) {
            return new BigFloat(BigInteger.ZERO, 0);
        }
        int sign = m.signum();
        BigInteger a = m.abs();
        int excess = a.bitLength() - PRECISION;
        if (excess > 0) {
            BigInteger kept = a.shiftRight(excess);
            boolean half = a.testBit(excess - 1);
            boolean below = sticky || a.getLowestSetBit() < excess - 1;
            if (half && (below || kept.testBit(0))) {
                kept = kept.add(BigInteger.ONE);
            }
            a = kept;
            e += excess;
        }
        return new BigFloat(sign < 0 ? a.negate() : a, e);
    }

    /** The exact value of this binary number. */
    BigDecimal exact() {
        return exact(mantissa, exponent);
    }

    private static BigDecimal exact(BigInteger m, int e) {
        if (e >= 0) {
            return new BigDecimal(m.shiftLeft(e));
        }
        return new BigDecimal(m.multiply(BigInteger.valueOf(5).pow(-e)), -e);
    }

    /** The shortest decimal that rounds back to this number (Go's big.Float.Text('f', -1)). */
    BigDecimal shortest() {
        if (mantissa.signum() == 0) {
            return BigDecimal.ZERO;
        }
        // normalise to exactly PRECISION bits, so that the neighbours are one unit of the last place away
        BigInteger a = mantissa.abs();
        int e = exponent - (PRECISION - a.bitLength());
        a = a.shiftLeft(PRECISION - a.bitLength());
        BigInteger two = BigInteger.TWO;
        BigDecimal value = exact(a, e);
        BigDecimal high = exact(a.multiply(two).add(BigInteger.ONE), e - 1);
        boolean powerOfTwo = a.getLowestSetBit() == PRECISION - 1;
        BigDecimal low = powerOfTwo ? exact(a.shiftLeft(2).subtract(BigInteger.ONE), e - 2)
                : exact(a.multiply(two).subtract(BigInteger.ONE), e - 1);
        boolean inclusive = !a.testBit(0);
        for (int digits = 1; digits <= value.precision(); digits++) {
            BigDecimal r = value.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            int lo = r.compareTo(low);
            int hi = r.compareTo(high);
            if ((inclusive ? lo >= 0 && hi <= 0 : lo > 0 && hi < 0)) {
                return mantissa.signum() < 0 ? r.negate() : r;
            }
        }
        return mantissa.signum() < 0 ? value.negate() : value;
    }
}

package dev.peerform.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The exact path for integers gives what the 512-bit round trip gives, digit for digit and scale for scale. */
class BigFloatTest {

    private static List<BigDecimal> operands() {
        List<BigDecimal> out = new ArrayList<>(List.of(BigDecimal.ZERO, BigDecimal.ONE, BigDecimal.TEN,
                new BigDecimal("-1"), new BigDecimal("1000"), new BigDecimal("1E+3"), new BigDecimal("2.50"),
                new BigDecimal("12.000"), new BigDecimal("0.1"), new BigDecimal("-7.5"), new BigDecimal("1E+154"),
                new BigDecimal("1E+160"), new BigDecimal(BigInteger.TWO.pow(511)),
                new BigDecimal(BigInteger.TWO.pow(512).subtract(BigInteger.ONE)),
                new BigDecimal(BigInteger.TWO.pow(512)), new BigDecimal(BigInteger.TWO.pow(512).negate()),
                new BigDecimal(BigInteger.TWO.pow(513).add(BigInteger.ONE))));
        Random random = new Random(18);
        for (int i = 0; i < 200; i++) {
            out.add(BigDecimal.valueOf(random.nextInt(2_000_001) - 1_000_000L));
            out.add(new BigDecimal(new BigInteger(random.nextInt(520) + 1, random)));
        }
        return out;
    }

    @Test
    void integerArithmeticTakesTheExactPathWithTheRoundTripsResult() {
        List<BigDecimal> values = operands();
        for (int i = 0; i < values.size(); i++) {
            BigDecimal x = values.get(i);
            for (BigDecimal y : List.of(values.get((i * 7 + 3) % values.size()), values.get((i + 1) % values.size()),
                    BigDecimal.ONE, new BigDecimal("2"))) {
                BigFloat bx = BigFloat.of(x);
                BigFloat by = BigFloat.of(y);
                assertEquals(bx.add(by).shortest(), BigFloat.sum(x, y), x + " + " + y);
                assertEquals(bx.add(by.negate()).shortest(), BigFloat.difference(x, y), x + " - " + y);
                assertEquals(bx.multiply(by).shortest(), BigFloat.product(x, y), x + " * " + y);
            }
        }
    }
}

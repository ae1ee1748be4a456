package dev.peerform.value;

import java.math.BigDecimal;

/**
 * An arbitrary-precision number, as in HCL. Kept normalised (no trailing zeros) so that equal numbers are
 * equal values: {@code 1.0 == 1}.
 */
public record NumberValue(BigDecimal value) implements Value {

    public NumberValue {
        value = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
    }

    @Override
    public Type type() {
        return Type.NUMBER;
    }

    /** The number as Terraform writes it: no exponent, no trailing zeros ({@code 1500}, {@code 0.25}). */
    @Override
    public String toString() {
        return value.toPlainString();
    }
}

package dev.peerform.alicloud.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How amounts are written: two decimals, a sign on differences. */
final class Amounts {

    private Amounts() {
    }

    static String plain(BigDecimal usd) {
        return usd.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** {@code +70.00}, {@code -70.00}; no change is {@code +0.00}, so every difference reads the same way. */
    static String signed(BigDecimal usd) {
        BigDecimal v = usd.setScale(2, RoundingMode.HALF_UP);
        return (v.signum() < 0 ? "-" : "+") + v.abs().toPlainString();
    }
}

package dev.peerform.alicloud.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** One router interface's monthly charge: an amount with the row and source it comes from, or unknown and why. */
public sealed interface MonthlyCharge {

    /** Nothing to pay for an interface that does not exist (before its creation, after its destruction). */
    static MonthlyCharge absent() {
        return new Known(BigDecimal.ZERO, "not present", null, null);
    }

    /**
     * @param basis  in words, what the amount is for ("Large.1 same-region in mainland China")
     * @param entry  the price table's row, or null when no row is needed (an acceptor, an absent interface)
     * @param source the row's source id, or null
     */
    record Known(BigDecimal usd, String basis, String entry, String source) implements MonthlyCharge {

        public Known {
            usd = usd.setScale(2, RoundingMode.HALF_UP);
        }
    }

    record Unknown(String reason) implements MonthlyCharge {
    }
}

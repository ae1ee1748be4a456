package dev.peerform.vpcapi.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peerform.net.Cidr;
import org.junit.jupiter.api.Test;

class ReservedRangeTest {

    @Test
    void aRouteToTheWholeReservedRangeIsRefusedButItsHalvesAreNot() {
        assertTrue(ReservedRange.coveredBy(Cidr.parse("100.64.0.0/10")));
        assertTrue(ReservedRange.coveredBy(Cidr.parse("64.0.0.0/2")));
        assertFalse(ReservedRange.coveredBy(Cidr.parse("100.64.0.0/11")));
        assertFalse(ReservedRange.coveredBy(Cidr.parse("100.96.0.0/11")));
        assertFalse(ReservedRange.coveredBy(Cidr.parse("0.0.0.0/0")));
        assertEquals("\"100.64.0.0/11\" and \"100.96.0.0/11\"", ReservedRange.halvesQuoted());
    }
}

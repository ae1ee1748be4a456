package dev.peerform.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class CidrTest {

    @Test
    void subnetOfIpv4PrefixMatchesTerraformsCidrsubnet() {
        assertEquals("172.18.0.0/16", Cidr.parse("172.16.0.0/12").subnet(4, BigInteger.TWO).toString());
        assertEquals("10.1.2.240/28", Cidr.parse("10.1.2.0/24").subnet(4, BigInteger.valueOf(15)).toString());
    }

    @Test
    void hostNumbersCountFromTheStartOrBackFromTheEnd() {
        Cidr c = Cidr.parse("10.12.112.0/20");
        assertEquals("10.12.112.16", c.host(BigInteger.valueOf(16)));
        assertEquals("10.12.127.254", c.host(BigInteger.valueOf(-2)));
        assertThrows(IllegalArgumentException.class, () -> c.host(BigInteger.valueOf(4096)));
    }

    @Test
    void ipv6IsParsedAndPrintedInShortestForm() {
        Cidr c = Cidr.parse("fd00:fd12:3456:7890::/56");
        assertEquals("fd00:fd12:3456:7800::/64", c.subnet(8, BigInteger.ZERO).toString());
        assertEquals("fd00:fd12:3456:7800::22", c.host(BigInteger.valueOf(34)));
    }

    @Test
    void reservedCloudServiceRangeOverlapsItsHalves() {
        Cidr reserved = Cidr.parse("100.64.0.0/10");
        assertTrue(reserved.overlaps(Cidr.parse("100.64.0.0/11")));
        assertTrue(reserved.contains(Cidr.parse("100.96.0.0/11")));
        assertFalse(Cidr.parse("100.64.0.0/11").overlaps(Cidr.parse("100.96.0.0/11")));
    }

    @Test
    void overlappingVpcBlocksAreDetected() {
        assertTrue(Cidr.parse("172.16.0.0/12").overlaps(Cidr.parse("172.16.1.0/24")));
        assertFalse(Cidr.parse("192.168.0.0/16").overlaps(Cidr.parse("172.16.0.0/12")));
    }

    @Test
    void netmaskOfIpv4Prefix() {
        assertEquals("255.240.0.0", Cidr.parse("172.16.0.0/12").netmask());
    }

    @Test
    void malformedPrefixesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Cidr.parse("10.0.0.0"));
        assertThrows(IllegalArgumentException.class, () -> Cidr.parse("10.0.0.256/8"));
        assertThrows(IllegalArgumentException.class, () -> Cidr.parse("10.0.0.0/33"));
    }
}

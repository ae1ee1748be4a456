package dev.peerform.vpcapi.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpecTest {

    @Test
    void apiSpecListMapsEachNameToItsBandwidth() {
        assertEquals(2, Spec.fromApiName("Mini.2").orElseThrow().mbps());
        assertEquals(50, Spec.fromApiName("Small.5").orElseThrow().mbps());
        assertEquals(500, Spec.fromApiName("Middle.5").orElseThrow().mbps());
        assertEquals(2000, Spec.fromApiName("Large.2").orElseThrow().mbps());
        assertEquals(10000, Spec.fromApiName("Xlarge.1").orElseThrow().mbps());
    }

    @Test
    void specNamesAreCaseSensitiveAndUnknownNamesAreRejected() {
        assertFalse(Spec.fromApiName("large.2").isPresent());
        assertFalse(Spec.fromApiName("Large.3").isPresent());
    }

    @Test
    void sameRegionInterconnectionDefaultsToLarge2() {
        assertEquals("Large.2", Spec.DEFAULT_SAME_REGION.apiName());
    }

    @Test
    void acceptorSpecNegativeIsNotAnInitiatorSpecAndListIsInBandwidthOrder() {
        List<Spec> initiator = Spec.initiatorSpecs();
        assertFalse(initiator.contains(Spec.NEGATIVE));
        assertEquals(12, initiator.size());
        for (int i = 1; i < initiator.size(); i++) {
            assertTrue(initiator.get(i - 1).mbps() < initiator.get(i).mbps());
        }
    }
}

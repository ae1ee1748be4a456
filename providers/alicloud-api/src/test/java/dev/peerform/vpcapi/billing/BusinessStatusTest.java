package dev.peerform.vpcapi.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BusinessStatusTest {

    @Test
    void businessStatusIsSpelledAsTheApiAnswersIt() {
        assertEquals(BusinessStatus.Normal, BusinessStatus.parse("Normal").orElseThrow());
        assertEquals(BusinessStatus.FinancialLocked, BusinessStatus.parse("FinancialLocked").orElseThrow());
        assertEquals(BusinessStatus.SecurityLocked, BusinessStatus.parse("SecurityLocked").orElseThrow());
        assertTrue(BusinessStatus.parse("normal").isEmpty());
    }

    @Test
    void onlyANormalInterfaceForwards() {
        assertTrue(BusinessStatus.Normal.forwards());
        assertFalse(BusinessStatus.FinancialLocked.forwards());
        assertFalse(BusinessStatus.SecurityLocked.forwards());
    }
}

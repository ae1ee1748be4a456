package dev.peerform.vpcapi.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peerform.vpcapi.domain.Role;
import org.junit.jupiter.api.Test;

class ChargeRulesTest {

    @Test
    void onlyTheInitiatorIsCharged() {
        assertTrue(ChargeRules.isCharged(Role.INITIATOR));
        assertFalse(ChargeRules.isCharged(Role.ACCEPTOR));
    }

    @Test
    void prePaidAcceptorIsRefusedWithForbiddenAcceptRoleNotSupportPrePay() {
        assertEquals("Forbidden.AcceptRoleNotSupportPrePay",
                ChargeRules.refusalOnCreate(Role.ACCEPTOR, ChargeType.PRE_PAID).orElseThrow().code());
    }

    @Test
    void postPaidAcceptorAndEitherInitiatorAreAccepted() {
        assertTrue(ChargeRules.refusalOnCreate(Role.ACCEPTOR, ChargeType.POST_PAID).isEmpty());
        assertTrue(ChargeRules.refusalOnCreate(Role.INITIATOR, ChargeType.PRE_PAID).isEmpty());
        assertTrue(ChargeRules.refusalOnCreate(Role.INITIATOR, ChargeType.POST_PAID).isEmpty());
    }
}

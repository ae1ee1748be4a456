package dev.peerform.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StepSpecTest {

    enum Sample implements StepKind {
        SET_OPPOSITE("set-opposite"), CONNECT("connect");

        private final String id;

        Sample(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }
    }

    @Test
    void aStepIsPersistedByItsKindsIdNotItsConstantName() {
        assertEquals("set-opposite", StepSpec.of(Sample.SET_OPPOSITE, Phase.CREATE, "set").name());
    }

    @Test
    void aStepReadBackFromASavedPlanResolvesToTheProvidersConstantAndEqualsTheDeclaredOne() {
        StepSpec declared = StepSpec.of(Sample.CONNECT, Phase.CREATE, "connect").waiting("Active");
        StepSpec readBack = new StepSpec("connect", Phase.CREATE, "connect", "Active");
        assertSame(Sample.CONNECT, readBack.kindOf(Sample.class));
        assertTrue(readBack.is(Sample.CONNECT));
        assertEquals(declared, readBack);
        assertEquals(declared.hashCode(), readBack.hashCode());
    }

    @Test
    void aStepNameTheProviderDoesNotDeclareIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new StepSpec("teleport", Phase.CREATE, "x", "").kindOf(Sample.class));
    }
}

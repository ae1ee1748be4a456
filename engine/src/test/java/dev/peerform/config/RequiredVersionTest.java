package dev.peerform.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RequiredVersionTest {

    private static final int[] V = RequiredVersion.parse(RequiredVersion.COMPATIBLE);

    @Test
    void peerformSpeaksTerraform111AsTheConstraintsSeeIt() {
        assertTrue(RequiredVersion.allows(">= 1.5, < 2.0", V));
        assertTrue(RequiredVersion.allows("~> 1.11.0", V));
        assertTrue(RequiredVersion.allows("~> 1.5", V));
        assertTrue(RequiredVersion.allows("!= 1.11.3", V));
        assertTrue(RequiredVersion.allows("1.11.4", V));
        assertFalse(RequiredVersion.allows("~> 1.10.0", V));
        assertFalse(RequiredVersion.allows(">= 1.12", V));
        assertFalse(RequiredVersion.allows("< 1.11.4", V));
        assertFalse(RequiredVersion.allows("~> 2", V));
    }

    @Test
    void aConstraintThatIsNoVersionIsInvalid() {
        assertThrows(IllegalArgumentException.class, () -> RequiredVersion.allows("banana", V));
        assertThrows(IllegalArgumentException.class, () -> RequiredVersion.allows(">= 1.2.3.4", V));
    }
}

package dev.peerform.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DiagnosticsTest {

    private static SourceRange range(int l1, int c1, int o1, int l2, int c2, int o2) {
        return new SourceRange("main.tf", new SourcePos(l1, c1, o1), new SourcePos(l2, c2, o2));
    }

    @Test
    void rangePrintsLikeHclOnOneLineAndAcrossLines() {
        assertEquals("main.tf:3,5-12", range(3, 5, 40, 3, 12, 47).toString());
        assertEquals("main.tf:3,5-4,2", range(3, 5, 40, 4, 2, 60).toString());
    }

    @Test
    void rangeThatEndsBeforeItStartsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> range(3, 5, 40, 3, 1, 36));
    }

    @Test
    void joinedRangeCoversBothInputs() {
        SourceRange a = range(1, 1, 0, 1, 4, 3);
        SourceRange b = range(2, 3, 10, 2, 9, 16);
        SourceRange joined = b.to(a);
        assertEquals(0, joined.start().offset());
        assertEquals(16, joined.end().offset());
    }

    @Test
    void warningsAloneAreNotErrors() {
        Diagnostics diags = new Diagnostics();
        diags.warning("One-way routing", "no return route", null);
        assertFalse(diags.hasErrors());
        diags.error("Unclosed brace", "the block opened here was never closed", range(1, 1, 0, 1, 2, 1));
        assertTrue(diags.hasErrors());
        assertEquals(1, diags.errors().size());
        assertEquals(2, diags.size());
    }

    @Test
    void diagnosticNamesItsAddressAndPlace() {
        Diagnostic d = Diagnostic.errorAt("alicloud_router_interface.a", "Unsupported specification", "")
                .withSubject(range(2, 3, 10, 2, 9, 16));
        assertEquals("Error: Unsupported specification (main.tf:2,3-9) [alicloud_router_interface.a]",
                d.toString());
    }
}

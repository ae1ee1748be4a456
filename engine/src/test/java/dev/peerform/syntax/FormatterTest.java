package dev.peerform.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.peerform.diag.Diagnostics;
import org.junit.jupiter.api.Test;

class FormatterTest {

    private static String fmt(String src) {
        return Formatter.format("main.tf", src, new Diagnostics());
    }

    @Test
    void indentsByTwoSpacesPerLevelAndAlignsConsecutiveArguments() {
        assertEquals("""
                resource "alicloud_vpc" "a" {
                  cidr_block = "10.0.0.0/16"
                  vpc_name   = "a"
                  tags = {
                    env = "prod"
                  }
                }
                """, fmt("""
                resource "alicloud_vpc" "a" {
                cidr_block="10.0.0.0/16"
                    vpc_name =   "a"
                  tags = {
                        env = "prod"
                  }
                }
                """));
    }

    @Test
    void formattedTextIsAFixedPoint() {
        String once = fmt("locals {\n a=1\n bb = [\n1,\n2,\n]\n}\n\n\n");
        assertEquals(once, fmt(once));
        // blank lines at the end stay, as terraform fmt leaves them (fmt parity corpus: 34-blank-lines.tf)
        assertEquals("locals {\n  a = 1\n  bb = [\n    1,\n    2,\n  ]\n}\n\n\n", once);
    }

    @Test
    void heredocBodiesAreLeftAsTheyAre() {
        String src = "locals {\n  text = <<EOT\n   keep   this\nEOT\n}\n";
        assertEquals(src, fmt(src));
    }

    @Test
    void comparisonsAreNotMistakenForArguments() {
        assertEquals("locals {\n  ok = var.a == \"x\"\n}\n", fmt("locals {\n  ok=var.a == \"x\"\n}\n"));
    }

    @Test
    void fileWithSyntaxErrorsIsNotFormatted() {
        Diagnostics diags = new Diagnostics();
        assertNull(Formatter.format("main.tf", "locals {\n a = \n", diags));
        assertEquals(true, diags.hasErrors());
    }
}

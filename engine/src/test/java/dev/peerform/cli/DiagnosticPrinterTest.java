package dev.peerform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peerform.diag.Diagnostic;
import dev.peerform.diag.Diagnostics;
import dev.peerform.syntax.Parser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DiagnosticPrinterTest {

    private static final String SOURCE = """
            resource "alicloud_vpc" "a" {
              cidr_block = "10.0.0.0/16"
              name       = lengt("x")
            }
            """;

    private static String print(Diagnostic d, boolean color) {
        StringWriter out = new StringWriter();
        new DiagnosticPrinter(Map.of("main.tf", SOURCE)::get, color).print(d, new PrintWriter(out));
        return out.toString();
    }

    private static Diagnostic unknownFunction() {
        Diagnostics diags = new Diagnostics();
        var file = Parser.parseFile("main.tf", SOURCE, diags);
        var expr = file.body().blocks().get(0).body().attribute("name").orElseThrow().expr();
        new dev.peerform.lang.Evaluator(dev.peerform.lang.Scope.EMPTY, dev.peerform.lang.Functions.standard(),
                java.nio.file.Path.of(".")).evaluate(expr, diags);
        return diags.errors().get(0);
    }

    @Test
    void errorShowsFileLineColumnBlockSourceLineCaretAndDetailAfterABlankLine() {
        String text = print(unknownFunction(), false);
        assertEquals("""

                Error: Call to unknown function

                  on main.tf line 3, column 16, in resource "alicloud_vpc" "a":
                   3:   name       = lengt("x")
                                     ^^^^^

                There is no function named "lengt". Did you mean "length"?
                """, text);
    }

    @Test
    void colourFramesTheDiagnosticLikeTerraform() {
        String text = print(unknownFunction(), true);
        assertTrue(text.startsWith("\u001b[31m╷"), text);
        assertTrue(text.contains("│\u001b[0m \u001b[31m\u001b[1mError: "), text);
        assertTrue(text.stripTrailing().endsWith("╵\u001b[0m"), text);
    }

    @Test
    void diagnosticAboutAResourceNamesItsAddress() {
        String text = print(Diagnostic.errorAt("alicloud_router_interface.acceptor", "Prepaid acceptor",
                "An acceptor must be PostPaid."), false);
        assertTrue(text.contains("  with alicloud_router_interface.acceptor,\n"), text);
    }
}

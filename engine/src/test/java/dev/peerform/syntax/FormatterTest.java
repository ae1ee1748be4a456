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
    // The expectations below are what terraform fmt (1.11.4) prints for the same input.

    @Test
    void bareCollectionTypesOfAVariableGetElementTypeAny() {
        assertEquals("variable \"a\" {\n  type = list(any)\n}\nvariable \"b\" {\n  type    = set(any)\n  default = []\n}\n"
                + "variable \"c\" {\n  type = map(any)\n}\nvariable \"e\" {\n  type = list(string) # old\n}\n",
                fmt("variable \"a\" {\n  type = list\n}\nvariable \"b\" {\n  type = set\n  default = []\n}\n"
                        + "variable \"c\" {\n  type = map\n}\nvariable \"e\" {\n  type = \"list\" # old\n}\n"));
    }

    @Test
    void typeIsUpgradedOnlyInATopLevelVariableBlock() {
        String src = "locals {\n  type = \"string\"\n}\nvariable \"v\" {\n  validation {\n    type = list\n  }\n}\n";
        assertEquals(src, fmt(src));
    }

    @Test
    void blockLabelsAreWrittenQuotedWithoutCommentsBetweenThem() {
        assertEquals("resource \"aws_instance\" \"foo\" {\n}\nresource \"a\" \"b\" {}\nresource \"a\" \"\u00e9\\u00a0\\t\" {}\n",
                fmt("resource aws_instance foo {\n}\nresource /* c */ \"a\" /* d */ \"b\" {}\n"
                        + "resource \"a\" \"\\u00e9\\u00a0\\t\" {}\n"));
    }

    @Test
    void labelHoldingADollarOrPercentIsDroppedAsTerraformDropsIt() {
        assertEquals("resource \"a\" {}\nresource \"a\" \"$\" \"b\" {}\n",
                fmt("resource \"a\" \"x%y\" {}\nresource \"a\" \"$\" \"b\" {}\n"));
    }

    @Test
    void minusIsSpacedAsSubtractionButNotAsNegation() {
        assertEquals("locals {\n  b = 1 - -1\n  c = [-1, -2]\n  d = x ? -1 : -2\n  h = a * -1\n  k = a.b[0] - 1\n}\n",
                fmt("locals {\n  b = 1 - -1\n  c = [-1, - 2]\n  d = x ? -1 : -2\n  h = a*-1\n  k = a.b[0]-1\n}\n"));
    }

    @Test
    void anObjectInsideAnInterpolationKeepsItsBraceSpaces() {
        assertEquals("locals {\n  a = { a = 1 }\n  b = \"x${ { a = 1 }.a}\"\n}\n",
                fmt("locals {\n  a = \"${ {a=1} }\"\n  b = \"x${ {a=1}.a }\"\n}\n"));
    }

    @Test
    void alignmentCountsCharactersAsTheyAreSeenNotCodeUnits() {
        // "e" + combining acute is one character; so is the emoji made of three code points and a joiner
        assertEquals("locals {\n  e\u0301   = 1\n  abc = 3\n  y = {\n    \"\ud83d\udc69\u200d\ud83d\udcbb\" = 1\n    ab  = 2\n  }\n}\n",
                fmt("locals {\n  e\u0301 = 1\n  abc = 3\n  y = {\n    \"\ud83d\udc69\u200d\ud83d\udcbb\" = 1\n    ab = 2\n  }\n}\n"));
    }

    @Test
    void aValueOpeningMoreBracketsThanItClosesIsIndentedOnceAndNotAligned() {
        assertEquals("resource \"a\" \"b\" {\n  x = 1\n  yyyy = {\n  z = 2 }\n  w = [1,\n  2]\n}\n",
                fmt("resource \"a\" \"b\" {\n  x = 1\n  yyyy = {\n    z = 2 }\n  w = [ 1,\n  2 ]\n}\n"));
    }

    @Test
    void commentsAfterValuesAlignButABlockCommentIsPartOfTheValue() {
        assertEquals("locals {\n  a  = core::max(1, 2)\n  c  = 1 /* after */\n  dd = 2 /* x */ # y\n}\n",
                fmt("locals {\n  a = core::max(1,2)\n  c = 1 /* after */\n  dd = 2 /* x */ # y\n}\n"));
    }

    @Test
    void multiLineInterpolationIsUnwrappedInParenthesesWhenItStaysMultiLine() {
        // the parser does not yet accept newlines inside "${ }" (Terraform does), so the layout is checked alone
        String src = "locals {\n  a = \"${\n    var.a ? 1 : 2\n  }\"\n  b = \"${\nvar.x\n}\"\n  c = \"${(var.a\n ? 1 : 2)}\"\n"
                + "  d = \"${var.a\n ? 1 : 2}\"\n}\n";
        assertEquals("locals {\n  a = var.a ? 1 : 2\n  b = var.x\n  c = (var.a\n  ? 1 : 2)\n  d = (var.a\n  ? 1 : 2)\n}\n",
                FmtLayout.layout(FmtUpgrades.apply(FmtToken.lex("main.tf", src))));
    }

    @Test
    void aMissingFinalNewlineStaysMissingAndCrlfStays() {
        assertEquals("locals {\r\n  a  = 1 # one\r\n  bb = 2\r\n  # c\r\n}",
                fmt("locals {\r\n  a = 1 # one\r\n  bb = 2\r\n  # c\r\n}"));
        assertEquals("", fmt(""));
        assertEquals("# only a comment", fmt("# only a comment"));
    }
}

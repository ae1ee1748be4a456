package dev.peerform.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import at.favre.lib.crypto.bcrypt.BCrypt;
import dev.peerform.diag.Diagnostics;
import dev.peerform.syntax.Parser;
import dev.peerform.value.Value;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * What the parity fixtures can check only by shape (random and clock values) or not at all: the hash bcrypt gives
 * verifies against its password, values survive a yamlencode/yamldecode and encode_tfvars/decode_tfvars round trip,
 * and arithmetic rounds as Terraform's does beyond the fixtures' cases.
 */
class NewFunctionsTest {

    private static Value eval(String src) {
        Diagnostics diags = new Diagnostics();
        Value v = new Evaluator(Scope.EMPTY, Functions.standard(), Path.of(".")).evaluate(
                Parser.parseExpression("t", src, diags), diags);
        assertFalse(diags.hasErrors(), src + ": " + diags);
        return v;
    }

    @Test
    void bcryptHashVerifiesAgainstItsPasswordAndNoOther() {
        byte[] hash = eval("bcrypt(\"hunter2\", 4)").asString().getBytes(StandardCharsets.UTF_8);
        assertTrue(BCrypt.verifyer().verify("hunter2".getBytes(StandardCharsets.UTF_8), hash).verified);
        assertFalse(BCrypt.verifyer().verify("hunter3".getBytes(StandardCharsets.UTF_8), hash).verified);
    }

    @Test
    void bcryptOfSensitivePasswordIsSensitive() {
        assertTrue(eval("bcrypt(sensitive(\"x\"), 4)").isSensitive());
    }

    @Test
    void uuidGivesADifferentValueEachCall() {
        assertFalse(eval("uuid() == uuid()").asBool());
    }

    @Test
    void yamlRoundTripKeepsEveryValue() {
        assertTrue(eval("yamldecode(yamlencode({ a = [\"true\", 1, null, \"x\\ny\\n\"], "
                + "b = { \"c d\" = \"é 😀\" } })) "
                + "== { a = [\"true\", 1, null, \"x\\ny\\n\"], b = { \"c d\" = \"é 😀\" } }").asBool());
    }

    @Test
    void tfvarsRoundTripKeepsEveryValue() {
        assertTrue(eval("provider::terraform::decode_tfvars(provider::terraform::encode_tfvars("
                + "{ s = \"a $${b} %%{c} \\\"q\\\"\", n = 1.5, l = [true, null], o = { \"k k\" = {} } }))"
                + " == { s = \"a $${b} %%{c} \\\"q\\\"\", n = 1.5, l = [true, null], o = { \"k k\" = {} } }")
                .asBool());
    }

    @Test
    void arithmeticRoundsToTerraformsBinaryPrecision() {
        assertEquals(new BigDecimal("1"), eval("1 / 7 * 7").asNumber());
        assertEquals(new BigDecimal("0.3"), eval("0.1 + 0.2").asNumber());
        assertEquals(new BigDecimal("-0.5"), eval("1 / -2").asNumber());
    }

    @Test
    void timeaddAcceptsGoDurationsOnly() {
        assertEquals("2017-11-22T01:00:00Z", eval("timeadd(\"2017-11-22T00:00:00Z\", \"+1h\")").asString());
        assertEquals("2017-11-22T00:00:00Z", eval("timeadd(\"2017-11-22T00:00:00Z\", \"0\")").asString());
        Diagnostics diags = new Diagnostics();
        new Evaluator(Scope.EMPTY, Functions.standard(), Path.of(".")).evaluate(
                Parser.parseExpression("t", "timeadd(\"2017-11-22T00:00:00Z\", \"1.h\")", diags), diags);
        assertFalse(diags.hasErrors(), "Go reads 1.h as one hour: " + diags);
    }

    @Test
    void tryAndCanAreCoreFunctionsToo() {
        assertEquals("d", eval("core::try(tonumber(\"x\"), \"d\")").asString());
        assertFalse(eval("core::can(tonumber(\"x\"))").asBool());
    }

    @Test
    void rsadecryptReadsAnOpenSshKeyAsTerraformDoes() {
        // a throwaway key made by ssh-keygen for this test only, and a text encrypted to it by openssl
        Diagnostics diags = new Diagnostics();
        Value v = new Evaluator(Scope.EMPTY, Functions.standard(), Path.of("src/test/resources/lang/openssh"))
                .evaluate(Parser.parseExpression("t", "rsadecrypt(file(\"ciphertext.b64\"), "
                        + "file(\"throwaway-test-openssh-key\"))", diags), diags);
        assertFalse(diags.hasErrors(), diags.toString());
        assertEquals("hello openssh", v.asString());
    }
}

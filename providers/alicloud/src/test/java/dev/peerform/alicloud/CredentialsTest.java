package dev.peerform.alicloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peerform.diag.Diagnostic;
import dev.peerform.diag.Diagnostics;
import dev.peerform.spi.ConfiguredProvider;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.Value;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys and region as the official provider finds them: arguments, environment, the aliyun CLI profile. */
class CredentialsTest {

    @TempDir
    Path home;

    private static final ObjectValue NONE = new ObjectValue(Map.of());

    private Map<String, String> env(String... pairs) {
        Map<String, String> m = new HashMap<>();
        m.put("HOME", home.toString());
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    private void writeProfiles() throws IOException {
        Files.createDirectories(home.resolve(".aliyun"));
        Files.writeString(home.resolve(".aliyun/config.json"), """
                {"current": "other", "profiles": [
                  {"name": "other", "mode": "AK", "access_key_id": "LTAIother", "access_key_secret": "s-other",
                   "region_id": "cn-shanghai"},
                  {"name": "peer", "mode": "AK", "access_key_id": "LTAIpeerformDemo87654321",
                   "access_key_secret": "demo-secret-87654321", "region_id": "cn-hangzhou"},
                  {"name": "nomode", "access_key_id": "LTAIx", "access_key_secret": "y"}]}
                """);
    }

    @Test
    void alicloudVariablesTakePrecedenceOverAlibabaCloudOnes() {
        Credentials c = Credentials.resolve(NONE, env("ALICLOUD_ACCESS_KEY", "a1", "ALICLOUD_SECRET_KEY", "s1",
                "ALIBABA_CLOUD_ACCESS_KEY_ID", "a2", "ALIBABA_CLOUD_ACCESS_KEY_SECRET", "s2"));
        assertEquals("a1", c.accessKey());
        assertEquals("s1", c.secretKey());
        Credentials only = Credentials.resolve(NONE, env("ALIBABA_CLOUD_ACCESS_KEY_ID", "a2",
                "ALIBABA_CLOUD_ACCESS_KEY_SECRET", "s2"));
        assertEquals("a2", only.accessKey());
        assertEquals("s2", only.secretKey());
    }

    @Test
    void argumentsWinOverTheEnvironment() {
        ObjectValue config = new ObjectValue(Map.of("access_key", Value.of("arg"), "secret_key", Value.of("sarg"),
                "region", Value.of("cn-shenzhen")));
        Credentials c = Credentials.resolve(config, env("ALICLOUD_ACCESS_KEY", "a1", "ALICLOUD_SECRET_KEY", "s1",
                "ALICLOUD_REGION", "cn-hangzhou"));
        assertEquals("arg", c.accessKey());
        assertEquals("cn-shenzhen", c.region());
    }

    @Test
    void regionComesFromEitherVariableAndDefaultsToCnBeijing() {
        assertEquals("cn-beijing", Credentials.resolve(NONE, env()).region());
        assertEquals("cn-hangzhou", Credentials.resolve(NONE, env("ALIBABA_CLOUD_REGION", "cn-hangzhou")).region());
        assertEquals("cn-shanghai", Credentials.resolve(NONE, env("ALICLOUD_REGION", "cn-shanghai",
                "ALIBABA_CLOUD_REGION", "cn-hangzhou")).region());
    }

    @Test
    void theCliConfigFileIsReadOnlyForANamedProfile() throws IOException {
        writeProfiles();
        Credentials unnamed = Credentials.resolve(NONE, env());
        assertFalse(unnamed.hasKeys(), "the file's current profile is not used");
        Credentials named = Credentials.resolve(new ObjectValue(Map.of("profile", Value.of("peer"))), env());
        assertEquals("LTAIpeerformDemo87654321", named.accessKey());
        assertEquals("cn-hangzhou", named.region());
        Credentials byVariable = Credentials.resolve(NONE, env("ALIBABA_CLOUD_PROFILE", "other"));
        assertEquals("LTAIother", byVariable.accessKey());
        assertEquals("cn-shanghai", byVariable.region());
        assertFalse(Credentials.resolve(NONE, env("ALICLOUD_PROFILE", "nomode")).hasKeys(),
                "an entry without mode yields no keys");
        Credentials envFirst = Credentials.resolve(new ObjectValue(Map.of("profile", Value.of("peer"))),
                env("ALICLOUD_REGION", "cn-qingdao"));
        assertEquals("cn-qingdao", envFirst.region(), "the environment's region wins over the profile's");
    }

    @Test
    void sharedCredentialsFileIsExpandedFromHome() throws IOException {
        writeProfiles();
        Files.move(home.resolve(".aliyun/config.json"), home.resolve("elsewhere.json"));
        Credentials c = Credentials.resolve(new ObjectValue(Map.of("profile", Value.of("peer"),
                "shared_credentials_file", Value.of("~/elsewhere.json"))), env());
        assertEquals("LTAIpeerformDemo87654321", c.accessKey());
        assertNull(Credentials.resolve(new ObjectValue(Map.of("profile", Value.of("peer"))), env()).accessKey(),
                "a missing file finds nothing and is no error");
    }

    @Test
    void noKeysOnTheEmbeddedEmulatorUseTheDefaultAccountWithOneNote() {
        Diagnostics diags = new Diagnostics();
        ConfiguredProvider p = new AlicloudProvider().configure("alicloud", NONE, home, env(), diags);
        assertNotNull(p, diags.toString());
        assertFalse(diags.hasErrors(), diags.toString());
        List<Diagnostic> notes = diags.list();
        assertEquals(1, notes.size(), diags.toString());
        assertTrue(notes.get(0).summary().contains("default account 12345678"), notes.get(0).summary());
        assertTrue(p.endpoint().contains("region cn-beijing"), p.endpoint());
    }

    @Test
    void aProfileGivesTheEmbeddedEmulatorItsAccount() throws IOException {
        writeProfiles();
        Diagnostics diags = new Diagnostics();
        ConfiguredProvider p = new AlicloudProvider().configure("alicloud", new ObjectValue(Map.of("profile",
                Value.of("peer"))), home, env(), diags);
        assertNotNull(p, diags.toString());
        assertTrue(diags.isEmpty(), diags.toString());
        assertTrue(p.endpoint().contains("account 87654321"), p.endpoint());
    }

    @Test
    void unknownKeysStayAnErrorThatNamesNoKey() {
        Diagnostics diags = new Diagnostics();
        ConfiguredProvider p = new AlicloudProvider().configure("alicloud", NONE, home,
                env("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAIunknownkey", "ALIBABA_CLOUD_ACCESS_KEY_SECRET",
                        "very-secret"), diags);
        assertNull(p);
        assertTrue(diags.hasErrors());
        assertFalse(diags.toString().contains("LTAIunknownkey") || diags.toString().contains("very-secret"),
                diags.toString());
    }

    @Test
    void noKeysForARemoteEndpointIsAnError() {
        Diagnostics diags = new Diagnostics();
        ConfiguredProvider p = new AlicloudProvider().configure("alicloud", new ObjectValue(Map.of("endpoint",
                Value.of("http://127.0.0.1:1"))), home, env(), diags);
        assertNull(p);
        assertTrue(diags.errors().get(0).summary().startsWith("No credentials"), diags.toString());
    }

    @Test
    void credentialsNeverPrintTheirKeys() {
        Credentials c = Credentials.resolve(NONE, env("ALICLOUD_ACCESS_KEY", "LTAIkey", "ALICLOUD_SECRET_KEY",
                "sekrit"));
        assertFalse(c.toString().contains("LTAIkey") || c.toString().contains("sekrit"), c.toString());
    }
}

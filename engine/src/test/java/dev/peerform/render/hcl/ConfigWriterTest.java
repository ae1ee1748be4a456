package dev.peerform.render.hcl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peerform.spi.AttributeSchema;
import dev.peerform.spi.Reference;
import dev.peerform.spi.Schema;
import dev.peerform.value.ListValue;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.Type;
import dev.peerform.value.Value;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfigWriterTest {

    private static final Schema VPC = Schema.builder()
            .attribute("id", AttributeSchema.computed(Type.STRING))
            .attribute("router_id", AttributeSchema.computed(Type.STRING))
            .attribute("cidr_block", AttributeSchema.optional(Type.STRING).alsoComputed())
            .attribute("vpc_name", AttributeSchema.optional(Type.STRING))
            .attribute("name", AttributeSchema.optional(Type.STRING))
            .attribute("description", AttributeSchema.optional(Type.STRING))
            .attribute("enable_ipv6", AttributeSchema.optional(Type.BOOL).alsoComputed())
            .attribute("classic_link", AttributeSchema.optional(Type.BOOL).withDefault(Value.of(false)))
            .build();

    private static final Schema SWITCH = Schema.builder()
            .attribute("id", AttributeSchema.computed(Type.STRING))
            .attribute("vpc_id", AttributeSchema.required(Type.STRING))
            .attribute("zone_ids", AttributeSchema.optional(Type.list(Type.STRING)))
            .attribute("secret", AttributeSchema.optional(Type.STRING).asSensitive())
            .build();

    private static final List<Reference> REFS = List.of(
            new Reference("alicloud_vswitch", "vpc_id", "alicloud_vpc", "id"),
            new Reference("alicloud_vswitch", "zone_ids", "alicloud_vpc", "router_id"));

    private static final WrittenBlock VPC_BLOCK = new WrittenBlock("alicloud_vpc", "app", "alicloud.hz", "vpc-1", VPC,
            new ObjectValue(Map.of("id", Value.of("vpc-1"), "router_id", Value.of("vrt-1"), "cidr_block",
                    Value.of("10.0.0.0/8"), "vpc_name", Value.of("app"), "name", Value.of("app"), "description",
                    Value.of(""), "enable_ipv6", Value.of(false), "classic_link", Value.of(false))), Set.of("name"));

    private static WrittenBlock vswitch(String vpcId) {
        return new WrittenBlock("alicloud_vswitch", "web", "alicloud", "vsw-1", SWITCH, new ObjectValue(Map.of(
                "id", Value.of("vsw-1"), "vpc_id", Value.of(vpcId), "zone_ids", new ListValue(Type.STRING,
                        List.of(Value.of("vrt-1"), Value.of("z-b"))), "secret", Value.of("digest"))), Set.of());
    }

    @Test
    void asWrittenLeavesOutEmptyDefaultFilledAndDeprecatedArguments() {
        ConfigWriter w = new ConfigWriter(Style.AS_WRITTEN, REFS, List.of(VPC_BLOCK), List.of());
        assertEquals("resource \"alicloud_vpc\" \"app\" {\n  provider   = alicloud.hz\n"
                + "  cidr_block = \"10.0.0.0/8\"\n  vpc_name   = \"app\"\n}\n", w.resource(VPC_BLOCK, null));
    }

    @Test
    void anIdOfAnObjectWrittenWithItIsAReference() {
        WrittenBlock s = vswitch("vpc-1");
        String text = new ConfigWriter(Style.AS_WRITTEN, REFS, List.of(VPC_BLOCK, s), List.of()).resource(s, null);
        assertTrue(text.contains("vpc_id   = alicloud_vpc.app.id\n"), text);
        assertTrue(text.contains("zone_ids = [alicloud_vpc.app.router_id, \"z-b\"]\n"), text);
        assertTrue(!text.contains("provider"), "the default configuration needs no provider line: " + text);
    }

    @Test
    void anIdOfAnObjectOfTheConfigurationIsAReference() {
        WrittenBlock s = vswitch("vpc-9");
        KnownObject managed = new KnownObject("alicloud_vpc.main[\"a\"]", "alicloud_vpc",
                new ObjectValue(Map.of("id", Value.of("vpc-9"))));
        String text = new ConfigWriter(Style.AS_WRITTEN, REFS, List.of(s), List.of(managed)).resource(s, null);
        assertTrue(text.contains("vpc_id   = alicloud_vpc.main[\"a\"].id\n"), text);
    }

    @Test
    void anIdOfAnUnknownObjectStaysALiteral() {
        WrittenBlock s = vswitch("vpc-elsewhere");
        String text = new ConfigWriter(Style.AS_WRITTEN, REFS, List.of(s), List.of()).resource(s, null);
        assertTrue(text.contains("vpc_id   = \"vpc-elsewhere\"\n"), text);
    }

    @Test
    void aSecretTheCloudKeepsIsIgnoredWithWhyInsteadOfRemoved() {
        WrittenBlock s = vswitch("vpc-1");
        String text = ConfigWriter.formatted(new ConfigWriter(Style.AS_WRITTEN, REFS, List.of(s), List.of())
                .resource(s, null));
        assertTrue(text.contains("  lifecycle {\n") && text.contains("    ignore_changes = [secret]\n"), text);
        assertTrue(!text.contains("digest"), "the secret's digest is never written: " + text);
    }

    @Test
    void everyArgumentWritesSortedArgumentsWithNullsAsTerraformDoes() {
        String text = new ConfigWriter(Style.EVERY_ARGUMENT, REFS, List.of(VPC_BLOCK), List.of())
                .resource(new WrittenBlock("alicloud_vpc", "x", null, "vpc-2", VPC, new ObjectValue(Map.of(
                        "cidr_block", Value.of("10.0.0.0/8"))), Set.of()), null);
        assertEquals("resource \"alicloud_vpc\" \"x\" {\n  cidr_block   = \"10.0.0.0/8\"\n  classic_link = null\n"
                + "  description  = null\n  enable_ipv6  = null\n  name         = null\n  vpc_name     = null\n}\n",
                text);
    }

    @Test
    void anImportBlockNamesTheAliasedProviderSoItIsNotTheDefaultOne() {
        assertEquals("import {\n  to       = alicloud_vpc.app\n  id       = \"vpc-1\"\n  provider = alicloud.hz\n}\n",
                ConfigWriter.importBlock(VPC_BLOCK));
    }
}

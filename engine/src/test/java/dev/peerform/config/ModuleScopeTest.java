package dev.peerform.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.peerform.diag.Diagnostics;
import dev.peerform.lang.Evaluator;
import dev.peerform.lang.Functions;
import dev.peerform.syntax.Parser;
import dev.peerform.value.Value;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ModuleScopeTest {

    private final FileSystem fs = Jimfs.newFileSystem(Configuration.unix());
    private final Path root = fs.getPath("/work");
    private Module module;

    @BeforeEach
    void load() throws Exception {
        Files.createDirectories(root.resolve("modules/net"));
        Files.writeString(root.resolve("main.tf"), """
                variable "region" { default = "cn-hangzhou" }
                locals { prefix = "peer" }
                resource "alicloud_vpc" "a" { cidr_block = "10.0.0.0/16" }
                data "alicloud_vpcs" "all" {}
                module "net" { source = "./modules/net" }
                """);
        Files.writeString(root.resolve("modules/net/main.tf"), "output \"id\" { value = \"x\" }\n");
        Diagnostics diags = new Diagnostics();
        module = new ModuleLoader(root).load(diags);
        assertFalse(diags.hasErrors(), diags.toString());
    }

    private Value eval(String expr, ModuleScope.Context context, Diagnostics diags) {
        ModuleScope.Values values = ModuleScope.values(
                name -> Value.of("cn-hangzhou"), name -> Value.of("peer"),
                r -> Value.object(Map.of("id", Value.of(r.address() + "-id"))),
                call -> Value.object(Map.of("id", Value.of("module-" + call.name()))));
        ModuleScope scope = new ModuleScope(module, values, root, root, context);
        return new Evaluator(scope, Functions.standard(), root)
                .evaluate(Parser.parseExpression("main.tf", expr, diags), diags);
    }

    private Value eval(String expr) {
        Diagnostics diags = new Diagnostics();
        Value v = eval(expr, ModuleScope.Context.NONE, diags);
        assertFalse(diags.hasErrors(), expr + ": " + diags);
        return v;
    }

    private String error(String expr, ModuleScope.Context context) {
        Diagnostics diags = new Diagnostics();
        eval(expr, context, diags);
        assertTrue(diags.hasErrors(), "expected an error for " + expr);
        return diags.errors().get(0).summary() + ": " + diags.errors().get(0).detail();
    }

    @Test
    void everyKindOfReferenceResolves() {
        assertEquals(Value.of("cn-hangzhou-peer"), eval("\"${var.region}-${local.prefix}\""));
        assertEquals(Value.of("alicloud_vpc.a-id"), eval("alicloud_vpc.a.id"));
        assertEquals(Value.of("data.alicloud_vpcs.all-id"), eval("data.alicloud_vpcs.all.id"));
        assertEquals(Value.of("module-net"), eval("module.net.id"));
        assertEquals(Value.of("."), eval("path.module"));
        assertEquals(Value.of("."), eval("path.root"));
    }

    @Test
    void countAndEachResolveOnlyWhereTheBlockSetsThem() {
        ModuleScope.Context counted = new ModuleScope.Context(Value.of(2), null, null, null);
        Diagnostics diags = new Diagnostics();
        assertEquals(Value.of(2), eval("count.index", counted, diags));
        ModuleScope.Context each = new ModuleScope.Context(null, Value.of("k"), Value.of("v"), null);
        assertEquals(Value.of("k=v"), eval("\"${each.key}=${each.value}\"", each, diags));
        assertFalse(diags.hasErrors(), diags.toString());
        assertTrue(error("count.index", ModuleScope.Context.NONE).startsWith(
                "Reference to \"count\" in non-counted context"));
        assertTrue(error("each.key", ModuleScope.Context.NONE).startsWith(
                "Reference to \"each\" in context without for_each"));
        assertTrue(error("self.id", ModuleScope.Context.NONE).startsWith("Invalid \"self\" reference"));
    }

    @Test
    void undeclaredReferencesAreErrorsThatSuggestTheIntendedName() {
        assertTrue(error("var.regoin", ModuleScope.Context.NONE).contains("Did you mean \"region\"?"));
        assertTrue(error("local.prefx", ModuleScope.Context.NONE).startsWith("Reference to undeclared local value"));
        assertTrue(error("alicloud_vpc.b.id", ModuleScope.Context.NONE).startsWith(
                "Reference to undeclared resource"));
        assertTrue(error("module.nett.id", ModuleScope.Context.NONE).contains("Did you mean \"net\"?"));
        assertTrue(error("alicloud_vpc", ModuleScope.Context.NONE).startsWith("Invalid reference"));
        assertTrue(error("path.nope", ModuleScope.Context.NONE).startsWith("Invalid \"path\" attribute"));
    }
}

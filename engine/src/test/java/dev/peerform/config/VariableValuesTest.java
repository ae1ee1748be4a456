package dev.peerform.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.peerform.diag.Diagnostics;
import dev.peerform.value.Value;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VariableValuesTest {

    private final FileSystem fs = Jimfs.newFileSystem(Configuration.unix());
    private final Path dir = fs.getPath("/work");

    private Map<String, Value> resolve(String config, Map<String, String> env, List<VariableValues.CliOption> cli,
            Diagnostics diags) throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("main.tf"), config);
        Module m = new ModuleLoader(dir).load(diags);
        return new VariableValues().resolve(m, dir, env, cli, diags);
    }

    @Test
    void precedenceIsDefaultThenEnvironmentThenTfvarsThenAutoTfvarsThenCommandLine() throws Exception {
        String config = """
                variable "a" { default = "default" }
                variable "b" { default = "default" }
                variable "c" { default = "default" }
                variable "d" { default = "default" }
                variable "e" { default = "default" }
                """;
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("terraform.tfvars"), "b = \"tfvars\"\nc = \"tfvars\"\nd = \"tfvars\"\n");
        Files.writeString(dir.resolve("x.auto.tfvars"), "c = \"auto\"\nd = \"auto\"\n");
        Files.writeString(dir.resolve("cli.tfvars"), "e = \"var-file\"\n");
        Diagnostics diags = new Diagnostics();
        Map<String, Value> v = resolve(config, Map.of("TF_VAR_a", "env", "TF_VAR_b", "env"),
                List.of(new VariableValues.CliOption.Var("d=cli"), new VariableValues.CliOption.VarFile("cli.tfvars")),
                diags);
        assertFalse(diags.hasErrors(), diags.toString());
        assertEquals(Value.of("env"), v.get("a"));
        assertEquals(Value.of("tfvars"), v.get("b"));
        assertEquals(Value.of("auto"), v.get("c"));
        assertEquals(Value.of("cli"), v.get("d"));
        assertEquals(Value.of("var-file"), v.get("e"));
    }

    @Test
    void requiredVariableWithoutValueIsAnErrorThatNamesIt() throws Exception {
        Diagnostics diags = new Diagnostics();
        resolve("variable \"region\" { type = string }\n", Map.of(), List.of(), diags);
        assertEquals("No value for required variable", diags.errors().get(0).summary());
        assertTrue(diags.errors().get(0).detail().contains("\"region\""));
    }

    @Test
    void commandLineValueOfAComplexTypeIsParsedAsAnExpression() throws Exception {
        Diagnostics diags = new Diagnostics();
        Map<String, Value> v = resolve("variable \"cidrs\" { type = list(string) }\nvariable \"n\" { type = number }\n",
                Map.of("TF_VAR_n", "5"), List.of(new VariableValues.CliOption.Var("cidrs=[\"10.0.0.0/8\"]")), diags);
        assertFalse(diags.hasErrors(), diags.toString());
        assertEquals(1, v.get("cidrs").children().size());
        assertEquals(Value.of(5), v.get("n"));
    }

    @Test
    void valueOfTheWrongTypeIsAnErrorNamingTheVariable() throws Exception {
        Diagnostics diags = new Diagnostics();
        resolve("variable \"n\" { type = number }\n", Map.of(), List.of(new VariableValues.CliOption.Var("n=ten")),
                diags);
        assertEquals("Invalid value for input variable", diags.errors().get(0).summary());
        assertTrue(diags.errors().get(0).detail().contains("var.n"), diags.errors().get(0).detail());
    }

    @Test
    void validationRuleFailureShowsTheUsersMessage() throws Exception {
        Diagnostics diags = new Diagnostics();
        resolve("""
                variable "spec" {
                  type = string
                  validation {
                    condition     = startswith(var.spec, "Large")
                    error_message = "Use a Large spec."
                  }
                }
                """, Map.of(), List.of(new VariableValues.CliOption.Var("spec=Small.1")), diags);
        assertEquals("Invalid value for variable", diags.errors().get(0).summary());
        assertTrue(diags.errors().get(0).detail().startsWith("Use a Large spec."));
    }

    @Test
    void sensitiveVariableValueIsMarked() throws Exception {
        Diagnostics diags = new Diagnostics();
        Map<String, Value> v = resolve("variable \"key\" {\n  sensitive = true\n}\n",
                Map.of("TF_VAR_key", "s3cr3t"), List.of(), diags);
        assertTrue(v.get("key").isSensitive());
    }

    @Test
    void undeclaredVariableOnTheCommandLineIsAnErrorAndInTfvarsAWarning() throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("terraform.tfvars"), "stray = 1\n");
        Diagnostics diags = new Diagnostics();
        resolve("variable \"a\" { default = 1 }\n", Map.of(), List.of(new VariableValues.CliOption.Var("nope=1")),
                diags);
        assertEquals(1, diags.errors().size(), diags.toString());
        assertEquals(2, diags.size(), diags.toString());
    }

    @Test
    void nonNullableVariableRefusesNull() throws Exception {
        Diagnostics diags = new Diagnostics();
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("terraform.tfvars"), "a = null\n");
        resolve("variable \"a\" {\n  default  = 1\n  nullable = false\n}\n", Map.of(), List.of(), diags);
        assertTrue(diags.hasErrors(), diags.toString());
    }
}

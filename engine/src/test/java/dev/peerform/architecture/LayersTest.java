package dev.peerform.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The direction of the pipeline (ARCHITECTURE.md), read from the compiled classes: a package may use only the
 * packages below it, so a dependency that points backwards fails the build.
 */
class LayersTest {

    /** Bottom first. The provider SPI (values, diagnostics, addresses) is shared with the providers. */
    private static final List<String> PIPELINE = List.of("spi", "json", "dag", "syntax", "lang", "config", "graph", "eval",
            "providers", "states", "plans", "planfile", "planner", "apply", "render", "workspace", "cli");

    private static JavaClasses engine;

    @BeforeAll
    static void importEngine() {
        engine = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(packages("dev.peerform.value", "dev.peerform.diag", "dev.peerform.net",
                        "dev.peerform.addrs", "dev.peerform.spi", "dev.peerform.builtin"));
    }

    private static String[] packages(String... spi) {
        List<String> all = new ArrayList<>(List.of(spi));
        PIPELINE.stream().filter(p -> !p.equals("spi")).forEach(p -> all.add("dev.peerform." + p));
        return all.toArray(String[]::new);
    }

    @Test
    void everyPackageUsesOnlyThePackagesBelowIt() {
        LayeredArchitecture layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("spi").definedBy("dev.peerform.value..", "dev.peerform.diag..", "dev.peerform.net..",
                        "dev.peerform.addrs..", "dev.peerform.spi..")
                .layer("builtin").definedBy("dev.peerform.builtin..");
        for (String p : PIPELINE.subList(1, PIPELINE.size())) {
            layers = layers.layer(p).definedBy("dev.peerform." + p + "..");
        }
        for (int i = 0; i < PIPELINE.size() - 1; i++) {
            String[] above = PIPELINE.subList(i + 1, PIPELINE.size()).toArray(String[]::new);
            if (i <= PIPELINE.indexOf("states")) { // the builtin provider reads states (terraform_remote_state)
                above = append(above, "builtin");
            }
            layers = layers.whereLayer(PIPELINE.get(i)).mayOnlyBeAccessedByLayers(above);
        }
        // found with ServiceLoader, like every provider: nothing imports it
        layers = layers.whereLayer("builtin").mayNotBeAccessedByAnyLayer()
                .whereLayer("cli").mayNotBeAccessedByAnyLayer();
        layers.check(engine);
    }

    private static String[] append(String[] a, String x) {
        String[] out = Arrays.copyOf(a, a.length + 1);
        out[a.length] = x;
        return out;
    }

    @Test
    void noCommandReadsOrLocksTheStateItself() {
        noClasses().that().resideInAPackage("dev.peerform.cli..").should().dependOnClassesThat()
                .resideInAPackage("dev.peerform.states..")
                .because("the workspace owns every operation on the state; the CLI parses flags and prints")
                .check(engine);
    }

    @Test
    void theEngineNeverUsesTheAlicloudProviderOrTheEmulator() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.peerform.alicloud..",
                "dev.peerform.emulator..").because("providers are found with ServiceLoader, never imported")
                .check(engine);
    }
}

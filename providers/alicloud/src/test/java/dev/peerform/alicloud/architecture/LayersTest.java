package dev.peerform.alicloud.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The provider modules' direction, read from the compiled classes: the real cloud's client never needs the
 * emulator (only the embedded transport and the emulator's CLI bridge reach it), and the emulator knows neither
 * the provider, the engine nor the SPI. Both speak the VPC API through {@code dev.peerform.vpcapi}.
 */
class LayersTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.peerform");

    @Test
    void onlyTheEmbeddedTransportAndTheEmulatorCliBridgeImportTheEmulator() {
        noClasses().that().resideInAPackage("dev.peerform.alicloud..")
                .and().resideOutsideOfPackages("dev.peerform.alicloud.transport.embedded..",
                        "dev.peerform.alicloud.emulator..")
                .should().dependOnClassesThat().resideInAPackage("dev.peerform.emulator..")
                .because("a user of the real API must not need the emulator's classes")
                .check(CLASSES);
    }

    @Test
    void theEmulatorImportsNothingOfTheProviderTheEngineOrTheSpi() {
        noClasses().that().resideInAPackage("dev.peerform.emulator..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.peerform.alicloud..", "dev.peerform.spi..",
                        "dev.peerform.plan..", "dev.peerform.apply..", "dev.peerform.config..",
                        "dev.peerform.state..", "dev.peerform.cli..", "dev.peerform.workspace..",
                        "dev.peerform.engine..")
                .because("the emulator is the cloud: it knows the VPC API (dev.peerform.vpcapi), not its clients")
                .check(CLASSES);
    }

    @Test
    void theSharedApiKnowsNeitherSide() {
        noClasses().that().resideInAPackage("dev.peerform.vpcapi..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.peerform.alicloud..",
                        "dev.peerform.emulator..", "dev.peerform.spi..")
                .check(CLASSES);
    }
}

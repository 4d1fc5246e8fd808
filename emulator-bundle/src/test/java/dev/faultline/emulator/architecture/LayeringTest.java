package dev.faultline.emulator.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The emulator is the bottom layer: plain Java, knowing nothing above it; its packages layer too. */
class LayeringTest {

    private static final JavaClasses EMULATOR = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.faultline.emulator");

    @Test
    void emulatorDependsOnNothingButTheJavaPlatform() {
        classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("dev.faultline.emulator..", "java..")
                .check(EMULATOR);
    }

    @Test
    void emulatorKnowsNothingOfTheKernelOrTheAdapter() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("dev.faultline.kernel..", "dev.faultline.dap..", "dev.faultline.debug..")
                .check(EMULATOR);
    }

    @Test
    void decodingAndFileFormatsKnowNothingOfTheRunningMachine() {
        noClasses().that().resideInAnyPackage("..emulator.isa..", "..emulator.elf..", "..emulator.dwarf..",
                        "..emulator.disasm..", "..emulator.trap..", "..emulator.debug..")
                .should().dependOnClassesThat().resideInAnyPackage("..emulator.hart..", "..emulator.bare..", "..emulator.bench..")
                .check(EMULATOR);
    }

    @Test
    void memoryKnowsNothingOfTheHart() {
        noClasses().that().resideInAPackage("..emulator.memory..")
                .should().dependOnClassesThat().resideInAnyPackage("..emulator.hart..", "..emulator.isa..")
                .check(EMULATOR);
    }
}

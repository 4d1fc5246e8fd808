package dev.faultline.kernel.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The kernel sits on the emulator and knows nothing of the adapter or Eclipse above it. */
class LayeringTest {

    private static final JavaClasses KERNEL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.faultline.kernel");

    @Test
    void kernelDependsOnlyOnTheEmulatorAndTheJavaPlatform() {
        classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("dev.faultline.kernel..", "dev.faultline.emulator..", "java..")
                .check(KERNEL);
    }
}

package dev.faultline.dap.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The adapter's packages layer: session knows no protocol, handlers no transport, and nothing knows the command line. */
class LayeringTest {

    private static final JavaClasses ADAPTER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.faultline.dap");

    @Test
    void theSessionKnowsNothingOfTheProtocol() {
        noClasses().that().resideInAPackage("..dap.session..")
                .should().dependOnClassesThat().resideInAnyPackage("org.eclipse.lsp4j..", "com.google.gson..",
                        "..dap.server..", "..dap.handler..", "..dap.cli..")
                .check(ADAPTER);
    }

    @Test
    void handlersKnowNothingOfTransportsOrTheCommandLine() {
        noClasses().that().resideInAPackage("..dap.handler..")
                .should().dependOnClassesThat().resideInAnyPackage("org.eclipse.lsp4j.jsonrpc..", "..dap.cli..")
                .orShould().dependOnClassesThat().haveSimpleName("TcpListener")
                .orShould().dependOnClassesThat().haveSimpleName("DapConnection")
                .check(ADAPTER);
    }

    @Test
    void onlyTheCommandLineKnowsTheCommandLine() {
        noClasses().that().resideOutsideOfPackage("..dap.cli..")
                .should().dependOnClassesThat().resideInAPackage("..dap.cli..")
                .check(ADAPTER);
    }
}

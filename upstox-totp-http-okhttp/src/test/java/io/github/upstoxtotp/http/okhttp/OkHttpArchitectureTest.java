package io.github.upstoxtotp.http.okhttp;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The adapter knows core's ports and OkHttp, nothing else of ours or of JSON. */
class OkHttpArchitectureTest {
    private static final String ADAPTER = "io.github.upstoxtotp.http.okhttp";
    private static JavaClasses adapter;

    @BeforeAll
    static void importAdapter() {
        adapter = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ADAPTER);
        assertTrue(adapter.contain(ADAPTER + ".OkHttpPort"), "adapter classes were not imported");
    }

    @Test
    void dependsOnNoOtherAdapter() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "io.github.upstoxtotp.json..", "io.github.upstoxtotp.http.apache..", "org.apache.hc..")
                .because("no adapter knows another adapter")
                .check(adapter);
    }

    @Test
    void importsNoJsonLibrary() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "com.fasterxml..", "com.squareup.moshi..", "com.google.gson..", "org.json..", "jakarta.json..")
                .because("an HTTP adapter moves bytes; JSON is the codec adapters' business")
                .check(adapter);
    }

    @Test
    void usesOnlyThePortsOfTheCore() {
        noClasses().should().dependOnClassesThat(resideInAPackage("io.github.upstoxtotp..")
                        .and(not(resideInAnyPackage("io.github.upstoxtotp.port..", ADAPTER + ".."))))
                .because("an adapter plugs into a port; the rest of the core is none of its business")
                .check(adapter);
    }

    @Test
    void onlyThePortAndItsProviderArePublic() {
        classes().that().arePublic()
                .should().haveFullyQualifiedName(ADAPTER + ".OkHttpPort")
                .orShould().haveFullyQualifiedName(ADAPTER + ".OkHttpPortProvider")
                .check(adapter);
    }
}

package io.github.upstoxtotp.json.moshi;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MoshiArchitectureTest {
    private static final String ADAPTER = "io.github.upstoxtotp.json.moshi..";
    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter()
                .withImportOption(location -> !location.contains("/test-classes/"))
                .importPackages("io.github.upstoxtotp.json.moshi");
    }

    @Test
    void usesOnlyTheJdkMoshiOkioAndThePort() {
        classes().that().resideInAPackage(ADAPTER)
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        "java..", "com.squareup.moshi..", "okio..", "io.github.upstoxtotp.port..",
                        "io.github.upstoxtotp.error..", ADAPTER)
                .check(main);
    }

    @Test
    void knowsNoOtherAdapterAndNoHttpLibrary() {
        noClasses().that().resideInAPackage(ADAPTER)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.github.upstoxtotp.json.jackson..", "io.github.upstoxtotp.http..", "com.fasterxml..",
                        "okhttp3..", "org.apache.hc..", "java.net.http..")
                .check(main);
    }

    @Test
    void onlyThePortAndItsProviderArePublic() {
        classes().that().resideInAPackage(ADAPTER).and().arePublic()
                .should().haveSimpleName("MoshiJsonPort").orShould().haveSimpleName("MoshiJsonPortProvider")
                .check(main);
    }
}

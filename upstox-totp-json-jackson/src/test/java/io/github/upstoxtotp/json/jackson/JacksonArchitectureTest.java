package io.github.upstoxtotp.json.jackson;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JacksonArchitectureTest {
    private static final String ADAPTER = "io.github.upstoxtotp.json.jackson..";
    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter()
                .withImportOption(location -> !location.contains("/test-classes/"))
                .importPackages("io.github.upstoxtotp.json.jackson");
    }

    @Test
    void usesOnlyTheJdkJacksonCoreAndThePort() {
        classes().that().resideInAPackage(ADAPTER)
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        "java..", "com.fasterxml.jackson.core..", "io.github.upstoxtotp.port..",
                        "io.github.upstoxtotp.error..", ADAPTER)
                .check(main);
    }

    @Test
    void knowsNoOtherAdapterNoHttpLibraryAndNoDatabind() {
        noClasses().that().resideInAPackage(ADAPTER)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.github.upstoxtotp.json.moshi..", "io.github.upstoxtotp.http..", "com.squareup..",
                        "okhttp3..", "okio..", "org.apache.hc..", "java.net.http..", "com.fasterxml.jackson.databind..")
                .check(main);
    }

    @Test
    void onlyThePortAndItsProviderArePublic() {
        classes().that().resideInAPackage(ADAPTER).and().arePublic()
                .should().haveSimpleName("JacksonJsonPort").orShould().haveSimpleName("JacksonJsonPortProvider")
                .check(main);
    }
}

package io.github.upstoxtotp.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hexagon's walls, checked on the compiled main classes of the core: the domain knows
 * only the JDK, SLF4J and itself; each third-party library has exactly one room.
 */
class CoreArchitectureTest {
    private static final String ROOT = "io.github.upstoxtotp";
    private static final String[] DOMAIN = {
        ROOT + ".config..", ROOT + ".totp..", ROOT + ".auth..", ROOT + ".model..", ROOT + ".port..", ROOT + ".error.."
    };

    /** Predefined DO_NOT_INCLUDE_TESTS only knows {@code /target/}; builds may use another output dir. */
    static final ImportOption MAIN_CLASSES_ONLY = location -> !location.contains("/test-classes/");

    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter()
                .withImportOption(MAIN_CLASSES_ONLY)
                .importPackages(ROOT);
        // Guard against a vacuous pass: the import must actually see the domain.
        assertTrue(core.contain(ROOT + ".port.HttpPort"), "core classes were not imported");
    }

    @Test
    void domainDependsOnlyOnJdkSlf4jAndItself() {
        String[] allowed = new String[DOMAIN.length + 3];
        System.arraycopy(DOMAIN, 0, allowed, 0, DOMAIN.length);
        allowed[DOMAIN.length] = "java..";
        allowed[DOMAIN.length + 1] = "javax..";
        allowed[DOMAIN.length + 2] = "org.slf4j..";
        ArchRule rule = classes().that().resideInAnyPackage(DOMAIN)
                .should().onlyDependOnClassesThat().resideInAnyPackage(allowed)
                .because("the domain is pure: libraries live behind ports or in their own package");
        rule.check(core);
    }

    @Test
    void dotenvOnlyInConfig() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".config..")
                .should().dependOnClassesThat().resideInAPackage("io.github.cdimascio..")
                .check(core);
    }

    @Test
    void onlyResilienceImportsResilience4j() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".resilience..")
                .should().dependOnClassesThat().resideInAPackage("io.github.resilience4j..")
                .because("Resilience4j is wired in as decorators in one package")
                .check(core);
    }

    @Test
    void onlyInjectImportsGuice() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".inject..")
                .should().dependOnClassesThat().resideInAnyPackage("com.google.inject..", "jakarta.inject..", "javax.inject..")
                .because("Guice is an optional dependency: nothing else may need it on the classpath")
                .check(core);
    }

    @Test
    void nothingDependsOnTheRootFacade() {
        noClasses().that().resideOutsideOfPackages(ROOT, ROOT + ".inject..")
                .should().dependOnClassesThat().resideInAPackage(ROOT)
                .because("the facade sits on top; anything below depending on it would be a cycle")
                .check(core);
    }

    @Test
    void domainDoesNotDependOnTheSimulator() {
        noClasses().that().resideInAnyPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".testing..")
                .check(core);
    }

    @Test
    void noPackageCycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(core);
    }
}

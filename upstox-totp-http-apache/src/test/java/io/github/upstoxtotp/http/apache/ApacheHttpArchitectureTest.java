package io.github.upstoxtotp.http.apache;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.github.upstoxtotp.error.UpstoxTotpException;
import io.github.upstoxtotp.model.AccessToken;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The adapter knows core's ports and Apache HttpClient, and its bearer auth the token service,
 * nothing else of ours or of JSON.
 */
class ApacheHttpArchitectureTest {
    private static final String ADAPTER = "io.github.upstoxtotp.http.apache";
    private static final DescribedPredicate<JavaClass> BEARER_AUTH = belongToAnyOf(
            UpstoxBearerAuth.class, BearerGrant.class, BearerHeaderInterceptor.class, InvalidTokenRetryHandler.class).as("the bearer auth");
    private static JavaClasses adapter;

    @BeforeAll
    static void importAdapter() {
        adapter = new ClassFileImporter()
                // ArchUnit's own test filter knows only target/test-classes; builds may use another directory
                .withImportOption(location -> !location.contains("/test-classes/"))
                .importPackages(ADAPTER);
        assertTrue(adapter.contain(ADAPTER + ".ApacheHttpPort"), "adapter classes were not imported");
    }

    @Test
    void dependsOnNoOtherAdapter() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "io.github.upstoxtotp.json..", "io.github.upstoxtotp.http.okhttp..", "okhttp3..", "okio..")
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
    void usesOnlyThePortsAndTheTokenServiceOfTheCore() {
        noClasses().should().dependOnClassesThat(resideInAPackage("io.github.upstoxtotp..")
                        .and(not(resideInAnyPackage("io.github.upstoxtotp.port..", "io.github.upstoxtotp.token..", ADAPTER + "..")))
                        .and(not(equivalentTo(AccessToken.class)))
                        .and(not(equivalentTo(UpstoxTotpException.class))))
                .because("an adapter plugs into a port, and its bearer auth into the token service; the rest of the core is none of its business")
                .check(adapter);
    }

    @Test
    void onlyTheBearerAuthKnowsTokens() {
        noClasses().that(not(BEARER_AUTH))
                .should().dependOnClassesThat(resideInAPackage("io.github.upstoxtotp.token..")
                        .or(equivalentTo(AccessToken.class)).or(equivalentTo(UpstoxTotpException.class)))
                .because("the port moves login bytes and never sees a token")
                .check(adapter);
    }

    @Test
    void onlyThePortItsProviderAndTheBearerAuthArePublic() {
        classes().that().arePublic()
                .should().haveFullyQualifiedName(ADAPTER + ".ApacheHttpPort")
                .orShould().haveFullyQualifiedName(ADAPTER + ".ApacheHttpPortProvider")
                .orShould().haveFullyQualifiedName(ADAPTER + ".UpstoxBearerAuth")
                .check(adapter);
    }
}

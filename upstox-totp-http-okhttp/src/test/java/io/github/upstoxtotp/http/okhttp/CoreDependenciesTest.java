package io.github.upstoxtotp.http.okhttp;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * What a user gets by depending on an adapter: Guice is an optional dependency of the core, so
 * it must not arrive on an adapter user's class path (this module's tests do not declare it).
 */
class CoreDependenciesTest {
    @Test
    void guiceDoesNotComeAlongWithTheCore() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("com.google.inject.Module"));
        assertThrows(ClassNotFoundException.class, () -> Class.forName("jakarta.inject.Inject"));
    }

    @Test
    void noJsonLibraryComesAlongWithTheCore() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("com.fasterxml.jackson.core.JsonFactory"));
        assertThrows(ClassNotFoundException.class, () -> Class.forName("com.squareup.moshi.Moshi"));
    }
}

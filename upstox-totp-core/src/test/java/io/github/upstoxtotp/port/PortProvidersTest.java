package io.github.upstoxtotp.port;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.upstoxtotp.error.ConfigurationException;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortProvidersTest {

    private static final FakeHttp OKHTTP = new FakeHttp("okhttp", "io.github.upstoxtotp:upstox-totp-http-okhttp");
    private static final FakeHttp APACHE = new FakeHttp("apache", "io.github.upstoxtotp:upstox-totp-http-apache");
    private static final FakeJson JACKSON = new FakeJson("jackson", "io.github.upstoxtotp:upstox-totp-json-jackson");
    private static final FakeJson MOSHI = new FakeJson("moshi", "io.github.upstoxtotp:upstox-totp-json-moshi");

    // ---- explicit choice ----

    @Test
    void explicitHttpPortWinsOverPropertyAndClasspath() {
        FakeHttp counting = new FakeHttp("okhttp", "a:b");
        HttpPort mine = request -> null;

        assertSame(mine, PortProviders.resolveHttp(mine, "no-such-adapter", List.of(counting, APACHE)));
        assertEquals(0, counting.created.get(), "no provider is asked for a port");
    }

    @Test
    void explicitJsonPortWinsOverPropertyAndClasspath() {
        JsonPort mine = new FakeJsonPort("mine");

        assertSame(mine, PortProviders.resolveJson(mine, "no-such-adapter", List.of()));
    }

    @Test
    void publicEntryPointsReturnTheExplicitPortUnchanged() {
        HttpPort http = request -> null;
        JsonPort json = new FakeJsonPort("mine");

        assertSame(http, PortProviders.resolveHttp(http));
        assertSame(json, PortProviders.resolveJson(json));
    }

    // ---- system property ----

    @Test
    void propertyChoosesAmongSeveralProviders() {
        HttpPort port = PortProviders.resolveHttp(null, "apache", List.of(OKHTTP, APACHE));

        assertEquals("apache", port.name());
    }

    @Test
    void propertyIsMatchedIgnoringCaseAndSurroundingBlanks() {
        assertEquals("okhttp", PortProviders.resolveHttp(null, "  OkHttp ", List.of(APACHE, OKHTTP)).name());
        assertEquals("moshi", PortProviders.resolveJson(null, "MOSHI", List.of(JACKSON, MOSHI)).name());
    }

    @Test
    void propertyNamingAnAbsentProviderListsTheAvailableOnes() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> PortProviders.resolveHttp(null, "jetty", List.of(OKHTTP, APACHE)));

        assertMentions(e, "upstox.totp.http", "'jetty'", "okhttp (io.github.upstoxtotp:upstox-totp-http-okhttp)",
                "apache (io.github.upstoxtotp:upstox-totp-http-apache)");
    }

    @Test
    void propertyNamingAProviderWhenThereIsNoneNamesTheArtifactsToAdd() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> PortProviders.resolveJson(null, "gson", List.of()));

        assertMentions(e, "upstox.totp.json", "'gson'", "io.github.upstoxtotp:upstox-totp-json-jackson",
                "io.github.upstoxtotp:upstox-totp-json-moshi");
    }

    @Test
    void propertyMatchingTwoProvidersOfOneNameIsAnError() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> PortProviders.resolveHttp(null, "okhttp", List.of(OKHTTP, new FakeHttp("okhttp", "x:y"))));

        assertMentions(e, "'okhttp'", "2 providers", FakeHttp.class.getName());
    }

    @Test
    void blankPropertyCountsAsUnset() {
        assertEquals("apache", PortProviders.resolveHttp(null, "   ", List.of(APACHE)).name());
        assertEquals("jackson", PortProviders.resolveJson(null, "", List.of(JACKSON)).name());
    }

    // ---- the classpath ----

    @Test
    void soleHttpProviderIsUsed() {
        FakeHttp only = new FakeHttp("okhttp", "a:b");

        HttpPort port = PortProviders.resolveHttp(null, null, List.of(only));

        assertEquals("okhttp", port.name());
        assertEquals(1, only.created.get());
    }

    @Test
    void soleJsonProviderIsUsed() {
        assertEquals("moshi", PortProviders.resolveJson(null, null, List.of(MOSHI)).name());
    }

    @Test
    void severalHttpProvidersWithoutAChoiceNameThemAllAndHowToChoose() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> PortProviders.resolveHttp(null, null, List.of(OKHTTP, APACHE)));

        assertMentions(e, "okhttp (io.github.upstoxtotp:upstox-totp-http-okhttp)",
                "apache (io.github.upstoxtotp:upstox-totp-http-apache)", "-Dupstox.totp.http=<name>", "explicitly");
    }

    @Test
    void severalJsonProvidersWithoutAChoiceNameThemAllAndHowToChoose() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> PortProviders.resolveJson(null, null, List.of(JACKSON, MOSHI)));

        assertMentions(e, "jackson", "moshi", "-Dupstox.totp.json=<name>");
    }

    @Test
    void noHttpProviderNamesTheArtifactsToAdd() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> PortProviders.resolveHttp(null, null, List.of()));

        assertMentions(e, "no HTTP adapter", "io.github.upstoxtotp:upstox-totp-http-okhttp",
                "io.github.upstoxtotp:upstox-totp-http-apache");
    }

    @Test
    void noJsonProviderNamesTheArtifactsToAdd() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> PortProviders.resolveJson(null, null, List.of()));

        assertMentions(e, "no JSON adapter", "io.github.upstoxtotp:upstox-totp-json-jackson",
                "io.github.upstoxtotp:upstox-totp-json-moshi");
    }

    // ---- ServiceLoader ----

    @Test
    void providersAreFoundThroughServiceLoader(@TempDir Path dir) throws IOException {
        writeServiceFile(dir, HttpPortProvider.class, ServiceLoadedHttp.class.getName());

        try (URLClassLoader loader = loaderOver(dir)) {
            assertEquals("service-loaded", PortProviders.resolveHttp(null, null, loader).name());
        }
    }

    @Test
    void brokenServiceEntryIsAConfigurationError(@TempDir Path dir) throws IOException {
        writeServiceFile(dir, JsonPortProvider.class, "com.example.NoSuchProvider");

        try (URLClassLoader loader = loaderOver(dir)) {
            ConfigurationException e = assertThrows(ConfigurationException.class,
                    () -> PortProviders.resolveJson(null, null, loader));
            assertMentions(e, "com.example.NoSuchProvider", "META-INF/services/io.github.upstoxtotp.port.JsonPortProvider");
        }
    }

    @Test
    void coreAloneHasNoAdapterAndSaysWhichToAdd() {
        assumeTrue(ServiceLoader.load(HttpPortProvider.class).findFirst().isEmpty(),
                "an HTTP adapter is on core's test classpath");
        assumeTrue(System.getProperty(HttpPortProvider.SYSTEM_PROPERTY) == null, "upstox.totp.http is set");

        ConfigurationException e = assertThrows(ConfigurationException.class, () -> PortProviders.resolveHttp(null));

        assertMentions(e, "io.github.upstoxtotp:upstox-totp-http-okhttp", "io.github.upstoxtotp:upstox-totp-http-apache");
    }

    // ---- fixtures ----

    private static void assertMentions(Exception e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), () -> "message lacks '" + part + "': " + e.getMessage());
        }
    }

    private static void writeServiceFile(Path root, Class<?> service, String implementation) throws IOException {
        Path file = root.resolve("META-INF/services/" + service.getName());
        Files.createDirectories(file.getParent());
        Files.writeString(file, implementation + "\n", StandardCharsets.UTF_8);
    }

    private static URLClassLoader loaderOver(Path dir) throws IOException {
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, PortProvidersTest.class.getClassLoader());
    }

    /** Public with a no-argument constructor, as ServiceLoader needs. */
    public static final class ServiceLoadedHttp implements HttpPortProvider {
        @Override
        public String name() {
            return "service-loaded";
        }

        @Override
        public String artifact() {
            return "test:service-loaded";
        }

        @Override
        public HttpPort create() {
            return new NamedHttpPort(name());
        }
    }

    private static final class FakeHttp implements HttpPortProvider {
        private final String name;
        private final String artifact;
        final AtomicInteger created = new AtomicInteger();

        FakeHttp(String name, String artifact) {
            this.name = name;
            this.artifact = artifact;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String artifact() {
            return artifact;
        }

        @Override
        public HttpPort create() {
            created.incrementAndGet();
            return new NamedHttpPort(name);
        }
    }

    private static final class FakeJson implements JsonPortProvider {
        private final String name;
        private final String artifact;

        FakeJson(String name, String artifact) {
            this.name = name;
            this.artifact = artifact;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String artifact() {
            return artifact;
        }

        @Override
        public JsonPort create() {
            return new FakeJsonPort(name);
        }
    }

    private static final class NamedHttpPort implements HttpPort {
        private final String name;

        NamedHttpPort(String name) {
            this.name = name;
        }

        @Override
        public HttpResponse execute(HttpRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String name() {
            return name;
        }
    }

    private static final class FakeJsonPort implements JsonPort {
        private final String name;

        FakeJsonPort(String name) {
            this.name = name;
        }

        @Override
        public JsonValue parse(String text) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String write(JsonValue value) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String name() {
            return name;
        }
    }
}

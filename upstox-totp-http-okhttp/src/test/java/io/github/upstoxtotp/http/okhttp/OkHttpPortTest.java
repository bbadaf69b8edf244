package io.github.upstoxtotp.http.okhttp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpServer;
import io.github.upstoxtotp.port.HttpPort;
import io.github.upstoxtotp.port.HttpPortProvider;
import io.github.upstoxtotp.port.HttpRequest;
import io.github.upstoxtotp.port.PortProviders;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OkHttpPortTest {
    private HttpServer server;
    private final AtomicInteger hits = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            hits.incrementAndGet();
            byte[] body = "hello".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    @Test
    void closingThePortLeavesTheCallersClientUsable() throws IOException {
        OkHttpClient client = new OkHttpClient();
        try {
            HttpPort port = new OkHttpPort(client);
            assertEquals("hello", port.execute(HttpRequest.get(url()).build()).bodyText());

            port.close();

            try (Response direct = client.newCall(new Request.Builder().url(url().toString()).build()).execute()) {
                assertEquals("hello", direct.body().string());
            }
            assertThrows(IllegalStateException.class, () -> port.execute(HttpRequest.get(url()).build()));
        } finally {
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        }
    }

    @Test
    void callersClientIsRequired() {
        assertThrows(NullPointerException.class, () -> new OkHttpPort(null));
    }

    @Test
    void bodyOnGetIsRejectedBeforeAnythingIsSent() {
        try (HttpPort port = new OkHttpPort()) {
            assertThrows(IllegalArgumentException.class, () -> port.execute(HttpRequest.get(url()).body("x").build()));
        }
        assertEquals(0, hits.get());
    }

    @Test
    void nonHttpSchemeIsRejected() {
        try (HttpPort port = new OkHttpPort()) {
            assertThrows(IllegalArgumentException.class,
                    () -> port.execute(HttpRequest.get(URI.create("ftp://127.0.0.1/file")).build()));
        }
    }

    @Test
    void providerIsRegisteredForServiceLoader() {
        List<HttpPortProvider> providers = ServiceLoader.load(HttpPortProvider.class).stream()
                .map(ServiceLoader.Provider::get).collect(Collectors.toList());

        assertEquals(1, providers.size());
        HttpPortProvider provider = providers.get(0);
        assertInstanceOf(OkHttpPortProvider.class, provider);
        assertEquals("okhttp", provider.name());
        assertEquals("io.github.upstoxtotp:upstox-totp-http-okhttp", provider.artifact());
        try (HttpPort port = provider.create()) {
            assertInstanceOf(OkHttpPort.class, port);
            assertEquals("okhttp", port.name());
        }
    }

    @Test
    void soleProviderOnTheClasspathIsChosen() {
        String previous = System.clearProperty(HttpPortProvider.SYSTEM_PROPERTY);
        try (HttpPort port = PortProviders.resolveHttp(null)) {
            assertInstanceOf(OkHttpPort.class, port);
        } finally {
            if (previous != null) {
                System.setProperty(HttpPortProvider.SYSTEM_PROPERTY, previous);
            }
        }
    }
}

package io.github.upstoxtotp.http.apache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
import java.util.stream.Collectors;
import com.sun.net.httpserver.HttpServer;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApacheHttpPortTest {
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
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
    void closingThePortLeavesTheCallersClientOpen() throws IOException {
        try (CloseableHttpClient client = HttpClients.custom().disableAutomaticRetries().build()) {
            HttpPort port = new ApacheHttpPort(client);
            assertEquals("hello", port.execute(HttpRequest.get(url()).build()).bodyText());

            port.close();

            String direct = client.execute(new HttpGet(url()), response -> EntityUtils.toString(response.getEntity()));
            assertEquals("hello", direct);
            assertThrows(IllegalStateException.class, () -> port.execute(HttpRequest.get(url()).build()));
        }
    }

    @Test
    void callersClientIsRequired() {
        assertThrows(NullPointerException.class, () -> new ApacheHttpPort(null));
    }

    @Test
    void providerIsRegisteredForServiceLoader() {
        List<HttpPortProvider> providers = ServiceLoader.load(HttpPortProvider.class).stream()
                .map(ServiceLoader.Provider::get).collect(Collectors.toList());

        assertEquals(1, providers.size());
        HttpPortProvider provider = providers.get(0);
        assertInstanceOf(ApacheHttpPortProvider.class, provider);
        assertEquals("apache", provider.name());
        assertEquals("io.github.upstoxtotp:upstox-totp-http-apache", provider.artifact());
        try (HttpPort port = provider.create()) {
            assertInstanceOf(ApacheHttpPort.class, port);
            assertEquals("apache", port.name());
        }
    }

    @Test
    void soleProviderOnTheClasspathIsChosen() {
        String previous = System.clearProperty(HttpPortProvider.SYSTEM_PROPERTY);
        try (HttpPort port = PortProviders.resolveHttp(null)) {
            assertInstanceOf(ApacheHttpPort.class, port);
        } finally {
            if (previous != null) {
                System.setProperty(HttpPortProvider.SYSTEM_PROPERTY, previous);
            }
        }
    }
}

package io.github.upstoxtotp.examples.sandbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.upstoxtotp.port.HttpHeaders;
import io.github.upstoxtotp.port.HttpRequest;
import io.github.upstoxtotp.port.HttpResponse;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The sandbox over real loopback HTTP, with a scripted backend in place of the simulator. */
class SandboxServerTest {
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final List<HttpRequest> seen = new CopyOnWriteArrayList<>();
    private SandboxServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private SandboxServer serve(java.util.function.Function<HttpRequest, HttpResponse> answer) {
        server = SandboxServer.start((api, service) -> request -> {
            seen.add(request);
            return answer.apply(request);
        });
        return server;
    }

    private java.net.http.HttpResponse<byte[]> send(java.net.http.HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, java.net.http.HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void requestReachesTheBackendWithRawPathQueryRepeatedHeadersAndBody() throws Exception {
        serve(r -> HttpResponse.of(200, HttpHeaders.of("content-type", "application/json"), "{\"ok\":true}"));
        String pathAndQuery = "/login/open/v3/auth/2fa?client_id=a%2Fb+c&redirect_uri=https%3A%2F%2Fx.example%2Fcb";
        var response = send(java.net.http.HttpRequest.newBuilder(URI.create(server.serviceBaseUrl() + pathAndQuery))
                .header("x-repeat", "one")
                .header("x-repeat", "two")
                .header("content-type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"data\":{\"pin\":\"MTIz\"}}"))
                .build());

        assertEquals(200, response.statusCode());
        assertEquals("{\"ok\":true}", new String(response.body(), StandardCharsets.UTF_8));
        assertEquals(1, seen.size());
        HttpRequest got = seen.get(0);
        assertEquals("POST", got.method());
        assertEquals(URI.create(server.serviceBaseUrl() + pathAndQuery), got.uri());
        assertEquals("client_id=a%2Fb+c&redirect_uri=https%3A%2F%2Fx.example%2Fcb", got.uri().getRawQuery());
        assertEquals(List.of("one", "two"), got.headers().all("x-repeat"));
        assertEquals(List.of("application/json"), got.headers().all("content-type"));
        assertEquals("{\"data\":{\"pin\":\"MTIz\"}}", got.bodyText());
    }

    @Test
    void repeatedSetCookieFieldsAllReachTheClientInOrder() throws Exception {
        serve(r -> new HttpResponse(302, HttpHeaders.builder()
                .add("Set-Cookie", "a=1; Path=/; HttpOnly")
                .add("Set-Cookie", "b=2; Path=/")
                .add("Set-Cookie", "c=3; Path=/login")
                .add("Location", "https://api.example/next?user_id=AB1234")
                .build(), new byte[0]));
        var response = send(java.net.http.HttpRequest.newBuilder(URI.create(server.apiBaseUrl() + "/v2/login/authorization/dialog"))
                .GET().build());

        assertEquals(302, response.statusCode());
        assertEquals(List.of("a=1; Path=/; HttpOnly", "b=2; Path=/", "c=3; Path=/login"),
                response.headers().allValues("set-cookie"));
        assertEquals("https://api.example/next?user_id=AB1234", response.headers().firstValue("location").orElseThrow());
    }

    @Test
    void apiAndServiceListenOnTheirOwnPortsAndForwardTheirOwnBase() throws Exception {
        serve(r -> HttpResponse.of(200, HttpHeaders.empty(), r.uri().getAuthority()));
        assertNotEquals(server.apiBaseUrl().getPort(), server.serviceBaseUrl().getPort());
        assertEquals("127.0.0.1", server.apiBaseUrl().getHost());

        var api = send(java.net.http.HttpRequest.newBuilder(URI.create(server.apiBaseUrl() + "/a")).build());
        var service = send(java.net.http.HttpRequest.newBuilder(URI.create(server.serviceBaseUrl() + "/b")).build());

        assertEquals(server.apiBaseUrl().getAuthority(), new String(api.body(), StandardCharsets.UTF_8));
        assertEquals(server.serviceBaseUrl().getAuthority(), new String(service.body(), StandardCharsets.UTF_8));
    }

    @Test
    void notFoundFromTheBackendIsPassedThrough() throws Exception {
        serve(r -> HttpResponse.of(404, HttpHeaders.of("content-type", "application/json"),
                "{\"status\":\"error\",\"errors\":[{\"errorCode\":\"UDAPI100060\"}]}"));
        var response = send(java.net.http.HttpRequest.newBuilder(URI.create(server.apiBaseUrl() + "/no/such/path")).build());

        assertEquals(404, response.statusCode());
        assertTrue(new String(response.body(), StandardCharsets.UTF_8).contains("UDAPI100060"));
    }

    @Test
    void noContentIsAnsweredWithoutABody() throws Exception {
        serve(r -> new HttpResponse(204, HttpHeaders.of("x-done", "yes"), new byte[0]));
        var response = send(java.net.http.HttpRequest.newBuilder(URI.create(server.apiBaseUrl() + "/")).build());

        assertEquals(204, response.statusCode());
        assertEquals(0, response.body().length);
        assertEquals("yes", response.headers().firstValue("x-done").orElseThrow());
    }

    @Test
    void bodyOverTheLimitIsRefusedWith413AndNeverReachesTheBackend() throws Exception {
        serve(r -> HttpResponse.of(200, HttpHeaders.empty(), "ok"));
        byte[] large = new byte[SandboxServer.DEFAULT_MAX_BODY_BYTES + 1];
        var response = send(java.net.http.HttpRequest.newBuilder(URI.create(server.serviceBaseUrl() + "/upload"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(large)).build());

        assertEquals(413, response.statusCode());
        assertTrue(seen.isEmpty());
    }

    @Test
    void bodyAtTheLimitIsAccepted() throws Exception {
        serve(r -> HttpResponse.of(200, HttpHeaders.empty(), Integer.toString(r.bodyLength())));
        byte[] exact = new byte[SandboxServer.DEFAULT_MAX_BODY_BYTES];
        exact[exact.length - 1] = 7;
        var response = send(java.net.http.HttpRequest.newBuilder(URI.create(server.serviceBaseUrl() + "/upload"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(exact)).build());

        assertEquals(200, response.statusCode());
        assertEquals(Integer.toString(exact.length), new String(response.body(), StandardCharsets.UTF_8));
        assertArrayEquals(exact, seen.get(0).body());
    }

    @Test
    void failingBackendIsAnswered502WithoutItsMessage() throws Exception {
        serve(r -> {
            throw new IllegalStateException("secret-in-message");
        });
        var response = send(java.net.http.HttpRequest.newBuilder(URI.create(server.apiBaseUrl() + "/x")).build());

        assertEquals(502, response.statusCode());
        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertTrue(body.contains("IllegalStateException"), body);
        assertTrue(!body.contains("secret-in-message"), body);
    }

    @Test
    void closeStopsBothListenersAndClosesTheBackend() throws Exception {
        AtomicInteger closes = new AtomicInteger();
        server = SandboxServer.start((api, service) -> new io.github.upstoxtotp.port.HttpPort() {
            @Override
            public HttpResponse execute(HttpRequest request) {
                return HttpResponse.of(200, HttpHeaders.empty(), "up");
            }

            @Override
            public void close() {
                closes.incrementAndGet();
            }
        });
        URI api = server.apiBaseUrl();
        assertEquals(200, send(java.net.http.HttpRequest.newBuilder(URI.create(api + "/")).build()).statusCode());

        server.close();
        server.close();

        assertEquals(1, closes.get());
        assertThrows(ConnectException.class,
                () -> send(java.net.http.HttpRequest.newBuilder(URI.create(api + "/")).timeout(Duration.ofSeconds(5)).build()));
    }

    @Test
    void builderRejectsBadPortsAndAMissingBackend() {
        assertThrows(IllegalArgumentException.class, () -> SandboxServer.builder().apiPort(70000));
        assertThrows(IllegalArgumentException.class, () -> SandboxServer.builder().ports(65535));
        assertThrows(IllegalStateException.class, () -> SandboxServer.builder().start());
        assertNull(server);
    }
}

package io.github.upstoxtotp.port.contract;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.github.upstoxtotp.port.contract.HttpPortContractSupport.assertNoSecretIn;
import static io.github.upstoxtotp.port.contract.HttpPortContractSupport.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.upstoxtotp.port.HttpPort;
import io.github.upstoxtotp.port.HttpRequest;
import io.github.upstoxtotp.port.HttpResponse;
import io.github.upstoxtotp.port.TransportException;
import io.github.upstoxtotp.port.TransportException.Kind;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@link HttpPort} contract, on a loopback WireMock server. An adapter's test extends this
 * class and implements {@link #createPort()}; the adapter is done when every test passes.
 * A capability an adapter cannot offer is declared by overriding its flag, and the test that
 * needs it is then reported as skipped, with the reason, never silently passed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class HttpPortContract {

    /** Slack allowed on top of a request timeout before a timed-out exchange counts as late. */
    protected static final Duration TIMING_SLACK = Duration.ofSeconds(2);

    private WireMockServer server;
    private HttpPort port;

    /** A new port with the adapter's defaults; each test gets its own and closes it. */
    protected abstract HttpPort createPort();

    /** Whether the transport can send a request body with {@code GET}. */
    protected boolean supportsBodyOnGet() {
        return true;
    }

    @BeforeAll
    void startServer() {
        server = new WireMockServer(options().bindAddress(HttpPortContractSupport.LOOPBACK).dynamicPort().containerThreads(64));
        server.start();
    }

    @AfterAll
    void stopServer() {
        server.stop();
    }

    @BeforeEach
    void openPort() {
        server.resetAll();
        port = createPort();
    }

    @AfterEach
    void closePort() {
        port.close();
    }

    /** The port of the running test, opened before it and closed after it. */
    protected final HttpPort port() {
        return port;
    }

    /** The loopback WireMock server, reset before each test. */
    protected final WireMockServer server() {
        return server;
    }

    /** An absolute URI on the WireMock server, the path and query used as given. */
    protected final URI url(String pathAndQuery) {
        return URI.create("http://" + HttpPortContractSupport.LOOPBACK + ":" + server.port() + pathAndQuery);
    }

    private LoggedRequest onlyRequest() {
        List<LoggedRequest> all = server.findAll(anyRequestedFor(anyUrl()));
        assertEquals(1, all.size(), "requests the server received");
        return all.get(0);
    }

    private static List<String> values(LoggedRequest request, String header) {
        return request.getHeaders().getHeader(header).isPresent() ? request.getHeaders().getHeader(header).values() : List.of();
    }

    // ---- the request arrives as given ------------------------------------------------------

    @Test
    void getSendsTheRawQueryVerbatim() {
        String query = "redirect_uri=https%3A%2F%2Fexample.com%2Fcb&scope=a+b&plus=%2B&space=%20&amp=%3D%26"
                + "&utf8=caf%C3%A9&empty=&flag";
        server.stubFor(any(urlPathEqualTo("/dialog")).willReturn(aResponse().withStatus(200).withBody("ok")));

        HttpResponse response = port.execute(HttpRequest.get(url("/dialog?" + query)).build());

        assertEquals(200, response.status());
        LoggedRequest received = onlyRequest();
        assertEquals("GET", received.getMethod().getName());
        assertEquals("/dialog?" + query, received.getUrl());
    }

    @Test
    void postSendsTheRawQueryAndTheFormBodyByteForByte() {
        String query = "client_id=abc%2Fdef&state=x+y";
        String form = "code=a%2Fb%2Bc&redirect_uri=https%3A%2F%2Fexample.com%2Fcb&grant_type=authorization_code&x=1+2";
        server.stubFor(any(urlPathEqualTo("/token")).willReturn(aResponse().withStatus(200)));

        port.execute(HttpRequest.post(url("/token?" + query))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .body(form)
                .build());

        LoggedRequest received = onlyRequest();
        assertEquals("POST", received.getMethod().getName());
        assertEquals("/token?" + query, received.getUrl());
        assertArrayEquals(form.getBytes(StandardCharsets.US_ASCII), received.getBody());
        assertEquals(List.of("application/x-www-form-urlencoded"), values(received, "Content-Type"));
        assertEquals(List.of(String.valueOf(form.length())), values(received, "Content-Length"));
    }

    @Test
    void jsonBodyAndItsContentTypeArriveExactly() {
        String json = "{\"mobileNumber\":\"9999999999\",\"n\":[1,2.50,-0,1e3],\"s\":\"tab\\tquote\\\"\",\"nested\":{}}";
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));

        port.execute(HttpRequest.post(url("/json")).header("Content-Type", "application/json").body(json).build());

        LoggedRequest received = onlyRequest();
        assertArrayEquals(json.getBytes(StandardCharsets.UTF_8), received.getBody());
        assertEquals(List.of("application/json"), values(received, "Content-Type"));
    }

    @Test
    void repeatedRequestHeaderFieldsAllArriveInOrder() {
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));

        port.execute(HttpRequest.get(url("/h"))
                .header("X-Multi", "first")
                .header("X-Single", "only")
                .header("X-Multi", "second")
                .build());

        LoggedRequest received = onlyRequest();
        assertEquals(List.of("first", "second"), values(received, "X-Multi"));
        assertEquals(List.of("only"), values(received, "X-Single"));
    }

    @Test
    void callerHeadersAreSentUnchangedAndNotDuplicated() {
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));

        port.execute(HttpRequest.get(url("/h"))
                .header("User-Agent", "upstox-totp-contract/1.0")
                .header("Accept", "application/json")
                .header("Authorization", "Bearer abc.def")
                .header("Cookie", "mine=1; other=2")
                .header("Origin", "https://login.example")
                .build());

        LoggedRequest received = onlyRequest();
        assertEquals(List.of("upstox-totp-contract/1.0"), values(received, "User-Agent"));
        assertEquals(List.of("application/json"), values(received, "Accept"));
        assertEquals(List.of("Bearer abc.def"), values(received, "Authorization"));
        assertEquals(List.of("mine=1; other=2"), values(received, "Cookie"));
        assertEquals(List.of("https://login.example"), values(received, "Origin"));
    }

    @Test
    void callerFramingHeadersAreLeftToTheTransport() {
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));

        port.execute(HttpRequest.post(url("/f")).header("Content-Length", "999").body("12345").build());

        LoggedRequest received = onlyRequest();
        assertEquals("12345", received.getBodyAsString());
        assertEquals(List.of("5"), values(received, "Content-Length"));
    }

    @Test
    void postWithoutBodySendsZeroContentLength() {
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));

        port.execute(HttpRequest.post(url("/empty")).build());

        LoggedRequest received = onlyRequest();
        assertEquals(0, received.getBody().length);
        assertEquals(List.of("0"), values(received, "Content-Length"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"PUT", "PATCH", "DELETE"})
    void otherMethodsCarryTheirBody(String method) {
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody(method)));

        HttpResponse response = port.execute(HttpRequest.newBuilder(method, url("/m"))
                .header("Content-Type", "text/plain").body("payload-" + method).build());

        assertEquals(method, response.bodyText());
        LoggedRequest received = onlyRequest();
        assertEquals(method, received.getMethod().getName());
        assertEquals("payload-" + method, received.getBodyAsString());
    }

    @Test
    void getCarriesABodyWhenTheTransportSupportsIt() {
        assumeTrue(supportsBodyOnGet(), "this transport cannot send a body with GET");
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));

        port.execute(HttpRequest.get(url("/g")).body("q=1").build());

        assertEquals("q=1", onlyRequest().getBodyAsString());
    }

    @Test
    void megabyteRequestBodyArrivesIntact() {
        byte[] payload = bytes(1024 * 1024, 42);
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));

        port.execute(HttpRequest.post(url("/upload")).header("Content-Type", "application/octet-stream").body(payload).build());

        assertArrayEquals(payload, onlyRequest().getBody());
    }

    @Test
    void nonAsciiBodiesAreByteExactBothWays() {
        byte[] sent = "{\"name\":\"₹ नमस्ते — 😀 ü\"}".getBytes(StandardCharsets.UTF_8);
        byte[] served = "{\"reply\":\"ज़रूर ✓ 𝄞 ß\"}".getBytes(StandardCharsets.UTF_8);
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json; charset=utf-8").withBody(served)));

        HttpResponse response = port.execute(HttpRequest.post(url("/utf8"))
                .header("Content-Type", "application/json; charset=utf-8").body(sent).build());

        assertArrayEquals(sent, onlyRequest().getBody());
        assertArrayEquals(served, response.body());
    }

    @Test
    void headerThatCannotBeSentVerbatimIsRejectedWithoutEchoingIt() {
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> port.execute(
                HttpRequest.get(url("/inject")).header("X-Token", "abc\r\nX-Injected: SECRET-INJECTED").build()));

        assertNoSecretIn(e, "SECRET-INJECTED");
        assertTrue(e.getMessage().contains("X-Token"), "the message names the header");
        assertEquals(0, server.findAll(anyRequestedFor(anyUrl())).size(), "nothing was sent");
    }

    // ---- the response comes back whole -----------------------------------------------------

    @Test
    void repeatedSetCookieHeadersArePreservedInOrder() {
        List<String> cookies = List.of("a=1; Path=/; HttpOnly", "b=2; Path=/; Secure", "a=3; Path=/login; Max-Age=0");
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("Set-Cookie", cookies.toArray(new String[0]))));

        HttpResponse response = port.execute(HttpRequest.get(url("/login")).build());

        assertEquals(cookies, response.headers().all("Set-Cookie"));
    }

    @Test
    void everyResponseHeaderArrivesWithAllItsValues() {
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("X-One", "1")
                .withHeader("X-Multi", "x", "y", "z")
                .withHeader("Cache-Control", "no-store")
                .withBody("body")));

        HttpResponse response = port.execute(HttpRequest.get(url("/headers")).build());

        assertEquals(List.of("1"), response.headers().all("x-one"));
        assertEquals(List.of("x", "y", "z"), response.headers().all("X-MULTI"));
        assertEquals(Optional.of("no-store"), response.header("cache-control"));
        assertEquals("body", response.bodyText());
    }

    @ParameterizedTest
    @ValueSource(ints = {301, 302, 303, 307, 308})
    void redirectsAreReturnedUnfollowed(int status) {
        server.stubFor(any(urlPathEqualTo("/from")).willReturn(aResponse().withStatus(status)
                .withHeader("Location", url("/to?user_id=AB1234").toString()).withBody("moved")));
        server.stubFor(any(urlPathEqualTo("/to")).willReturn(aResponse().withStatus(200).withBody("followed")));

        HttpResponse response = port.execute(HttpRequest.get(url("/from")).build());

        assertEquals(status, response.status());
        assertEquals(Optional.of(url("/to?user_id=AB1234").toString()), response.header("Location"));
        assertEquals("moved", response.bodyText());
        assertEquals(0, server.findAll(anyRequestedFor(urlPathEqualTo("/to"))).size(), "the redirect was followed");
    }

    @Test
    void redirectAfterPostIsReturnedUnfollowed() {
        server.stubFor(any(urlPathEqualTo("/authorize")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "/callback?code=xyz")));

        HttpResponse response = port.execute(HttpRequest.post(url("/authorize")).body("a=1").build());

        assertEquals(302, response.status());
        assertEquals(Optional.of("/callback?code=xyz"), response.header("Location"));
        assertEquals(1, server.findAll(anyRequestedFor(anyUrl())).size());
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 429, 500, 502, 503})
    void errorStatusesAreResponsesWithTheirBody(int status) {
        String body = "{\"status\":\"error\",\"errors\":[{\"errorCode\":\"UDAPI" + status + "\"}]}";
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withHeader("Retry-After", "7").withBody(body)));

        HttpResponse response = port.execute(HttpRequest.post(url("/fails")).body("x").build());

        assertEquals(status, response.status());
        assertEquals(body, response.bodyText());
        assertEquals(Optional.of("7"), response.header("Retry-After"));
        assertEquals(1, server.findAll(anyRequestedFor(anyUrl())).size(), "an error status must not be retried");
    }

    @Test
    void noContentHasAnEmptyBody() {
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(204).withHeader("X-Done", "yes")));

        HttpResponse response = port.execute(HttpRequest.post(url("/nc")).body("x").build());

        assertEquals(204, response.status());
        assertEquals(0, response.bodyLength());
        assertEquals(Optional.of("yes"), response.header("X-Done"));
    }

    @Test
    void emptyOkBodyIsEmpty() {
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("")));

        HttpResponse response = port.execute(HttpRequest.get(url("/empty")).build());

        assertEquals(200, response.status());
        assertEquals(0, response.bodyLength());
    }

    @Test
    void headResponseHasHeadersButNoBody() {
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("X-Head", "h").withBody("not sent")));

        HttpResponse response = port.execute(HttpRequest.newBuilder("HEAD", url("/head")).build());

        assertEquals(200, response.status());
        assertEquals(Optional.of("h"), response.header("X-Head"));
        assertEquals(0, response.bodyLength());
    }

    @Test
    void megabyteResponseBodyIsReadCompletely() {
        byte[] payload = bytes(1024 * 1024, 7);
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/octet-stream").withBody(payload)));

        HttpResponse response = port.execute(HttpRequest.get(url("/download")).build());

        assertArrayEquals(payload, response.body());
    }

    @Test
    void bodyIsNeverHandedBackCompressedUnlessTheCallerAskedForIt() {
        String text = "compressible ".repeat(2000);
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/plain").withBody(text)));

        HttpResponse response = port.execute(HttpRequest.get(url("/text")).build());

        assertEquals(text, response.bodyText());
        assertFalse(response.header("Content-Encoding").orElse("").contains("gzip"), "a decoded body must not claim an encoding");
    }

    @Test
    void callerNegotiatedCompressionComesBackAsSent() {
        byte[] gzipped = HttpPortContractSupport.gzip("{\"ok\":true}".getBytes(StandardCharsets.UTF_8));
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Encoding", "gzip").withHeader("Content-Type", "application/json").withBody(gzipped)));

        HttpResponse response = port.execute(HttpRequest.get(url("/gz")).header("Accept-Encoding", "gzip").build());

        assertEquals(List.of("gzip"), values(onlyRequest(), "Accept-Encoding"));
        assertEquals(Optional.of("gzip"), response.header("Content-Encoding"));
        assertArrayEquals(gzipped, response.body());
    }

    @Test
    void transportNeverAddsACookieHeader() {
        server.stubFor(any(urlPathEqualTo("/set")).willReturn(aResponse().withStatus(200)
                .withHeader("Set-Cookie", "session=abc; Path=/", "csrf=def; Path=/")));
        server.stubFor(any(urlPathEqualTo("/next")).willReturn(aResponse().withStatus(200)));

        port.execute(HttpRequest.get(url("/set")).build());
        port.execute(HttpRequest.post(url("/next")).body("x").build());
        port.execute(HttpRequest.get(url("/next")).build());

        List<LoggedRequest> later = server.findAll(anyRequestedFor(urlPathEqualTo("/next")));
        assertEquals(2, later.size());
        for (LoggedRequest request : later) {
            assertFalse(request.containsHeader("Cookie"), "the transport kept a cookie");
        }
    }

    // ---- failures are TransportExceptions of the right kind ---------------------------------

    @Test
    void refusedConnectionIsConnectKind() {
        TransportException e = assertThrows(TransportException.class, () -> port.execute(
                HttpRequest.get(URI.create("http://127.0.0.1:" + HttpPortContractSupport.closedPort() + "/x")).build()));

        assertEquals(Kind.CONNECT, e.kind());
        assertTrue(e.neverReachedServer());
        assertNotNull(e.getCause(), "the library's exception is kept as the cause");
    }

    @Test
    void connectTimeoutIsConnectKindNotTimeout() {
        Optional<HttpPortContractSupport.Blackhole> opened = HttpPortContractSupport.Blackhole.open();
        assumeTrue(opened.isPresent(), "this platform does not drop SYNs to a full accept queue, so no connect timeout can be staged");
        try (HttpPortContractSupport.Blackhole blackhole = opened.get()) {
            Duration timeout = Duration.ofMillis(1000);
            long start = System.nanoTime();
            TransportException e = assertThrows(TransportException.class, () -> port.execute(
                    HttpRequest.get(URI.create("http://127.0.0.1:" + blackhole.port() + "/x")).timeout(timeout).build()));

            assertEquals(Kind.CONNECT, e.kind(), "a connect timeout never reached the server: " + e.getMessage());
            assertWithin(timeout, start);
        }
    }

    @Test
    void unknownHostIsConnectKind() {
        TransportException e = assertThrows(TransportException.class, () -> port.execute(
                HttpRequest.get(URI.create("http://no-such-host.invalid/x")).timeout(Duration.ofSeconds(5)).build()));

        assertEquals(Kind.CONNECT, e.kind());
    }

    @Test
    void slowResponseIsTimeoutKindWithinTheRequestTimeout() {
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withFixedDelay(4000)));
        Duration timeout = Duration.ofMillis(1000);

        long start = System.nanoTime();
        TransportException e = assertThrows(TransportException.class,
                () -> port.execute(HttpRequest.get(url("/slow")).timeout(timeout).build()));

        assertEquals(Kind.TIMEOUT, e.kind(), e.getMessage());
        assertFalse(e.neverReachedServer());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(timeout.minusMillis(100)) >= 0, "gave up before the timeout");
        assertWithin(timeout, start);
    }

    @Test
    void timeoutIsTakenFromEachRequest() {
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("late").withFixedDelay(1200)));

        TransportException first = assertThrows(TransportException.class,
                () -> port.execute(HttpRequest.get(url("/a")).timeout(Duration.ofMillis(400)).build()));
        HttpResponse patient = port.execute(HttpRequest.get(url("/b")).timeout(Duration.ofSeconds(10)).build());
        long start = System.nanoTime();
        TransportException third = assertThrows(TransportException.class,
                () -> port.execute(HttpRequest.get(url("/c")).timeout(Duration.ofMillis(400)).build()));

        assertEquals(Kind.TIMEOUT, first.kind());
        assertEquals("late", patient.bodyText());
        assertEquals(Kind.TIMEOUT, third.kind());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofMillis(1100)) < 0,
                "a longer timeout of an earlier request leaked into a later one");
    }

    @Test
    void tricklingBodyIsCutOffAtTheRequestTimeout() {
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                .withBody("0123456789".repeat(10)).withChunkedDribbleDelay(10, 6000)));
        Duration timeout = Duration.ofMillis(1500);

        long start = System.nanoTime();
        TransportException e = assertThrows(TransportException.class,
                () -> port.execute(HttpRequest.get(url("/trickle")).timeout(timeout).build()));

        assertEquals(Kind.TIMEOUT, e.kind(), e.getMessage());
        assertWithin(timeout, start);
    }

    @Test
    void connectionResetIsIoKind() {
        assertFailureKind(Fault.CONNECTION_RESET_BY_PEER, Kind.IO);
    }

    @Test
    void emptyResponseIsIoKind() {
        assertFailureKind(Fault.EMPTY_RESPONSE, Kind.IO);
    }

    @Test
    void malformedChunkIsIoKind() {
        assertFailureKind(Fault.MALFORMED_RESPONSE_CHUNK, Kind.IO);
    }

    @Test
    void garbageInsteadOfAResponseIsIoKind() {
        assertFailureKind(Fault.RANDOM_DATA_THEN_CLOSE, Kind.IO);
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"EMPTY_RESPONSE", "CONNECTION_RESET_BY_PEER"})
    void failedExchangeIsSentOnlyOnce(Fault fault) {
        server.stubFor(any(urlPathEqualTo("/warm")).willReturn(aResponse().withStatus(200).withBody("ok")));
        server.stubFor(any(urlPathEqualTo("/once")).willReturn(aResponse().withFault(fault)));
        // a pooled connection that has worked before is what transports like to retry on
        port.execute(HttpRequest.get(url("/warm")).build());

        assertThrows(TransportException.class,
                () -> port.execute(HttpRequest.get(url("/once")).timeout(Duration.ofSeconds(5)).build()));

        assertEquals(1, server.findAll(anyRequestedFor(urlPathEqualTo("/once"))).size(), "the transport retried on its own");
    }

    /** The failures the secrecy test stages. */
    protected enum Failure { REFUSED, TIMEOUT, RESET, MALFORMED, EMPTY }

    @ParameterizedTest
    @EnumSource(Failure.class)
    void failureMessagesNameMethodAndHostButNoSecret(Failure failure) {
        URI target = url("/login?code=SECRET-CODE-1&client_secret=SECRET-QUERY-2");
        switch (failure) {
            case REFUSED:
                target = URI.create("http://127.0.0.1:" + HttpPortContractSupport.closedPort() + "/login?code=SECRET-CODE-1");
                break;
            case TIMEOUT:
                server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withFixedDelay(3000)));
                break;
            case RESET:
                server.stubFor(any(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
                break;
            case MALFORMED:
                server.stubFor(any(anyUrl()).willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));
                break;
            default:
                server.stubFor(any(anyUrl()).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
        }
        HttpRequest request = HttpRequest.post(target)
                .header("Authorization", "Bearer SECRET-TOKEN-3")
                .header("Cookie", "session=SECRET-COOKIE-4")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .body("pin=SECRET-BODY-5")
                .timeout(Duration.ofMillis(800))
                .build();

        TransportException e = assertThrows(TransportException.class, () -> port.execute(request));

        assertTrue(e.getMessage().contains("POST"), "the message names the method: " + e.getMessage());
        assertTrue(e.getMessage().contains("127.0.0.1"), "the message names the host: " + e.getMessage());
        assertNoSecretIn(e, "SECRET");
    }

    // ---- concurrency and lifecycle ---------------------------------------------------------

    @Test
    void sixteenConcurrentExchangesEachGetTheirOwnResponse() throws Exception {
        int n = 16;
        for (int i = 0; i < n; i++) {
            server.stubFor(any(urlPathEqualTo("/c/" + i)).willReturn(aResponse().withStatus(200 + i % 3)
                    .withHeader("X-Id", String.valueOf(i)).withBody("reply-" + i).withFixedDelay(200)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HttpResponse>> results = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                HttpRequest request = HttpRequest.post(url("/c/" + i + "?n=" + i)).body("body-" + i).build();
                results.add(pool.submit(() -> {
                    go.await();
                    return port.execute(request);
                }));
            }
            go.countDown();
            for (int i = 0; i < n; i++) {
                HttpResponse response = results.get(i).get(30, TimeUnit.SECONDS);
                assertEquals(200 + i % 3, response.status());
                assertEquals("reply-" + i, response.bodyText());
                assertEquals(Optional.of(String.valueOf(i)), response.header("X-Id"));
                assertEquals("body-" + i, server.findAll(anyRequestedFor(urlEqualTo("/c/" + i + "?n=" + i))).get(0).getBodyAsString());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void manySequentialExchangesOnOnePortAllSucceed() {
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("again")));

        for (int i = 0; i < 50; i++) {
            assertEquals("again", port.execute(HttpRequest.get(url("/seq/" + i)).build()).bodyText());
        }
        assertEquals(50, server.findAll(anyRequestedFor(anyUrl())).size());
    }

    @Test
    void closeIsIdempotent() {
        HttpPort own = createPort();
        own.close();
        own.close();
    }

    @Test
    void executeAfterCloseIsRejected() {
        HttpPort own = createPort();
        own.close();

        assertThrows(IllegalStateException.class, () -> own.execute(HttpRequest.get(url("/closed")).build()));
        assertEquals(0, server.findAll(anyRequestedFor(anyUrl())).size());
    }

    @Test
    void portHasAName() {
        assertFalse(port.name().isBlank());
    }

    // ---- helpers ---------------------------------------------------------------------------

    private void assertFailureKind(Fault fault, Kind expected) {
        server.stubFor(any(anyUrl()).willReturn(aResponse().withFault(fault)));

        TransportException e = assertThrows(TransportException.class,
                () -> port.execute(HttpRequest.get(url("/fault")).timeout(Duration.ofSeconds(5)).build()));

        assertEquals(expected, e.kind(), e.getMessage());
        assertNotNull(e.getCause(), "the library's exception is kept as the cause");
    }

    private static void assertWithin(Duration timeout, long startNanos) {
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
        assertTrue(elapsed.compareTo(timeout.plus(TIMING_SLACK)) < 0,
                "took " + elapsed.toMillis() + " ms for a " + timeout.toMillis() + " ms timeout");
    }
}

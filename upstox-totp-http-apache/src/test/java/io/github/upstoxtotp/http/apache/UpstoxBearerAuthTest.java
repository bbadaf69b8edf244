package io.github.upstoxtotp.http.apache;

import io.github.upstoxtotp.token.FakeTokenService;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.github.upstoxtotp.token.FakeTokenService.token;
import static io.github.upstoxtotp.port.contract.HttpPortContractSupport.assertNoSecretIn;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.upstoxtotp.error.LoginStep;
import io.github.upstoxtotp.error.UpstoxApiException;
import io.github.upstoxtotp.port.HttpPort;
import io.github.upstoxtotp.port.HttpRequest;
import io.github.upstoxtotp.token.CachingTokenService;
import io.github.upstoxtotp.token.TokenService;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.HttpClientResponseHandler;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.InputStreamEntity;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.Timeout;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UpstoxBearerAuthTest {
    private static final String T1 = "t1-Zq7vK2mX9pL4";
    private static final String T2 = "t2-Hc3nR8wY5tB1";
    private static final String PATH = "/v2/user/profile";
    private static final String INVALID_TOKEN = "{\"status\":\"error\",\"errors\":[{\"errorCode\":\"UDAPI100050\","
            + "\"message\":\"Invalid token used to access API\"}]}";

    private static WireMockServer server;
    private final List<CloseableHttpClient> clients = new ArrayList<>();

    /** What the caller saw: the status and the whole body, read after the client was done with it. */
    private record Result(int status, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    @BeforeAll
    static void startServer() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().containerThreads(64));
        server.start();
    }

    @AfterAll
    static void stopServer() {
        server.stop();
    }

    @BeforeEach
    void resetServer() {
        server.resetAll();
    }

    @AfterEach
    void closeClients() throws IOException {
        for (CloseableHttpClient client : clients) {
            client.close();
        }
    }

    private CloseableHttpClient clientWith(TokenService tokens) {
        return clientWith(tokens, 64);
    }

    private CloseableHttpClient clientWith(TokenService tokens, int connections) {
        CloseableHttpClient client = UpstoxBearerAuth.install(HttpClients.custom(), tokens)
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(connections).setMaxConnPerRoute(connections).build())
                .setDefaultRequestConfig(RequestConfig.custom().setConnectionRequestTimeout(Timeout.ofSeconds(5)).build())
                .build();
        clients.add(client);
        return client;
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    private static HttpGet get() {
        return new HttpGet(url(PATH));
    }

    private static Result execute(CloseableHttpClient client, ClassicHttpRequest request) throws IOException {
        return client.execute(request, response -> new Result(response.getCode(),
                response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity())));
    }

    /** Requests bearing {@code token} get {@code status} and {@code body}. */
    private static void answer(String token, int status, String body) {
        server.stubFor(any(urlPathEqualTo(PATH)).withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body)));
    }

    /** The Authorization headers the server received, one entry per request, in order. */
    private static List<String> authorizationsReceived() {
        return server.findAll(anyRequestedFor(anyUrl())).stream()
                .map(r -> String.join(" | ", r.getHeaders().getHeader("Authorization").isPresent()
                        ? r.getHeaders().getHeader("Authorization").values() : List.of("<none>")))
                .collect(Collectors.toList());
    }

    private static UpstoxApiException loginFailure() {
        return new UpstoxApiException(LoginStep.PIN_2FA, 400, "1017106", "Invalid PIN", "check UPSTOX_PIN_CODE");
    }

    @Test
    void everyExchangeCarriesTheBearerTokenInsteadOfItsOwnAuthorization() throws IOException {
        FakeTokenService tokens = FakeTokenService.handingOut(T1);
        answer(T1, 200, "{\"status\":\"success\"}");
        HttpGet withBasic = get();
        withBasic.addHeader("Authorization", "Basic dXNlcjpwYXNz");

        assertEquals(200, execute(clientWith(tokens), withBasic).status());
        assertEquals(200, execute(clientWith(tokens), get()).status());

        assertEquals(List.of("Bearer " + T1, "Bearer " + T1), authorizationsReceived());
        assertEquals(1, tokens.logins());
    }

    @Test
    void invalidTokenIsDroppedAndTheRequestExecutedOnceMoreWithTheNewToken() throws IOException {
        FakeTokenService tokens = FakeTokenService.handingOut(T1, T2);
        answer(T1, 401, INVALID_TOKEN);
        answer(T2, 200, "{\"status\":\"success\",\"data\":{}}");

        Result result = execute(clientWith(tokens), get());

        assertEquals(200, result.status());
        assertEquals("{\"status\":\"success\",\"data\":{}}", result.text());
        assertEquals(List.of("Bearer " + T1, "Bearer " + T2), authorizationsReceived());
        assertEquals(List.of(T1), tokens.invalidated());
        assertEquals(2, tokens.logins());
    }

    @Test
    void secondRejectionIsReturnedAsItCame() throws IOException {
        FakeTokenService tokens = FakeTokenService.handingOut(T1, T2);
        answer(T1, 401, INVALID_TOKEN);
        answer(T2, 401, INVALID_TOKEN);

        Result result = execute(clientWith(tokens), get());

        assertEquals(401, result.status());
        assertEquals(INVALID_TOKEN, result.text());
        assertEquals(List.of("Bearer " + T1, "Bearer " + T2), authorizationsReceived());
        assertEquals(List.of(T1), tokens.invalidated());
        assertEquals(2, tokens.logins());
    }

    @Test
    void rejectedResponseIsReleasedBeforeTheRequestIsExecutedAgain() throws IOException {
        FakeTokenService tokens = FakeTokenService.handingOut(T1, T2);
        answer(T1, 401, INVALID_TOKEN);
        answer(T2, 200, "{\"status\":\"success\"}");
        // one pooled connection: a 401 left holding it would starve the retry
        CloseableHttpClient client = clientWith(tokens, 1);

        assertEquals(200, execute(client, get()).status());
        assertEquals(200, execute(client, get()).status());

        assertEquals(List.of("Bearer " + T1, "Bearer " + T2, "Bearer " + T2), authorizationsReceived());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"status\":\"error\",\"errors\":[{\"errorCode\":\"UDAPI100016\",\"message\":\"Invalid Credentials\"}]}",
            "{\"status\":\"error\",\"errors\":[{\"errorCode\":\"UDAPI1000501\"}]}",
            ""})
    void unauthorizedWithoutTheInvalidTokenCodeIsReturnedUntouched(String body) throws IOException {
        FakeTokenService tokens = FakeTokenService.handingOut(T1, T2);
        answer(T1, 401, body);

        Result result = execute(clientWith(tokens), get());

        assertEquals(401, result.status());
        assertEquals(body, result.text());
        assertEquals(1, authorizationsReceived().size());
        assertEquals(List.of(), tokens.invalidated());
        assertEquals(1, tokens.logins());
    }

    @Test
    void unauthorizedBodyTooLongToSearchIsStreamedBackIntactAndNotRetried() throws IOException {
        FakeTokenService tokens = FakeTokenService.handingOut(T1, T2);
        byte[] big = new byte[200_000];
        Arrays.fill(big, (byte) ' ');
        byte[] start = INVALID_TOKEN.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(start, 0, big, 0, start.length);
        big[big.length - 1] = '!';
        server.stubFor(any(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(401).withBody(big)));

        Result result = execute(clientWith(tokens), get());

        assertEquals(401, result.status());
        assertArrayEquals(big, result.body());
        assertEquals(1, authorizationsReceived().size());
        assertEquals(List.of(), tokens.invalidated());
    }

    @Test
    void sameTokenAfterInvalidationIsNotSentAgain() throws IOException {
        FakeTokenService tokens = FakeTokenService.handingOut(T1);
        answer(T1, 401, INVALID_TOKEN);

        Result result = execute(clientWith(tokens), get());

        assertEquals(401, result.status());
        assertEquals(INVALID_TOKEN, result.text());
        assertEquals(List.of("Bearer " + T1), authorizationsReceived());
        assertEquals(List.of(T1), tokens.invalidated());
    }

    @Test
    void postEntityIsSentAgainByteForByte() throws IOException {
        FakeTokenService tokens = FakeTokenService.handingOut(T1, T2);
        answer(T1, 401, INVALID_TOKEN);
        answer(T2, 200, "{\"status\":\"success\"}");
        String json = "{\"quantity\":1,\"instrument_token\":\"NSE_EQ|INE848E01016\",\"tag\":\"caf\u00e9\"}";
        HttpPost post = new HttpPost(url(PATH));
        post.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));

        assertEquals(200, execute(clientWith(tokens), post).status());

        List<LoggedRequest> received = server.findAll(anyRequestedFor(anyUrl()));
        assertEquals(2, received.size());
        for (LoggedRequest request : received) {
            assertEquals("POST", request.getMethod().getName());
            assertArrayEquals(json.getBytes(StandardCharsets.UTF_8), request.getBody());
            assertEquals("application/json; charset=UTF-8", request.getHeader("Content-Type"));
        }
        assertEquals(List.of("Bearer " + T1, "Bearer " + T2), authorizationsReceived());
    }

    @Test
    void nonRepeatableEntityIsNotSentAgain() throws IOException {
        FakeTokenService tokens = FakeTokenService.handingOut(T1, T2);
        answer(T1, 401, INVALID_TOKEN);
        answer(T2, 200, "{\"status\":\"success\"}");
        HttpPost post = new HttpPost(url(PATH));
        post.setEntity(new InputStreamEntity(new ByteArrayInputStream("{\"streamed\":true}".getBytes(StandardCharsets.UTF_8)),
                ContentType.APPLICATION_JSON));

        Result result = execute(clientWith(tokens), post);

        assertEquals(401, result.status());
        assertEquals(INVALID_TOKEN, result.text());
        assertEquals(List.of("Bearer " + T1), authorizationsReceived());
        assertEquals(List.of(T1), tokens.invalidated(), "the rejected token is still dropped for the next exchange");
    }

    @Test
    void concurrentRejectionsOfOneTokenCauseOneLogin() throws Exception {
        AtomicInteger logins = new AtomicInteger();
        CachingTokenService tokens = CachingTokenService.builder(() -> {
            int n = logins.incrementAndGet();
            sleep(50);
            return token(n == 1 ? T1 : n == 2 ? T2 : "t" + n + "-unexpected");
        }).build();
        // every exchange is sent with T1 before the first rejection comes back
        server.stubFor(any(urlPathEqualTo(PATH)).withHeader("Authorization", equalTo("Bearer " + T1))
                .willReturn(aResponse().withStatus(401).withFixedDelay(300).withBody(INVALID_TOKEN)));
        answer(T2, 200, "{\"status\":\"success\"}");
        tokens.accessToken();
        CloseableHttpClient client = clientWith(tokens);
        int calls = 16;
        ExecutorService pool = Executors.newFixedThreadPool(calls);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                statuses.add(pool.submit(() -> {
                    start.await();
                    return execute(client, get()).status();
                }));
            }
            start.countDown();
            for (Future<Integer> status : statuses) {
                assertEquals(200, status.get(30, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
            tokens.close();
        }

        assertEquals(2, logins.get(), "the first login, then exactly one for all the rejected exchanges");
        List<String> received = authorizationsReceived();
        assertEquals(calls, received.stream().filter(("Bearer " + T1)::equals).count());
        assertEquals(calls, received.stream().filter(("Bearer " + T2)::equals).count());
    }

    @Test
    void sameHostRedirectCarriesTheToken() throws IOException {
        FakeTokenService tokens = FakeTokenService.handingOut(T1);
        server.stubFor(any(urlPathEqualTo("/old")).willReturn(aResponse().withStatus(302).withHeader("Location", url(PATH))));
        answer(T1, 200, "{\"status\":\"success\"}");

        assertEquals(200, execute(clientWith(tokens), new HttpGet(url("/old"))).status());

        assertEquals(List.of("Bearer " + T1, "Bearer " + T1), authorizationsReceived());
    }

    @Test
    void redirectToAnotherOriginIsFollowedWithoutTheToken() throws IOException {
        FakeTokenService tokens = FakeTokenService.handingOut(T1);
        String elsewhere = "http://localhost:" + server.port() + "/elsewhere";
        server.stubFor(any(urlPathEqualTo("/old")).willReturn(aResponse().withStatus(302).withHeader("Location", elsewhere)));
        server.stubFor(any(urlPathEqualTo("/elsewhere")).willReturn(aResponse().withStatus(200)));

        assertEquals(200, execute(clientWith(tokens), new HttpGet(url("/old"))).status());

        assertEquals(List.of("Bearer " + T1, "<none>"), authorizationsReceived());
    }

    @Test
    void failedLoginFailsTheExchangeWithAnIOExceptionCarryingTheCause() {
        UpstoxApiException failure = loginFailure();
        FakeTokenService tokens = FakeTokenService.failing(failure);

        IOException thrown = assertThrows(IOException.class, () -> execute(clientWith(tokens), get()));

        assertSame(failure, thrown.getCause());
        assertTrue(thrown.getMessage().contains("127.0.0.1"), thrown.getMessage());
        assertTrue(thrown.getMessage().contains("1017106"), thrown.getMessage());
        assertEquals(List.of(), authorizationsReceived(), "nothing is sent without a token");
    }

    @Test
    void failedLoginWhileReplacingTheTokenFailsTheExchange() throws IOException {
        UpstoxApiException failure = loginFailure();
        FakeTokenService tokens = FakeTokenService.thenFailing(T1, failure);
        answer(T1, 401, INVALID_TOKEN);
        CloseableHttpClient client = clientWith(tokens, 1);

        IOException thrown = assertThrows(IOException.class, () -> execute(client, get()));

        assertSame(failure, thrown.getCause());
        assertNoSecretIn(thrown, T1);
        assertEquals(List.of("Bearer " + T1), authorizationsReceived());
        assertEquals(List.of(T1), tokens.invalidated());
        server.stubFor(any(urlPathEqualTo("/free")).willReturn(aResponse().withStatus(204)));
        HttpClientContext context = HttpClientContext.create();
        context.setAttribute(UpstoxBearerAuth.BYPASS_ATTRIBUTE, Boolean.TRUE);
        assertEquals(204, client.execute(new HttpGet(url("/free")), context, (HttpClientResponseHandler<Integer>) r -> r.getCode()),
                "the single pooled connection was given back");
    }

    @Test
    void tokenNeverAppearsInLogsOrMessages() throws IOException {
        String output = capturingOutput(() -> {
            answer(T1, 401, INVALID_TOKEN);
            answer(T2, 401, INVALID_TOKEN);
            assertEquals(401, execute(clientWith(FakeTokenService.handingOut(T1, T2)), get()).status());
            assertEquals(401, execute(clientWith(FakeTokenService.handingOut(T1)), get()).status());
            IOException thrown = assertThrows(IOException.class,
                    () -> execute(clientWith(FakeTokenService.thenFailing(T1, loginFailure())), get()));
            assertNoSecretIn(thrown, T1, T2);
        });

        assertTrue(output.contains("executing the request once more with a new token"), "DEBUG output was captured:\n" + output);
        assertFalse(output.contains(T1), output);
        assertFalse(output.contains(T2), output);
        assertFalse(new InvalidTokenRetryHandler(FakeTokenService.handingOut(T1)).toString().contains(T1));
    }

    @Test
    void reusedContextOffersNoTokenToALaterExchange() throws IOException {
        FakeTokenService tokens = FakeTokenService.handingOut(T1);
        answer(T1, 200, "{}");
        HttpContext context = HttpClientContext.create();

        assertEquals(200, clientWith(tokens).execute(get(), context, (HttpClientResponseHandler<Integer>) r -> r.getCode()));

        assertNull(context.getAttribute(UpstoxBearerAuth.GRANT_ATTRIBUTE));
    }

    @Test
    void loginPortOverAnAuthorizedClientSendsNoTokenAndNeverAsksForOne() {
        FakeTokenService tokens = FakeTokenService.handingOut(T1);
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));

        try (HttpPort port = new ApacheHttpPort(clientWith(tokens))) {
            assertEquals(200, port.execute(HttpRequest.get(URI.create(url(PATH))).build()).status());
        }

        assertEquals(List.of("<none>"), authorizationsReceived());
        assertEquals(0, tokens.logins());
    }

    @Test
    void builderAndTokenServiceAreRequired() {
        assertThrows(NullPointerException.class, () -> UpstoxBearerAuth.install(null, FakeTokenService.handingOut(T1)));
        assertThrows(NullPointerException.class, () -> UpstoxBearerAuth.install(HttpClients.custom(), null));
    }

    private interface Action {
        void run() throws IOException;
    }

    /** Runs {@code action} and returns what was written to stdout and stderr meanwhile. */
    private static String capturingOutput(Action action) throws IOException {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream both = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setOut(both);
        System.setErr(both);
        try {
            action.run();
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        String text = captured.toString(StandardCharsets.UTF_8);
        err.print(text);
        return text;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

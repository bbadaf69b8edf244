package io.github.upstoxtotp.http.okhttp;

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
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
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
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UpstoxBearerInterceptorTest {
    private static final String T1 = "t1-Zq7vK2mX9pL4";
    private static final String T2 = "t2-Hc3nR8wY5tB1";
    private static final String PATH = "/v2/user/profile";
    private static final String INVALID_TOKEN = "{\"status\":\"error\",\"errors\":[{\"errorCode\":\"UDAPI100050\","
            + "\"message\":\"Invalid token used to access API\"}]}";

    private static WireMockServer server;
    private final List<OkHttpClient> clients = new ArrayList<>();

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
    void shutDownClients() {
        for (OkHttpClient client : clients) {
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        }
    }

    private OkHttpClient clientWith(TokenService tokens) {
        OkHttpClient client = new OkHttpClient.Builder().addInterceptor(new UpstoxBearerInterceptor(tokens)).build();
        clients.add(client);
        return client;
    }

    private static String url() {
        return "http://127.0.0.1:" + server.port() + PATH;
    }

    private static Request get() {
        return new Request.Builder().url(url()).build();
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
    void everyCallCarriesTheBearerTokenInsteadOfItsOwnAuthorization() throws IOException {
        FakeTokenService tokens = FakeTokenService.handingOut(T1);
        answer(T1, 200, "{\"status\":\"success\"}");
        Request request = new Request.Builder().url(url()).header("Authorization", "Basic dXNlcjpwYXNz").build();

        try (Response response = clientWith(tokens).newCall(request).execute()) {
            assertEquals(200, response.code());
        }
        try (Response response = clientWith(tokens).newCall(get()).execute()) {
            assertEquals(200, response.code());
        }

        assertEquals(List.of("Bearer " + T1, "Bearer " + T1), authorizationsReceived());
        assertEquals(1, tokens.logins());
    }

    @Test
    void invalidTokenIsDroppedAndTheCallSentOnceMoreWithTheNewToken() throws IOException {
        FakeTokenService tokens = FakeTokenService.handingOut(T1, T2);
        answer(T1, 401, INVALID_TOKEN);
        answer(T2, 200, "{\"status\":\"success\",\"data\":{}}");

        try (Response response = clientWith(tokens).newCall(get()).execute()) {
            assertEquals(200, response.code());
            assertEquals("{\"status\":\"success\",\"data\":{}}", response.body().string());
        }

        assertEquals(List.of("Bearer " + T1, "Bearer " + T2), authorizationsReceived());
        assertEquals(List.of(T1), tokens.invalidated());
        assertEquals(2, tokens.logins());
    }

    @Test
    void secondRejectionIsReturnedAsItCame() throws IOException {
        FakeTokenService tokens = FakeTokenService.handingOut(T1, T2);
        answer(T1, 401, INVALID_TOKEN);
        answer(T2, 401, INVALID_TOKEN);

        try (Response response = clientWith(tokens).newCall(get()).execute()) {
            assertEquals(401, response.code());
            assertEquals(INVALID_TOKEN, response.body().string());
        }

        assertEquals(List.of("Bearer " + T1, "Bearer " + T2), authorizationsReceived());
        assertEquals(List.of(T1), tokens.invalidated());
        assertEquals(2, tokens.logins());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"status\":\"error\",\"errors\":[{\"errorCode\":\"UDAPI100016\",\"message\":\"Invalid Credentials\"}]}",
            "{\"status\":\"error\",\"errors\":[{\"errorCode\":\"UDAPI1000501\"}]}",
            ""})
    void unauthorizedWithoutTheInvalidTokenCodeIsReturnedUntouched(String body) throws IOException {
        FakeTokenService tokens = FakeTokenService.handingOut(T1, T2);
        answer(T1, 401, body);

        try (Response response = clientWith(tokens).newCall(get()).execute()) {
            assertEquals(401, response.code());
            assertEquals(body, response.body().string());
        }

        assertEquals(1, authorizationsReceived().size());
        assertEquals(List.of(), tokens.invalidated());
        assertEquals(1, tokens.logins());
    }

    @Test
    void sameTokenAfterInvalidationIsNotSentAgain() throws IOException {
        FakeTokenService tokens = FakeTokenService.handingOut(T1);
        answer(T1, 401, INVALID_TOKEN);

        try (Response response = clientWith(tokens).newCall(get()).execute()) {
            assertEquals(401, response.code());
            assertEquals(INVALID_TOKEN, response.body().string());
        }

        assertEquals(List.of("Bearer " + T1), authorizationsReceived());
        assertEquals(List.of(T1), tokens.invalidated());
    }

    @Test
    void postBodyIsSentAgainByteForByte() throws IOException {
        FakeTokenService tokens = FakeTokenService.handingOut(T1, T2);
        answer(T1, 401, INVALID_TOKEN);
        answer(T2, 200, "{\"status\":\"success\"}");
        String json = "{\"quantity\":1,\"instrument_token\":\"NSE_EQ|INE848E01016\",\"tag\":\"caf\u00e9\"}";
        Request post = new Request.Builder().url(url())
                .post(RequestBody.create(json, MediaType.get("application/json; charset=utf-8"))).build();

        try (Response response = clientWith(tokens).newCall(post).execute()) {
            assertEquals(200, response.code());
        }

        List<LoggedRequest> received = server.findAll(anyRequestedFor(anyUrl()));
        assertEquals(2, received.size());
        for (LoggedRequest request : received) {
            assertEquals("POST", request.getMethod().getName());
            assertArrayEquals(json.getBytes(StandardCharsets.UTF_8), request.getBody());
            assertEquals("application/json; charset=utf-8", request.getHeader("Content-Type").toLowerCase(Locale.ROOT));
        }
        assertEquals(List.of("Bearer " + T1, "Bearer " + T2), authorizationsReceived());
    }

    @Test
    void oneShotBodyIsNotSentAgain() throws IOException {
        FakeTokenService tokens = FakeTokenService.handingOut(T1, T2);
        answer(T1, 401, INVALID_TOKEN);
        answer(T2, 200, "{\"status\":\"success\"}");
        RequestBody oneShot = new RequestBody() {
            @Override
            public MediaType contentType() {
                return MediaType.get("application/json");
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                sink.writeUtf8("{\"streamed\":true}");
            }

            @Override
            public boolean isOneShot() {
                return true;
            }
        };

        try (Response response = clientWith(tokens).newCall(new Request.Builder().url(url()).post(oneShot).build()).execute()) {
            assertEquals(401, response.code());
            assertEquals(INVALID_TOKEN, response.body().string());
        }

        assertEquals(List.of("Bearer " + T1), authorizationsReceived());
        assertEquals(List.of(T1), tokens.invalidated(), "the rejected token is still dropped for the next call");
    }

    @Test
    void concurrentRejectionsOfOneTokenCauseOneLogin() throws Exception {
        AtomicInteger logins = new AtomicInteger();
        CachingTokenService tokens = CachingTokenService.builder(() -> {
            int n = logins.incrementAndGet();
            sleep(50);
            return token(n == 1 ? T1 : n == 2 ? T2 : "t" + n + "-unexpected");
        }).build();
        // every call is sent with T1 before the first rejection comes back
        server.stubFor(any(urlPathEqualTo(PATH)).withHeader("Authorization", equalTo("Bearer " + T1))
                .willReturn(aResponse().withStatus(401).withFixedDelay(300).withBody(INVALID_TOKEN)));
        answer(T2, 200, "{\"status\":\"success\"}");
        tokens.accessToken();
        OkHttpClient client = clientWith(tokens);
        int calls = 16;
        ExecutorService pool = Executors.newFixedThreadPool(calls);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                statuses.add(pool.submit(() -> {
                    start.await();
                    try (Response response = client.newCall(get()).execute()) {
                        return response.code();
                    }
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

        assertEquals(2, logins.get(), "the first login, then exactly one for all the rejected calls");
        List<String> received = authorizationsReceived();
        assertEquals(calls, received.stream().filter(("Bearer " + T1)::equals).count());
        assertEquals(calls, received.stream().filter(("Bearer " + T2)::equals).count());
    }

    @Test
    void sameHostRedirectCarriesTheToken() throws IOException {
        FakeTokenService tokens = FakeTokenService.handingOut(T1);
        server.stubFor(any(urlPathEqualTo("/old")).willReturn(aResponse().withStatus(302).withHeader("Location", url())));
        answer(T1, 200, "{\"status\":\"success\"}");

        try (Response response = clientWith(tokens).newCall(new Request.Builder().url(url().replace(PATH, "/old")).build()).execute()) {
            assertEquals(200, response.code());
        }

        assertEquals(List.of("Bearer " + T1, "Bearer " + T1), authorizationsReceived());
    }

    @Test
    void redirectToAnotherHostIsFollowedWithoutTheToken() throws IOException {
        FakeTokenService tokens = FakeTokenService.handingOut(T1);
        String elsewhere = "http://localhost:" + server.port() + "/elsewhere";
        server.stubFor(any(urlPathEqualTo("/old")).willReturn(aResponse().withStatus(302).withHeader("Location", elsewhere)));
        server.stubFor(any(urlPathEqualTo("/elsewhere")).willReturn(aResponse().withStatus(200)));

        try (Response response = clientWith(tokens).newCall(new Request.Builder().url(url().replace(PATH, "/old")).build()).execute()) {
            assertEquals(200, response.code());
        }

        assertEquals(List.of("Bearer " + T1, "<none>"), authorizationsReceived());
    }

    @Test
    void failedLoginFailsTheCallWithAnIOExceptionCarryingTheCause() {
        UpstoxApiException failure = loginFailure();
        FakeTokenService tokens = FakeTokenService.failing(failure);

        IOException thrown = assertThrows(IOException.class, () -> clientWith(tokens).newCall(get()).execute());

        assertSame(failure, thrown.getCause());
        assertTrue(thrown.getMessage().contains("127.0.0.1"), thrown.getMessage());
        assertTrue(thrown.getMessage().contains("1017106"), thrown.getMessage());
        assertEquals(List.of(), authorizationsReceived(), "nothing is sent without a token");
    }

    @Test
    void failedLoginWhileReplacingTheTokenFailsTheCall() {
        UpstoxApiException failure = loginFailure();
        FakeTokenService tokens = FakeTokenService.thenFailing(T1, failure);
        answer(T1, 401, INVALID_TOKEN);

        IOException thrown = assertThrows(IOException.class, () -> clientWith(tokens).newCall(get()).execute());

        assertSame(failure, thrown.getCause());
        assertNoSecretIn(thrown, T1);
        assertEquals(List.of("Bearer " + T1), authorizationsReceived());
        assertEquals(List.of(T1), tokens.invalidated());
    }

    @Test
    void asyncCallGetsTheLoginFailureAsItsIOException() throws Exception {
        UpstoxApiException failure = loginFailure();
        CompletableFuture<IOException> failed = new CompletableFuture<>();

        clientWith(FakeTokenService.failing(failure)).newCall(get()).enqueue(new Callback() {
            @Override
            public void onFailure(Call call, IOException e) {
                failed.complete(e);
            }

            @Override
            public void onResponse(Call call, Response response) {
                response.close();
                failed.completeExceptionally(new AssertionError("expected a failure, got " + response.code()));
            }
        });

        assertSame(failure, failed.get(10, TimeUnit.SECONDS).getCause());
    }

    @Test
    void tokenNeverAppearsInLogsOrMessages() throws IOException {
        String output = capturingOutput(() -> {
            answer(T1, 401, INVALID_TOKEN);
            answer(T2, 401, INVALID_TOKEN);
            try (Response response = clientWith(FakeTokenService.handingOut(T1, T2)).newCall(get()).execute()) {
                assertEquals(401, response.code());
            }
            try (Response response = clientWith(FakeTokenService.handingOut(T1)).newCall(get()).execute()) {
                assertEquals(401, response.code());
            }
            IOException thrown = assertThrows(IOException.class,
                    () -> clientWith(FakeTokenService.thenFailing(T1, loginFailure())).newCall(get()).execute());
            assertNoSecretIn(thrown, T1, T2);
        });

        assertTrue(output.contains("sending the call once more with a new token"), "DEBUG output was captured:\n" + output);
        assertFalse(output.contains(T1), output);
        assertFalse(output.contains(T2), output);
        assertFalse(new UpstoxBearerInterceptor(FakeTokenService.handingOut(T1)).toString().contains(T1));
    }

    @Test
    void addedAsNetworkInterceptorItRefusesToRun() {
        FakeTokenService tokens = FakeTokenService.handingOut(T1);
        answer(T1, 200, "{}");
        OkHttpClient client = new OkHttpClient.Builder().addNetworkInterceptor(new UpstoxBearerInterceptor(tokens)).build();
        clients.add(client);

        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> client.newCall(get()).execute());

        assertTrue(thrown.getMessage().contains("addInterceptor"), thrown.getMessage());
        assertEquals(List.of(), authorizationsReceived());
    }

    @Test
    void loginPortOverAnAuthorizedClientSendsNoTokenAndNeverAsksForOne() {
        FakeTokenService tokens = FakeTokenService.handingOut(T1);
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
        OkHttpClient authorized = clientWith(tokens).newBuilder()
                .addNetworkInterceptor(chain -> chain.proceed(chain.request()))
                .build();

        try (HttpPort port = new OkHttpPort(authorized)) {
            assertEquals(200, port.execute(HttpRequest.get(URI.create(url())).build()).status());
        }

        assertEquals(List.of("<none>"), authorizationsReceived());
        assertEquals(0, tokens.logins());
    }

    @Test
    void tokenServiceIsRequired() {
        assertThrows(NullPointerException.class, () -> new UpstoxBearerInterceptor(null));
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

package io.github.upstoxtotp.examples.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.matching.MatchResult;
import com.github.tomakehurst.wiremock.matching.ValueMatcher;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.upstox.ApiClient;
import com.upstox.ApiException;
import com.upstox.api.ProfileData;
import io.github.upstoxtotp.UpstoxTotp;
import io.github.upstoxtotp.error.UpstoxApiException;
import io.github.upstoxtotp.examples.sandbox.SandboxServer;
import io.github.upstoxtotp.http.okhttp.OkHttpPort;
import io.github.upstoxtotp.json.jackson.JacksonJsonPort;
import io.github.upstoxtotp.port.HttpPort;
import io.github.upstoxtotp.port.JsonPort;
import io.github.upstoxtotp.testing.SimulatedAccount;
import io.github.upstoxtotp.testing.SimulatedUpstox;
import io.github.upstoxtotp.testing.SimulatorEndpoint;
import io.github.upstoxtotp.token.TokenService;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The official Upstox SDK through {@link UpstoxSdkAuth}: WireMock plays the Upstox API
 * ({@code GET /v2/user/profile}), the tokens come from real logins against the sandbox over HTTP
 * (OkHttp 4 for the login, the SDK's OkHttp 2 for the API call, side by side). The simulator and
 * the client share one clock, which a test can move forward to make a token run out of time.
 */
class UpstoxSdkAuthTest {
    private static final String PROFILE = "/v2/user/profile";
    private static final String PROFILE_BODY = "{\"status\":\"success\",\"data\":{\"email\":\"demo@example.com\","
            + "\"exchanges\":[\"NSE\",\"BSE\"],\"products\":[\"D\",\"I\"],\"broker\":\"UPSTOX\",\"user_id\":\"DEMO01\","
            + "\"user_name\":\"Demo Trader\",\"order_types\":[\"MARKET\",\"LIMIT\"],\"user_type\":\"individual\","
            + "\"poa\":false,\"is_active\":true}}";
    /** What Upstox answers for a token it no longer accepts. */
    private static final String INVALID_TOKEN_BODY = "{\"status\":\"error\",\"errors\":[{\"errorCode\":\"UDAPI100050\","
            + "\"message\":\"Invalid token used to access API\",\"propertyPath\":null,\"invalidValue\":null,"
            + "\"error_code\":\"UDAPI100050\",\"property_path\":null,\"invalid_value\":null}]}";
    private static final String OTHER_401_BODY = "{\"status\":\"error\",\"errors\":[{\"errorCode\":\"UDAPI100016\","
            + "\"message\":\"Invalid Credentials\"}]}";

    private static WireMockServer api;

    private SandboxServer sandbox;
    private SimulatedUpstox sim;
    private HttpPort http;
    private UpstoxTotp upstox;
    private TokenService tokens;
    private ApiClient sdk;

    /** How far the shared clock is ahead of real time: moving it ages every token. */
    private final AtomicReference<Duration> ahead = new AtomicReference<>(Duration.ZERO);
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(ahead.get());
        }
    };

    @BeforeAll
    static void startApi() {
        api = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().containerThreads(32));
        api.start();
    }

    @AfterAll
    static void stopApi() {
        api.stop();
    }

    @BeforeEach
    void setUp() {
        api.resetAll();
        JsonPort json = new JacksonJsonPort();
        // Sandbox.start(..) with the test's clock, so that a token can be made to run out of time
        sandbox = SandboxServer.start((apiBase, serviceBase) -> SimulatedUpstox.builder(json)
                .apiBaseUrl(apiBase.toString()).serviceBaseUrl(serviceBase.toString()).clock(clock).build());
        sim = (SimulatedUpstox) sandbox.backend();
        http = new OkHttpPort();
        upstox = UpstoxTotp.builder().config(sim.configFor(SimulatedAccount.DEMO).build())
                .http(http).json(json).clock(clock).build();
        tokens = upstox.tokenService();
        sdk = SdkExample.apiClient(tokens, api.baseUrl());
    }

    @AfterEach
    void tearDown() {
        upstox.close();
        http.close();
        sandbox.close();
    }

    @Test
    void theSdkCallCarriesTheTokenOfTheTokenService() throws Exception {
        servesValidTokensOnly();

        ProfileData me = SdkExample.profile(sdk);

        assertEquals("DEMO01", me.getUserId());
        assertEquals("Demo Trader", me.getUserName());
        List<String> sent = bearerTokensSent();
        assertEquals(List.of(tokens.cached().orElseThrow().value()), sent);
        assertTrue(sim.isValidAccessToken(sent.get(0)), "a token the login service issued");
        assertEquals("2.0", api.getAllServeEvents().get(0).getRequest().getHeader("Api-Version"));
        assertEquals(1, logins());
    }

    @Test
    void laterCallsReuseTheCachedTokenWithoutLoggingInAgain() throws Exception {
        servesValidTokensOnly();

        for (int i = 0; i < 3; i++) {
            SdkExample.profile(sdk);
        }

        assertEquals(1, bearerTokensSent().stream().distinct().count());
        assertEquals(1, logins());
    }

    @Test
    void aTokenThatRunsOutOfTimeMidRunIsReplacedBeforeTheCallWithoutA401() throws Exception {
        servesValidTokensOnly();
        SdkExample.profile(sdk);

        ahead.set(Duration.ofDays(1)); // past 03:30 IST: the first token is dead for both sides
        ProfileData me = SdkExample.profile(sdk);

        assertEquals("DEMO01", me.getUserId());
        assertEquals(2, logins());
        List<String> sent = bearerTokensSent();
        assertEquals(2, sent.size(), "no call was refused, so none was sent twice");
        assertNotEquals(sent.get(0), sent.get(1));
        assertTrue(sim.isValidAccessToken(sent.get(1)));
    }

    @Test
    void aTokenRejectedMidRunIsReplacedByOneNewLoginAndTheCallIsSentOnceMore() throws Exception {
        // the first token dies on the server's side: the first call is refused, later ones served
        api.stubFor(profile().inScenario("token").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(401, INVALID_TOKEN_BODY)).willSetStateTo("renewed"));
        api.stubFor(profile().inScenario("token").whenScenarioStateIs("renewed")
                .willReturn(json(200, PROFILE_BODY)));

        ProfileData me = SdkExample.profile(sdk);

        assertEquals("DEMO01", me.getUserId());
        assertEquals(2, logins());
        List<String> sent = bearerTokensSent();
        assertEquals(2, sent.size(), "two API calls");
        assertNotEquals(sent.get(0), sent.get(1), "the retry carries the new token");
        assertTrue(sim.isValidAccessToken(sent.get(1)));
        assertEquals(sent.get(1), tokens.cached().orElseThrow().value(), "the new token is the cached one");
    }

    @Test
    void aSecondRejectionGoesBackToTheCallerInsteadOfLooping() throws Exception {
        api.stubFor(profile().willReturn(json(401, INVALID_TOKEN_BODY)));

        ApiException e = assertThrows(ApiException.class, () -> SdkExample.profile(sdk));

        assertEquals(401, e.getCode());
        assertTrue(e.getResponseBody().contains("UDAPI100050"), "the SDK still reads the whole body");
        assertEquals(2, bearerTokensSent().size(), "the first attempt and one retry, no more");
        assertEquals(2, logins());
    }

    @Test
    void a401ForAnotherReasonIsNotRetried() {
        api.stubFor(profile().willReturn(json(401, OTHER_401_BODY)));

        ApiException e = assertThrows(ApiException.class, () -> SdkExample.profile(sdk));

        assertEquals(401, e.getCode());
        assertEquals(OTHER_401_BODY, e.getResponseBody());
        assertEquals(1, bearerTokensSent().size());
        assertEquals(1, logins());
        assertTrue(tokens.cached().isPresent(), "the token was not dropped");
    }

    @Test
    void otherErrorsReachTheSdkUntouched() {
        api.stubFor(profile().willReturn(json(500, "{\"status\":\"error\",\"errors\":[{\"errorCode\":\"UDAPI100500\"}]}")));

        ApiException e = assertThrows(ApiException.class, () -> SdkExample.profile(sdk));

        assertEquals(500, e.getCode());
        assertEquals(1, bearerTokensSent().size());
        assertEquals(1, logins());
    }

    @Test
    void manyCallsRejectedTogetherShareOneNewLogin() throws Exception {
        String first = tokens.accessToken().value();
        // the old token is refused (slowly, so that the calls are all in flight with it together),
        // any other one served
        api.stubFor(profile().atPriority(1).withHeader("Authorization", equalTo("Bearer " + first))
                .willReturn(json(401, INVALID_TOKEN_BODY).withFixedDelay(300)));
        api.stubFor(profile().atPriority(2).willReturn(json(200, PROFILE_BODY)));
        int callers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Callable<ProfileData>> calls = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                calls.add(() -> {
                    start.await();
                    return SdkExample.profile(sdk);
                });
            }
            List<Future<ProfileData>> results = new ArrayList<>();
            for (Callable<ProfileData> c : calls) {
                results.add(pool.submit(c));
            }
            start.countDown();
            for (Future<ProfileData> f : results) {
                assertEquals("DEMO01", f.get(30, TimeUnit.SECONDS).getUserId());
            }
        } finally {
            pool.shutdownNow();
        }

        assertEquals(2, logins(), "one login at the start, one shared by every rejected call");
        List<String> sent = bearerTokensSent();
        long rejected = sent.stream().filter(first::equals).count();
        assertTrue(rejected >= 2, "several calls were refused together: " + rejected);
        assertEquals(callers + rejected, sent.size(), "each refused call was sent once more, and only once");
        assertEquals(2, sent.stream().distinct().count(), "the old token and one new one");
    }

    @Test
    void whenTheLoginFailsTheSdkCallFailsWithTheLibrarysReasonAndNeverReachesTheApi() {
        api.stubFor(profile().willReturn(json(200, PROFILE_BODY)));
        sim.lockAccount(SimulatedAccount.DEMO.mobileNumber());

        ApiException e = assertThrows(ApiException.class, () -> SdkExample.profile(sdk));

        IOException io = assertInstanceOf(IOException.class, e.getCause());
        assertInstanceOf(UpstoxApiException.class, io.getCause());
        assertEquals(0, api.getAllServeEvents().size());
    }

    @Test
    void whenTheNewLoginFailsAfterARejectionTheCallFailsWithTheLibrarysReason() {
        api.stubFor(profile().willReturn(json(401, INVALID_TOKEN_BODY)));
        tokens.accessToken();
        sim.lockAccount(SimulatedAccount.DEMO.mobileNumber()); // the next login will be refused

        ApiException e = assertThrows(ApiException.class, () -> SdkExample.profile(sdk));

        IOException io = assertInstanceOf(IOException.class, e.getCause());
        assertInstanceOf(UpstoxApiException.class, io.getCause());
        assertEquals(1, bearerTokensSent().size(), "nothing to send a second time with");
        assertTrue(tokens.cached().isEmpty(), "the rejected token was dropped");
    }

    @Test
    void theTokenNeverAppearsInWhatTheCallerSees() {
        api.stubFor(profile().willReturn(json(401, INVALID_TOKEN_BODY)));

        ApiException e = assertThrows(ApiException.class, () -> SdkExample.profile(sdk));

        String token = tokens.accessToken().value();
        String seen = e + " " + e.getMessage() + " " + e.getResponseHeaders() + " " + e.getResponseBody();
        assertFalse(seen.contains(token));
        bearerTokensSent().forEach(t -> assertFalse(seen.contains(t)));
    }

    /** The API as Upstox runs it: the profile for a token the login service issued and is still good, else 401. */
    private void servesValidTokensOnly() {
        ValueMatcher<Request> validToken = request -> {
            String h = request.getHeader("Authorization");
            return MatchResult.of(h != null && h.startsWith("Bearer ") && sim.isValidAccessToken(h.substring(7)));
        };
        api.stubFor(profile().atPriority(1).andMatching(validToken).willReturn(json(200, PROFILE_BODY)));
        api.stubFor(profile().atPriority(2).willReturn(json(401, INVALID_TOKEN_BODY)));
    }

    private static MappingBuilder profile() {
        return get(urlPathEqualTo(PROFILE));
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    /** The bearer tokens the API received, oldest first. */
    private static List<String> bearerTokensSent() {
        List<LoggedRequest> requests = api.findAll(getRequestedFor(urlPathEqualTo(PROFILE)));
        return requests.stream()
                .map(r -> r.getHeader("Authorization"))
                .peek(h -> assertTrue(h != null && h.startsWith("Bearer "), "every call is authorized"))
                .map(h -> h.substring("Bearer ".length()))
                .collect(Collectors.toList());
    }

    /** Full logins the sandbox has seen: each ends with one token exchange. */
    private long logins() {
        return sim.requestCount(SimulatorEndpoint.TOKEN_EXCHANGE);
    }
}

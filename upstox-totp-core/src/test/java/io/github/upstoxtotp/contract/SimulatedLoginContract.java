package io.github.upstoxtotp.contract;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.util.Modules;
import io.github.upstoxtotp.UpstoxTotp;
import io.github.upstoxtotp.config.UpstoxTotpConfig;
import io.github.upstoxtotp.error.LoginStep;
import io.github.upstoxtotp.error.UpstoxApiException;
import io.github.upstoxtotp.inject.UpstoxTotpModule;
import io.github.upstoxtotp.model.AccessToken;
import io.github.upstoxtotp.model.AccessTokenData;
import io.github.upstoxtotp.model.ApiResponse;
import io.github.upstoxtotp.model.OtpGeneration;
import io.github.upstoxtotp.port.HttpPort;
import io.github.upstoxtotp.port.JsonPort;
import io.github.upstoxtotp.testing.MutableClock;
import io.github.upstoxtotp.testing.SimulatedAccount;
import io.github.upstoxtotp.testing.SimulatedUpstox;
import io.github.upstoxtotp.testing.SimulatorEndpoint;
import io.github.upstoxtotp.token.TokenExpiry;
import io.github.upstoxtotp.token.TokenService;
import io.github.upstoxtotp.totp.TotpGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Full logins through the public API against the in-memory simulator, for one JSON codec:
 * each JSON adapter module runs it by naming its {@link JsonPort}. (Core's own tests have no
 * JSON library, so the end-to-end proof of the core lives here and runs in the adapters.)
 */
public abstract class SimulatedLoginContract {
    /** 09:30 IST: the token expires at 03:30 IST tomorrow = 22:00 UTC today. */
    private static final Instant NOW = Instant.parse("2026-11-23T04:00:00Z");
    private static final String WRONG_PIN = "654321";

    protected abstract JsonPort createJson();

    private final MutableClock clock = new MutableClock(NOW);

    private JsonPort json;
    private SimulatedUpstox sim;
    private final List<AutoCloseable> closeMe = new ArrayList<>();

    @BeforeEach
    void startSimulator() {
        json = createJson();
        sim = SimulatedUpstox.builder(json).clock(clock).build();
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closeMe) {
            c.close();
        }
    }

    private UpstoxTotp client(UpstoxTotpConfig config) {
        UpstoxTotp c = UpstoxTotp.builder().config(config).http(sim).json(json).clock(clock).build();
        closeMe.add(c);
        return c;
    }

    private UpstoxTotp demoClient() {
        return client(sim.configFor(SimulatedAccount.DEMO).build());
    }

    @Test
    void aFullLoginReturnsATokenTheServiceAccepts() {
        AccessToken token = demoClient().accessToken();
        assertTrue(sim.isValidAccessToken(token.value()));
        assertEquals("DEMO01", token.userId());
        for (SimulatorEndpoint step : List.of(SimulatorEndpoint.AUTHORIZATION_DIALOG, SimulatorEndpoint.OTP_GENERATE,
                SimulatorEndpoint.TOTP_VERIFY, SimulatorEndpoint.PIN_2FA, SimulatorEndpoint.OAUTH_AUTHORIZE,
                SimulatorEndpoint.TOKEN_EXCHANGE)) {
            assertEquals(1, sim.requestCount(step), step.name());
        }
    }

    @Test
    void theTokenExpiresAtItsJwtExpWhichIsTheNext0330Ist() {
        AccessToken token = demoClient().accessToken();
        assertEquals(Instant.parse("2026-11-23T22:00:00Z"), token.expiresAt());
        assertEquals(TokenExpiry.dailyExpiry(NOW), token.expiresAt());
        assertEquals(NOW, token.issuedAt());
    }

    @Test
    void aSecondCallIsServedFromTheCacheWithoutTheNetwork() {
        UpstoxTotp client = demoClient();
        AccessToken first = client.accessToken();
        long requests = sim.totalRequestCount();
        assertSame(first, client.accessToken());
        assertSame(first, client.tokenService().cached().orElseThrow());
        assertEquals(requests, sim.totalRequestCount());
    }

    @Test
    void anExpiredTokenCausesExactlyOneNewLogin() {
        UpstoxTotp client = demoClient();
        AccessToken first = client.accessToken();
        clock.set(Instant.parse("2026-11-23T22:30:00Z")); // 04:00 IST next day: yesterday's token is dead
        assertTrue(client.tokenService().cached().isEmpty());
        AccessToken second = client.accessToken();
        assertNotEquals(first.value(), second.value());
        assertSame(second, client.accessToken());
        assertEquals(2, sim.requestCount(SimulatorEndpoint.PIN_2FA));
    }

    @Test
    void concurrentCallersShareOneLogin() throws Exception {
        UpstoxTotp client = demoClient();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<AccessToken>> calls = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                calls.add(client::accessToken);
            }
            Set<String> tokens = new java.util.HashSet<>();
            for (Future<AccessToken> f : pool.invokeAll(calls)) {
                tokens.add(f.get().value());
            }
            assertEquals(1, tokens.size());
            assertEquals(1, sim.requestCount(SimulatorEndpoint.PIN_2FA));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theStepApiRunsOnlyTheStepsAskedFor() {
        UpstoxTotp client = demoClient();
        ApiResponse<OtpGeneration> otp = client.appToken().generateOtp();
        assertTrue(otp.success());
        assertEquals(1, sim.requestCount(SimulatorEndpoint.OTP_GENERATE));
        assertEquals(0, sim.requestCount(SimulatorEndpoint.TOTP_VERIFY));

        assertTrue(client.appToken().validateOtp().success());
        assertEquals(1, sim.requestCount(SimulatorEndpoint.TOTP_VERIFY));
        assertEquals(0, sim.requestCount(SimulatorEndpoint.PIN_2FA));

        ApiResponse<AccessTokenData> token = client.appToken().accessToken();
        assertTrue(sim.isValidAccessToken(token.data().accessToken()));
        assertEquals(1, sim.requestCount(SimulatorEndpoint.OTP_GENERATE), "earlier steps are not repeated");
        assertSame(token, client.appToken().accessToken(), "a finished step answers from memory");
    }

    @Test
    void aWrongPinIsSentOnceAndNeverAgainUntilTheUserResetsTheSession() {
        UpstoxTotp client = client(sim.configFor(SimulatedAccount.DEMO).pinCode(WRONG_PIN).build());
        UpstoxApiException first = assertThrows(UpstoxApiException.class, client::accessToken);
        assertEquals(LoginStep.PIN_2FA, first.step());
        assertEquals("1017106", first.code().orElseThrow());
        assertTrue(first.tip().orElseThrow().contains("lock"), first.tip().orElseThrow());
        assertEquals(1, sim.requestCount(SimulatorEndpoint.PIN_2FA));

        UpstoxApiException again = assertThrows(UpstoxApiException.class, client::accessToken);
        assertSame(first, again);
        assertThrows(UpstoxApiException.class, () -> client.tokenService().refresh());
        assertEquals(1, sim.requestCount(SimulatorEndpoint.PIN_2FA), "a rejected PIN is never re-sent");
        assertEquals(1, sim.requestCount(SimulatorEndpoint.AUTHORIZATION_DIALOG), "nothing is sent at all");

        client.resetSession();
        assertThrows(UpstoxApiException.class, client::accessToken);
        assertEquals(2, sim.requestCount(SimulatorEndpoint.PIN_2FA));
        assertEquals(2, sim.wrongPinCount(SimulatedAccount.DEMO.mobileNumber()));
    }

    @Test
    void noSecretAppearsInMessagesOrToString() {
        UpstoxTotp good = demoClient();
        AccessToken token = good.accessToken();
        UpstoxTotp bad = client(sim.configFor(SimulatedAccount.DEMO).pinCode(WRONG_PIN).build());
        UpstoxApiException failure = assertThrows(UpstoxApiException.class, bad::accessToken);
        String everything = String.join("\n", good.toString(), good.config().toString(), token.toString(),
                good.lastTokenData().orElseThrow().toString(), failure.getMessage(), String.valueOf(failure.tip()),
                bad.config().toString(), good.appToken().state().toString());
        for (String secret : List.of(SimulatedAccount.DEMO.pin(), WRONG_PIN, SimulatedAccount.DEMO.totpSecret(),
                SimulatedAccount.DEMO.clientSecret(), token.value(), good.currentTotp(),
                java.util.Base64.getEncoder().encodeToString(WRONG_PIN.getBytes(java.nio.charset.StandardCharsets.UTF_8)))) {
            assertFalse(everything.contains(secret), "a secret leaked into: " + everything.replace(secret, "<LEAK>"));
        }
    }

    @Test
    void theRequestIdIsOnePerClientAndWellFormed() {
        UpstoxTotp client = demoClient();
        assertTrue(client.requestId().matches("WPRO-[A-Za-z0-9]{10}"), client.requestId());
        assertEquals(client.requestId(), client.requestId());
        assertNotEquals(client.requestId(), demoClient().requestId());
    }

    @Test
    void currentTotpIsTheCodeForNow() {
        String expected = TotpGenerator.forBase32Secret(SimulatedAccount.DEMO.totpSecret().toCharArray()).generate(NOW);
        assertEquals(expected, demoClient().currentTotp());
    }

    @Test
    void toJsonLeavesTokensOutUnlessAsked() {
        UpstoxTotp client = demoClient();
        AccessToken token = client.accessToken();
        AccessTokenData data = client.lastTokenData().orElseThrow();
        String safe = client.toJson(data, false);
        String full = client.toJson(data, true);
        assertFalse(safe.contains(token.value()), safe);
        assertTrue(safe.contains("DEMO01"), safe);
        assertTrue(full.contains(token.value()));
        assertTrue(full.contains("\"access_token\""), full);
    }

    @Test
    void theClientExposesItsPorts() {
        UpstoxTotp client = demoClient();
        assertSame(sim, client.http());
        assertSame(json, client.json());
    }

    @Test
    void guiceInjectsOneSharedTokenService() {
        UpstoxTotpConfig config = sim.configFor(SimulatedAccount.DEMO).build();
        // the simulator runs on the test's clock; so must the client
        Injector injector = Guice.createInjector(Modules.override(new UpstoxTotpModule(config, sim, json))
                .with(binder -> binder.bind(Clock.class).toInstance(clock)));
        TokenService tokens = injector.getInstance(TokenService.class);
        assertSame(tokens, injector.getInstance(TokenService.class));
        assertSame(injector.getInstance(UpstoxTotp.class).tokenService(), tokens);
        closeMe.add(injector.getInstance(UpstoxTotp.class));
        assertTrue(sim.isValidAccessToken(tokens.accessToken().value()));
    }

    @Test
    void guiceBindingsCanBeOverriddenToSwapTheTransport() {
        UpstoxTotpConfig config = sim.configFor(SimulatedAccount.DEMO).build();
        Injector injector = Guice.createInjector(Modules.override(new UpstoxTotpModule(config)).with(binder -> {
            binder.bind(HttpPort.class).toInstance(sim);
            binder.bind(JsonPort.class).toInstance(json);
            binder.bind(Clock.class).toInstance(clock);
        }));
        UpstoxTotp client = injector.getInstance(UpstoxTotp.class);
        closeMe.add(client);
        assertSame(sim, client.http());
        assertTrue(sim.isValidAccessToken(client.accessToken().value()));
        assertEquals(1, sim.requestCount(SimulatorEndpoint.TOKEN_EXCHANGE));
    }

    @Test
    void aTokenServiceSurvivesBeingAskedAfterAFailedTransientLogin() {
        UpstoxTotp client = demoClient();
        sim.failNext(SimulatorEndpoint.OAUTH_AUTHORIZE, io.github.upstoxtotp.port.HttpResponse.of(503,
                io.github.upstoxtotp.port.HttpHeaders.of("content-type", "text/html"), "<html>busy</html>"));
        assertThrows(io.github.upstoxtotp.error.UpstoxTotpException.class, client::accessToken);
        assertTrue(sim.isValidAccessToken(client.accessToken().value()), "the next call logs in again");
        assertEquals(Duration.ZERO, client.config().sleepTime());
    }

    @Test
    void threeFailedLoginsInTenMinutesRefuseAFourthSoOtpGenerationIsNotBlocked() {
        UpstoxTotp client = demoClient();
        for (int i = 0; i < 3; i++) {
            sim.failNext(SimulatorEndpoint.OAUTH_AUTHORIZE, io.github.upstoxtotp.port.HttpResponse.of(503,
                    io.github.upstoxtotp.port.HttpHeaders.of("content-type", "text/html"), "<html>busy</html>"));
            assertThrows(io.github.upstoxtotp.error.UpstoxTotpException.class, client::accessToken);
        }
        assertThrows(io.github.upstoxtotp.error.LoginRefusedException.class, client::accessToken);
        assertEquals(3, sim.requestCount(SimulatorEndpoint.OTP_GENERATE), "the refused login requested no OTP");

        clock.set(NOW.plus(Duration.ofMinutes(11)));
        assertTrue(sim.isValidAccessToken(client.accessToken().value()), "allowed again once the window passed");
    }

    @Test
    void debugLogsEveryStepAtInfoAndNoSecret() {
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        java.io.PrintStream stderr = System.err;
        AccessToken token;
        UpstoxTotp client = client(sim.configFor(SimulatedAccount.DEMO).debug(true).build());
        System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            token = client.accessToken();
        } finally {
            System.setErr(stderr);
        }
        String log = captured.toString(java.nio.charset.StandardCharsets.UTF_8);
        // slf4j-simple (the test binding) writes to System.err at INFO and above by default
        assertTrue(log.contains("login step 1/6 authorization dialog started"), log);
        assertTrue(log.contains("login step 6/6 token exchange ok"), log);
        for (String secret : List.of(SimulatedAccount.DEMO.pin(), SimulatedAccount.DEMO.totpSecret(),
                SimulatedAccount.DEMO.clientSecret(), token.value())) {
            assertFalse(log.contains(secret), "a secret leaked into the debug log");
        }
    }
}

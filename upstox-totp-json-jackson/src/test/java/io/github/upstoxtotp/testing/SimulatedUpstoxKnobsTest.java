package io.github.upstoxtotp.testing;

import io.github.upstoxtotp.port.HttpHeaders;
import io.github.upstoxtotp.port.HttpResponse;
import io.github.upstoxtotp.port.TransportException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.github.upstoxtotp.testing.SimClient.b64;
import static io.github.upstoxtotp.testing.SimClient.loginError;
import static io.github.upstoxtotp.testing.SimClient.ok;
import static io.github.upstoxtotp.testing.SimClient.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Counters, the request log, injected failures, lock/reset, configured bases, concurrency. */
class SimulatedUpstoxKnobsTest {
    static final SimulatedAccount DEMO = SimulatedAccount.DEMO;

    MutableClock clock = new MutableClock(Instant.parse("2026-03-10T10:00:00Z"));
    SimulatedUpstox sim = SimulatedUpstox.builder(SimClient.JSON).clock(clock).build();
    SimClient client = new SimClient(sim);

    @Test
    void requestLogHoldsNoSecrets() {
        client.login(DEMO, clock);
        List<SimulatedRequest> log = sim.requests();
        assertEquals(7, log.size());
        for (SimulatedRequest r : log) {
            String all = r.toString() + r.headers().fields();
            assertFalse(all.contains("sim_session="), all);
            assertFalse(all.contains("sandbox-secret"));
            assertFalse(all.contains("MTIzNDU2"));
            assertFalse(r.path().contains("?"));
        }
        SimulatedRequest pin = sim.requests(SimulatorEndpoint.PIN_2FA).get(0);
        assertEquals("POST", pin.method());
        assertEquals("/login/open/v3/auth/2fa", pin.path());
        assertFalse(pin.headers().all("Cookie").isEmpty());
        assertTrue(pin.headers().all("Cookie").stream().allMatch("<not logged>"::equals));
        assertEquals(client.requestId, pin.headers().first("x-request-id").orElseThrow());
        assertEquals(200, pin.status());
    }

    @Test
    void injectedResponseReplacesTheStep() {
        HttpResponse teapot = new HttpResponse(503, HttpHeaders.of("Retry-After", "1"), new byte[0]);
        sim.failNext(SimulatorEndpoint.OTP_GENERATE, teapot);
        String userId = client.resolveDialog(DEMO).get("user_id");
        assertSame(teapot, client.otpGenerate(DEMO.mobileNumber(), userId));
        ok(client.otpGenerate(DEMO.mobileNumber(), userId)); // once only
        assertEquals(2, sim.requestCount(SimulatorEndpoint.OTP_GENERATE));
        assertTrue(sim.requests(SimulatorEndpoint.OTP_GENERATE).get(0).injected());
    }

    @Test
    void injectedConnectFailureNeverReachesTheServer() {
        client.throughTotp(DEMO, clock);
        TransportException refused = new TransportException(TransportException.Kind.CONNECT, "refused");
        sim.failNextWith(SimulatorEndpoint.PIN_2FA, refused);
        assertSame(refused, assertThrows(TransportException.class, () -> client.pin(DEMO.clientId(), b64("000000"))));
        assertEquals(0, sim.requestCount(SimulatorEndpoint.PIN_2FA));
        assertEquals(0, sim.wrongPinCount(DEMO.mobileNumber()));
        ok(client.pin(DEMO.clientId(), b64("123456")));
    }

    @Test
    void injectedTimeoutLosesTheAnswerButTheServerActed() {
        String code = client.throughAuthorize(DEMO, clock);
        sim.failNextWith(SimulatorEndpoint.TOKEN_EXCHANGE, new TransportException(TransportException.Kind.TIMEOUT, "read timed out"));
        assertThrows(TransportException.class, () -> client.token(DEMO, code, DEMO.clientSecret()));
        assertEquals(1, sim.requestCount(SimulatorEndpoint.TOKEN_EXCHANGE));
        HttpResponse retry = client.token(DEMO, code, DEMO.clientSecret());
        assertEquals("UDAPI100016", SimClient.apiError(retry), "the code was spent by the request whose answer was lost");
    }

    @Test
    void lockAccountAndReset() {
        sim.lockAccount(DEMO.mobileNumber());
        client.throughTotp(DEMO, clock);
        assertEquals("1017107", loginError(client.pin(DEMO.clientId(), b64("123456"))));
        sim.failNext(SimulatorEndpoint.AUTHORIZATION_DIALOG, new HttpResponse(500, HttpHeaders.empty(), null));
        sim.reset();
        assertFalse(sim.isLocked(DEMO.mobileNumber()));
        assertEquals(0, sim.totalRequestCount());
        assertTrue(sim.requests().isEmpty());
        // the old session is gone, the pending failure too
        assertEquals("1017016", loginError(client.pin(DEMO.clientId(), b64("123456"))));
        assertTrue(str(client.login(DEMO, clock), "access_token").contains("."));
        assertThrows(IllegalArgumentException.class, () -> sim.lockAccount("0000000000"));
    }

    @Test
    void sandboxBasesWithPortsAndPrefixes() {
        SimulatedUpstox s = SimulatedUpstox.builder(SimClient.JSON).clock(clock)
                .apiBaseUrl("http://127.0.0.1:18080/api/").serviceBaseUrl("http://127.0.0.1:18081/service").build();
        SimClient c = new SimClient(s, "http://127.0.0.1:18080/api", "http://127.0.0.1:18081/service");
        HttpResponse dialog = c.dialog(DEMO.clientId(), DEMO.redirectUri());
        assertTrue(dialog.header("Location").orElseThrow().startsWith("http://127.0.0.1:18080/api/"));
        assertFalse(dialog.headers().all("Set-Cookie").get(0).contains("Secure"), "no Secure cookie over http");
        assertTrue(s.isValidAccessToken(str(c.login(DEMO, clock), "access_token")));
        // the real hosts are not served by this one
        assertEquals(404, c.get("https://api.upstox.com/v2/login/authorization/dialog").status());
    }

    @Test
    void cookieDomainReachesTheServiceHost() {
        HttpResponse dialog = client.dialog(DEMO.clientId(), DEMO.redirectUri());
        String cookie = dialog.headers().all("Set-Cookie").get(0);
        assertTrue(cookie.contains("Domain=.upstox.com") && cookie.contains("Secure") && cookie.contains("HttpOnly"), cookie);
        assertThrows(IllegalArgumentException.class,
                () -> SimulatedUpstox.builder(SimClient.JSON).apiBaseUrl("http://localhost:1").serviceBaseUrl("http://127.0.0.1:2").build());
    }

    @Test
    void accountsMustNotClash() {
        SimulatedAccount sameMobile = DEMO.toBuilder().userId("OTHER1").build();
        assertThrows(IllegalArgumentException.class,
                () -> SimulatedUpstox.builder(SimClient.JSON).account(DEMO).account(sameMobile).build());
        SimulatedAccount sameClientOtherSecret = DEMO.toBuilder().mobileNumber("9999999998").clientSecret("x").build();
        assertThrows(IllegalArgumentException.class,
                () -> SimulatedUpstox.builder(SimClient.JSON).account(DEMO).account(sameClientOtherSecret).build());
        assertThrows(IllegalArgumentException.class, () -> DEMO.toBuilder().totpSecret("not base32!").build());
        assertFalse(DEMO.toString().contains("123456") || DEMO.toString().contains("JBSWY3DPEHPK3PXP")
                || DEMO.toString().contains("sandbox-secret"), DEMO.toString());
    }

    @Test
    void appBelongsToItsUser() {
        SimulatedAccount other = DEMO.toBuilder().mobileNumber("9000000001").userId("OTHER1")
                .clientId("other-client").clientSecret("other-secret").build();
        SimulatedUpstox s = SimulatedUpstox.builder(SimClient.JSON).clock(clock).account(DEMO).account(other).build();
        SimClient c = new SimClient(s);
        String userId = c.resolveDialog(DEMO).get("user_id");
        assertEquals("1017016", loginError(c.otpGenerate(other.mobileNumber(), userId)));
    }

    @Test
    void manyThreadsLogInConcurrently() throws Exception {
        int threads = 16;
        int loginsPerThread = 5;
        List<SimulatedAccount> accounts = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            accounts.add(DEMO.toBuilder().mobileNumber(String.format("90000000%02d", i)).userId("USER" + i).build());
        }
        SimulatedUpstox s = SimulatedUpstox.builder(SimClient.JSON).clock(clock).accounts(accounts).build();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<String>>> futures = new ArrayList<>();
            for (SimulatedAccount a : accounts) {
                futures.add(pool.submit(() -> {
                    List<String> tokens = new ArrayList<>();
                    for (int i = 0; i < loginsPerThread; i++) {
                        tokens.add(str(new SimClient(s).login(a, clock), "access_token"));
                    }
                    return tokens;
                }));
            }
            Set<String> tokens = new HashSet<>();
            for (Future<List<String>> f : futures) {
                tokens.addAll(f.get(60, TimeUnit.SECONDS));
            }
            assertEquals(threads * loginsPerThread, tokens.size(), "every login got its own token");
            assertTrue(tokens.stream().allMatch(s::isValidAccessToken));
            assertEquals(threads * loginsPerThread, s.requestCount(SimulatorEndpoint.TOKEN_EXCHANGE));
            assertEquals(threads * loginsPerThread * 7L, s.totalRequestCount());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentWrongPinsLockAfterExactlyFive() throws Exception {
        SimulatedUpstox s = SimulatedUpstox.builder(SimClient.JSON).clock(clock).otpRequestLimit(100).build();
        int sessions = 20;
        List<SimClient> clients = new ArrayList<>();
        for (int i = 0; i < sessions; i++) {
            SimClient c = new SimClient(s);
            c.throughTotp(DEMO, clock);
            clients.add(c);
        }
        ExecutorService pool = Executors.newFixedThreadPool(sessions);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<Future<String>> codes = new ArrayList<>();
            for (SimClient c : clients) {
                codes.add(pool.submit(() -> {
                    start.await();
                    return loginError(c.pin(DEMO.clientId(), b64("000000")));
                }));
            }
            start.countDown();
            int wrong = 0;
            int locked = 0;
            for (Future<String> f : codes) {
                String code = f.get(30, TimeUnit.SECONDS);
                wrong += "1017106".equals(code) ? 1 : 0;
                locked += "1017107".equals(code) ? 1 : 0;
            }
            assertEquals(5, wrong);
            assertEquals(sessions - 5, locked);
            assertTrue(s.isLocked(DEMO.mobileNumber()));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void servesTheConfiguredProtocol() {
        io.github.upstoxtotp.auth.LoginProtocol seed = io.github.upstoxtotp.auth.LoginProtocol.SEED;
        io.github.upstoxtotp.auth.LoginProtocol v5 = new io.github.upstoxtotp.auth.LoginProtocol("test-v5", seed.dialogPath(),
                seed.otpGeneratePath(), "/login/open/v5/auth/1fa/otp-totp/verify", seed.pinPath(), seed.oauthAuthorizePath(),
                seed.tokenPath(), seed.internalRedirectUri());
        SimulatedUpstox s = SimulatedUpstox.builder(SimClient.JSON).clock(clock).protocol(v5).build();
        assertEquals(v5, s.protocol());
        SimClient c = new SimClient(s);
        String userId = c.resolveDialog(DEMO).get("user_id");
        String token = str(SimClient.data(ok(c.otpGenerate(DEMO.mobileNumber(), userId))), "validateOTPToken");
        assertEquals(404, c.totpVerify(SimClient.totp(DEMO, clock), token).status());
        ok(c.postService(v5.totpVerifyPath(), io.github.upstoxtotp.port.JsonObject.builder()
                .put("otp", SimClient.totp(DEMO, clock)).put("validateOtpToken", token).build()));
    }
}

package io.github.upstoxtotp.testing;

import io.github.upstoxtotp.port.HttpResponse;
import io.github.upstoxtotp.port.JsonNull;
import io.github.upstoxtotp.port.JsonNumber;
import io.github.upstoxtotp.port.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static io.github.upstoxtotp.testing.SimClient.apiError;
import static io.github.upstoxtotp.testing.SimClient.b64;
import static io.github.upstoxtotp.testing.SimClient.data;
import static io.github.upstoxtotp.testing.SimClient.loginError;
import static io.github.upstoxtotp.testing.SimClient.loginMessage;
import static io.github.upstoxtotp.testing.SimClient.ok;
import static io.github.upstoxtotp.testing.SimClient.str;
import static io.github.upstoxtotp.testing.SimClient.totp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The six steps through the simulator: the happy path and each step's rejections. */
class SimulatedUpstoxTest {
    static final SimulatedAccount DEMO = SimulatedAccount.DEMO;

    MutableClock clock;
    SimulatedUpstox sim;
    SimClient client;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(Instant.parse("2026-03-10T10:00:00Z"));
        sim = SimulatedUpstox.builder(SimClient.JSON).clock(clock).build();
        client = new SimClient(sim);
    }

    @Test
    void happyPathThroughAllSixSteps() {
        // 1: dialog -> hop (two cookies) -> login page
        HttpResponse dialog = client.dialog(DEMO.clientId(), DEMO.redirectUri());
        assertEquals(302, dialog.status());
        assertEquals(2, dialog.headers().all("Set-Cookie").size());
        assertTrue(dialog.header("Location").orElseThrow().startsWith("https://api.upstox.com/"));
        HttpResponse hop = client.get(dialog.header("Location").orElseThrow());
        assertEquals(302, hop.status());
        URI page = URI.create(hop.header("Location").orElseThrow());
        assertEquals("login.upstox.com", page.getHost());
        Map<String, String> q = SimClient.query(page.getRawQuery());
        assertEquals(DEMO.clientId(), q.get("client_id"));
        assertEquals("individual", q.get("user_type"));
        String userId = q.get("user_id");
        assertNotNull(userId);

        // 2: OTP
        JsonObject otp = data(ok(client.otpGenerate(DEMO.mobileNumber(), userId)));
        String token = str(otp, "validateOTPToken");
        assertEquals(JsonObject.builder().put("isTotpEnabled", true).build().get("isTotpEnabled"), otp.get("isTotpEnabled"));
        assertTrue(otp.has("message") && otp.has("nextRequestInterval") && otp.has("userType"));

        // 3: TOTP
        JsonObject verified = data(ok(client.totpVerify(totp(DEMO, clock), token)));
        JsonObject profile = (JsonObject) verified.get("userProfile").orElseThrow();
        assertEquals(JsonNumber.of(1001), profile.get("profileId").orElseThrow());
        assertEquals("DEMO01", str(profile, "userId"));
        assertEquals("Demo", str(profile, "firstName"));
        assertEquals(JsonNull.INSTANCE, profile.get("avatarUrl").orElseThrow());

        // 4: PIN
        JsonObject pin = data(ok(client.pin(DEMO.clientId(), b64("123456"))));
        long refreshExpiry = ((JsonNumber) pin.get("refreshTokenExpiry").orElseThrow()).longValueExact();
        assertEquals(13, Long.toString(refreshExpiry).length());
        for (String f : new String[] {"userType", "customerStatus", "isPlusPlanFastWebsocketEnabled", "isNewRefreshTokenCreated",
                "isExternalClientOAuthApp"}) {
            assertTrue(pin.has(f), f);
        }

        // 5: authorize
        String redirect = str(data(ok(client.authorize(DEMO.clientId()))), "redirectUri");
        assertTrue(redirect.startsWith("http://127.0.0.1/callback?code="), redirect);
        String code = SimClient.query(URI.create(redirect).getRawQuery()).get("code");

        // 6: token
        HttpResponse tokenResp = client.token(DEMO, code, "sandbox-secret");
        assertEquals(200, tokenResp.status());
        JsonObject t = SimClient.body(tokenResp);
        assertFalse(t.has("success"), "bare object, no envelope");
        assertEquals("UPSTOX", str(t, "broker"));
        assertEquals("DEMO01", str(t, "user_id"));
        assertEquals("Demo Trader", str(t, "user_name"));
        assertEquals("demo@example.com", str(t, "email"));
        assertEquals(JsonNull.INSTANCE, t.get("extended_token").orElseThrow());
        assertTrue(sim.isValidAccessToken(str(t, "access_token")));
        for (SimulatorEndpoint e : SimulatorEndpoint.values()) {
            assertEquals(e == SimulatorEndpoint.UNKNOWN ? 0 : 1, sim.requestCount(e), e.name());
        }
        assertTrue(sim.requests().stream().allMatch(SimulatedRequest::succeeded));
    }

    @Test
    void dialogRejectsUnknownClientAndMismatchedRedirect() {
        HttpResponse unknown = client.dialog("nobody", DEMO.redirectUri());
        assertEquals(400, unknown.status());
        assertEquals("UDAPI100068", apiError(unknown));
        HttpResponse mismatch = client.dialog(DEMO.clientId(), "http://127.0.0.1/callback/");
        assertEquals("UDAPI100068", apiError(mismatch));
        assertTrue(mismatch.headers().all("Set-Cookie").isEmpty());
    }

    @Test
    void otpNeedsTheSessionCookie() {
        String userId = client.resolveDialog(DEMO).get("user_id");
        SimClient stranger = new SimClient(sim); // no cookies
        HttpResponse r = stranger.otpGenerate(DEMO.mobileNumber(), userId);
        assertEquals("1017016", loginError(r));
        HttpResponse forged = stranger.send(stranger.serviceRequest("/login/open/v6/auth/1fa/otp/generate")
                .header("Cookie", "sim_session=0123456789abcdef")
                .body("{\"data\":{\"mobileNumber\":\"9999999999\",\"userId\":\"" + userId + "\"}}"));
        assertEquals("1017016", loginError(forged));
    }

    @Test
    void otpNeedsTheUserIdAndAKnownMobile() {
        String userId = client.resolveDialog(DEMO).get("user_id");
        assertEquals("1017016", loginError(client.otpGenerate(DEMO.mobileNumber(), null)));
        assertEquals("1017016", loginError(client.otpGenerate(DEMO.mobileNumber(), "WRONG1")));
        assertEquals("1017016", loginError(client.otpGenerate("12345", userId)));
        assertEquals("1017016", loginError(client.otpGenerate("8888888888", userId)));
        ok(client.otpGenerate(DEMO.mobileNumber(), userId));
    }

    @Test
    void otpGenerationBlocksAfterTheLimitForTenMinutes() {
        String userId = client.resolveDialog(DEMO).get("user_id");
        for (int i = 0; i < 5; i++) {
            ok(client.otpGenerate(DEMO.mobileNumber(), userId));
            clock.advance(Duration.ofSeconds(30));
        }
        HttpResponse blocked = client.otpGenerate(DEMO.mobileNumber(), userId);
        assertEquals("1017069", loginError(blocked));
        assertTrue(sim.isOtpBlocked(DEMO.mobileNumber()));
        clock.advance(Duration.ofMinutes(9));
        assertEquals("1017069", loginError(client.otpGenerate(DEMO.mobileNumber(), userId)));
        clock.advance(Duration.ofMinutes(1));
        ok(client.otpGenerate(DEMO.mobileNumber(), userId));
    }

    @Test
    void otpWindowSlides() {
        SimulatedUpstox limited = SimulatedUpstox.builder(SimClient.JSON).clock(clock).otpRequestLimit(2).build();
        SimClient c = new SimClient(limited);
        String userId = c.resolveDialog(DEMO).get("user_id");
        ok(c.otpGenerate(DEMO.mobileNumber(), userId));
        clock.advance(Duration.ofMinutes(6));
        ok(c.otpGenerate(DEMO.mobileNumber(), userId));
        clock.advance(Duration.ofMinutes(5)); // the first request has left the 10-minute window
        ok(c.otpGenerate(DEMO.mobileNumber(), userId));
        assertEquals("1017069", loginError(c.otpGenerate(DEMO.mobileNumber(), userId)));
    }

    @Test
    void wrongTotpCountsDownAttempts() {
        String userId = client.resolveDialog(DEMO).get("user_id");
        String token = str(data(ok(client.otpGenerate(DEMO.mobileNumber(), userId))), "validateOTPToken");
        String wrong = totp(DEMO, clock).equals("000000") ? "111111" : "000000";
        HttpResponse first = client.totpVerify(wrong, token);
        assertEquals("1017034", loginError(first));
        assertEquals("Invalid OTP. 4 attempts left", loginMessage(first));
        assertTrue(loginMessage(client.totpVerify(wrong, token)).contains("3 attempts left"));
        // the real code still works with attempts left, one step of skew either way too
        clock.advance(Duration.ofSeconds(30));
        String previousStep = TotpAt.previous(DEMO, clock);
        ok(client.totpVerify(previousStep, token));
        // a verified token is spent
        assertEquals("1017016", loginError(client.totpVerify(totp(DEMO, clock), token)));
    }

    @Test
    void totpOutOfWindowOrAfterLastAttemptFails() {
        String userId = client.resolveDialog(DEMO).get("user_id");
        String token = str(data(ok(client.otpGenerate(DEMO.mobileNumber(), userId))), "validateOTPToken");
        String stale = totp(DEMO, clock);
        clock.advance(Duration.ofSeconds(90));
        assertEquals("1017034", loginError(client.totpVerify(stale, token)));
        for (int i = 0; i < 4; i++) {
            client.totpVerify("abcdef", token);
        }
        // out of attempts: the token is void, even the right code is refused
        assertEquals("1017016", loginError(client.totpVerify(totp(DEMO, clock), token)));
        assertEquals("1017016", loginError(client.totpVerify(totp(DEMO, clock), "not-the-token")));
    }

    @Test
    void wrongPinIs1017106() {
        client.throughTotp(DEMO, clock);
        HttpResponse r = client.pin(DEMO.clientId(), b64("654321"));
        assertEquals("1017106", loginError(r));
        assertEquals("You have entered an incorrect PIN", loginMessage(r));
        assertEquals(1, sim.wrongPinCount(DEMO.mobileNumber()));
        ok(client.pin(DEMO.clientId(), b64("123456")));
        assertEquals(0, sim.wrongPinCount(DEMO.mobileNumber()));
    }

    @Test
    void plainAndDoubleEncodedPinsAreWrong() {
        client.throughTotp(DEMO, clock);
        assertEquals("1017106", loginError(client.pin(DEMO.clientId(), "123456")));
        assertEquals("1017106", loginError(client.pin(DEMO.clientId(), b64(b64("123456")))));
        assertEquals("1017106", loginError(client.pin(DEMO.clientId(), "***")));
        assertEquals(3, sim.wrongPinCount(DEMO.mobileNumber()));
    }

    @Test
    void fiveWrongPinsLockTheAccountEvenForTheRightPin() {
        client.throughTotp(DEMO, clock);
        for (int i = 0; i < 5; i++) {
            assertEquals("1017106", loginError(client.pin(DEMO.clientId(), b64("000000"))));
        }
        assertTrue(sim.isLocked(DEMO.mobileNumber()));
        HttpResponse right = client.pin(DEMO.clientId(), b64("123456"));
        assertEquals("1017107", loginError(right));
        // a new session changes nothing: the lock is on the account
        SimClient other = new SimClient(sim);
        other.throughTotp(DEMO, clock);
        assertEquals("1017107", loginError(other.pin(DEMO.clientId(), b64("123456"))));
        sim.unlockAccount(DEMO.mobileNumber());
        ok(other.pin(DEMO.clientId(), b64("123456")));
    }

    @Test
    void stepsMustRunInOrderWithinOneSession() {
        String userId = client.resolveDialog(DEMO).get("user_id");
        assertEquals("1017016", loginError(client.pin(DEMO.clientId(), b64("123456"))));
        assertEquals("1017016", loginError(client.authorize(DEMO.clientId())));
        String token = str(data(ok(client.otpGenerate(DEMO.mobileNumber(), userId))), "validateOTPToken");
        ok(client.totpVerify(totp(DEMO, clock), token));
        assertEquals("1017016", loginError(client.authorize(DEMO.clientId())));
        assertEquals("1017016", loginError(client.pin("other-client", b64("123456"))));
        ok(client.pin(DEMO.clientId(), b64("123456")));
        ok(client.authorize(DEMO.clientId()));
    }

    @Test
    void loginServiceChecksHeaders() {
        String userId = client.resolveDialog(DEMO).get("user_id");
        String body = "{\"data\":{\"mobileNumber\":\"9999999999\",\"userId\":\"" + userId + "\"}}";
        String path = "/login/open/v6/auth/1fa/otp/generate";
        assertEquals("1017016", loginError(client.send(client.serviceRequest(path).removeHeader("x-request-id").body(body))));
        assertEquals("1017016", loginError(client.send(client.serviceRequest(path).setHeader("x-request-id", "WPRO-short").body(body))));
        assertEquals("1017016", loginError(client.send(client.serviceRequest(path).setHeader("x-request-id", "WPRO-abcdefghi!").body(body))));
        assertEquals("1017016", loginError(client.send(client.serviceRequest(path).removeHeader("content-type").body(body))));
        ok(client.send(client.serviceRequest(path).setHeader("content-type", "application/json; charset=utf-8").body(body)));
    }

    @Test
    void oauthNeedsTheRequestIdInTheQuery() {
        client.throughTotp(DEMO, clock);
        ok(client.pin(DEMO.clientId(), b64("123456")));
        HttpResponse r = client.postService("/login/v2/oauth/authorize?client_id=sandbox-client&redirect_uri="
                        + SimClient.enc(SimClient.INTERNAL) + "&requestId=WPRO-0000000000&response_type=code",
                JsonObject.builder().put("userOAuthApproval", true).build());
        assertEquals("1017016", loginError(r));
        HttpResponse refused = client.postService("/login/v2/oauth/authorize?client_id=sandbox-client&redirect_uri="
                        + SimClient.enc(SimClient.INTERNAL) + "&requestId=" + client.requestId + "&response_type=code",
                JsonObject.builder().put("userOAuthApproval", false).build());
        assertTrue(str(data(ok(refused)), "redirectUri").endsWith("?error=access_denied"));
    }

    @Test
    void errorsCanComeWithHttp200() {
        SimulatedUpstox lenient = SimulatedUpstox.builder(SimClient.JSON).clock(clock).errorsWithHttp200(true).build();
        SimClient c = new SimClient(lenient);
        HttpResponse r = c.dialog("nobody", DEMO.redirectUri());
        assertEquals(200, r.status());
        assertEquals("UDAPI100068", apiError(r));
        HttpResponse otp = c.otpGenerate(DEMO.mobileNumber(), "X");
        assertEquals(200, otp.status());
        assertEquals("1017016", loginError(otp));
    }

    /** The code of the step before the clock's, to exercise the ±1 window. */
    static final class TotpAt {
        static String previous(SimulatedAccount a, java.time.Clock clock) {
            return totp(a, java.time.Clock.fixed(clock.instant().minusSeconds(30), java.time.ZoneOffset.UTC));
        }
    }
}

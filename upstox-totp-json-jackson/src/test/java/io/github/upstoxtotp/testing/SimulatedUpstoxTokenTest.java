package io.github.upstoxtotp.testing;

import io.github.upstoxtotp.port.HttpResponse;
import io.github.upstoxtotp.port.JsonNumber;
import io.github.upstoxtotp.port.JsonObject;
import io.github.upstoxtotp.port.JsonString;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Base64;

import static io.github.upstoxtotp.testing.SimClient.apiError;
import static io.github.upstoxtotp.testing.SimClient.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Step 6 and the tokens it issues. */
class SimulatedUpstoxTokenTest {
    static final SimulatedAccount DEMO = SimulatedAccount.DEMO;
    static final ZoneId IST = ZoneId.of("Asia/Kolkata");

    MutableClock clock = new MutableClock(Instant.parse("2026-03-10T10:00:00Z"));
    SimulatedUpstox sim = SimulatedUpstox.builder(SimClient.JSON).clock(clock).build();
    SimClient client = new SimClient(sim);

    @Test
    void accessTokenIsAJwtExpiringAtTheNext0330IstWhenIssuedAfter0330() {
        // 15:30 IST on 10 March -> 03:30 IST on 11 March
        JsonObject claims = claims(str(client.login(DEMO, clock), "access_token"));
        assertEquals("DEMO01", str(claims, "sub"));
        assertEquals(clock.instant().getEpochSecond(), number(claims, "iat"));
        assertEquals(ZonedDateTime.of(2026, 3, 11, 3, 30, 0, 0, IST).toEpochSecond(), number(claims, "exp"));
    }

    @Test
    void tokenIssuedBefore0330ExpiresTheSameMorning() {
        clock.set(ZonedDateTime.of(2026, 3, 11, 2, 30, 0, 0, IST).toInstant());
        JsonObject claims = claims(str(client.login(DEMO, clock), "access_token"));
        assertEquals(ZonedDateTime.of(2026, 3, 11, 3, 30, 0, 0, IST).toEpochSecond(), number(claims, "exp"));
    }

    @Test
    void expiryRuleAtTheEdges() {
        Instant at0330 = ZonedDateTime.of(2026, 3, 11, 3, 30, 0, 0, IST).toInstant();
        assertEquals(at0330.plus(Duration.ofDays(1)), FakeJwt.nextExpiry(at0330));
        assertEquals(at0330, FakeJwt.nextExpiry(at0330.minusNanos(1)));
        assertEquals(at0330, FakeJwt.nextExpiry(ZonedDateTime.of(2026, 3, 10, 23, 59, 0, 0, IST).toInstant()));
    }

    @Test
    void tokenValidityFollowsTheClockAndTheSimulatorsKey() {
        String token = str(client.login(DEMO, clock), "access_token");
        assertTrue(sim.isValidAccessToken(token));
        SimulatedUpstox other = SimulatedUpstox.builder(SimClient.JSON).clock(clock).build();
        assertFalse(other.isValidAccessToken(token), "each simulator signs with its own random key");
        String[] parts = token.split("\\.");
        String forgedPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"sub\":\"DEMO01\",\"exp\":99999999999}".getBytes(StandardCharsets.UTF_8));
        assertFalse(sim.isValidAccessToken(parts[0] + "." + forgedPayload + "." + parts[2]));
        assertFalse(sim.isValidAccessToken("not.a.jwt"));
        assertFalse(sim.isValidAccessToken(null));
        clock.advance(Duration.ofHours(13));
        assertFalse(sim.isValidAccessToken(token), "past 03:30 IST");
    }

    @Test
    void headerSaysHs256() {
        String token = str(client.login(DEMO, clock), "access_token");
        String header = new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
        assertEquals("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", header);
        assertFalse(token.contains("="), "base64url without padding");
    }

    @Test
    void extendedTokenOnlyWhenTheAccountHasOne() {
        SimulatedAccount ext = DEMO.toBuilder().extendedToken(true).build();
        SimulatedUpstox s = SimulatedUpstox.builder(SimClient.JSON).clock(clock).account(ext).build();
        JsonObject t = new SimClient(s).login(ext, clock);
        String extended = str(t, "extended_token");
        assertNotEquals(str(t, "access_token"), extended);
        assertTrue(number(claims(extended), "exp") > clock.instant().plus(Duration.ofDays(300)).getEpochSecond());
    }

    @Test
    void wrongSecretIs401AndSpendsTheCode() {
        String code = client.throughAuthorize(DEMO, clock);
        HttpResponse wrong = client.token(DEMO, code, "not-the-secret");
        assertEquals(401, wrong.status());
        assertEquals("UDAPI100016", apiError(wrong));
        assertFalse(wrong.bodyText().contains("not-the-secret"), "the invalid value is never echoed");
        HttpResponse retry = client.token(DEMO, code, DEMO.clientSecret());
        assertEquals(401, retry.status());
        assertEquals("UDAPI100016", apiError(retry));
    }

    @Test
    void codeIsSingleUse() {
        String code = client.throughAuthorize(DEMO, clock);
        assertEquals(200, client.token(DEMO, code, DEMO.clientSecret()).status());
        HttpResponse again = client.token(DEMO, code, DEMO.clientSecret());
        assertEquals(401, again.status());
        assertEquals("UDAPI100016", apiError(again));
    }

    @Test
    void unknownCodeAndBadGrantAndRedirect() {
        assertEquals("UDAPI100016", apiError(client.token(DEMO, "NOCODE", DEMO.clientSecret())));
        String code = client.throughAuthorize(DEMO, clock);
        SimulatedAccount badRedirect = DEMO.toBuilder().redirectUri("http://127.0.0.1/other").build();
        assertEquals("UDAPI100068", apiError(client.token(badRedirect, code, DEMO.clientSecret())));
        assertEquals("UDAPI100016", apiError(client.token(DEMO, code, DEMO.clientSecret())), "spent by the failed try");
        HttpResponse grant = client.postForm(java.util.Map.of("code", "x", "client_id", DEMO.clientId(),
                "client_secret", DEMO.clientSecret(), "redirect_uri", DEMO.redirectUri(), "grant_type", "password"));
        assertEquals(400, grant.status());
        assertEquals("UDAPI100036", apiError(grant));
    }

    @Test
    void codesExpire() {
        String late = client.throughAuthorize(DEMO, clock);
        clock.advance(Duration.ofMinutes(6));
        assertEquals("UDAPI100016", apiError(client.token(DEMO, late, DEMO.clientSecret())));

        SimClient c2 = new SimClient(sim);
        String code = c2.throughAuthorize(DEMO, clock);
        sim.expireCodes();
        assertEquals("UDAPI100016", apiError(c2.token(DEMO, code, DEMO.clientSecret())));
    }

    @Test
    void expireCodesAlsoVoidsOtpTokens() {
        SimClient c = new SimClient(sim);
        String userId = c.resolveDialog(DEMO).get("user_id");
        String token = str(SimClient.data(SimClient.ok(c.otpGenerate(DEMO.mobileNumber(), userId))), "validateOTPToken");
        sim.expireCodes();
        assertEquals("1017016", SimClient.loginError(c.totpVerify(SimClient.totp(DEMO, clock), token)));
    }

    @Test
    void formValuesAreDecoded() {
        SimulatedAccount odd = DEMO.toBuilder().clientId("client with spaces&more").clientSecret("s3cr=t+/%")
                .redirectUri("http://127.0.0.1/cb?x=1").build();
        SimulatedUpstox s = SimulatedUpstox.builder(SimClient.JSON).clock(clock).account(odd).build();
        JsonObject t = new SimClient(s).login(odd, clock);
        assertTrue(t.get("access_token").orElseThrow() instanceof JsonString);
    }

    static JsonObject claims(String jwt) {
        String[] parts = jwt.split("\\.");
        assertEquals(3, parts.length);
        return (JsonObject) SimClient.JSON.parse(Base64.getUrlDecoder().decode(parts[1]));
    }

    static long number(JsonObject o, String name) {
        return ((JsonNumber) o.get(name).orElseThrow()).longValueExact();
    }
}

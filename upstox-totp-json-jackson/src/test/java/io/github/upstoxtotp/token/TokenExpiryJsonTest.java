package io.github.upstoxtotp.token;

import io.github.upstoxtotp.json.jackson.JacksonJsonPort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link TokenExpiry#of(io.github.upstoxtotp.port.JsonPort)}: the JWT {@code exp} read with a real codec. */
class TokenExpiryJsonTest {
    private static final JacksonJsonPort JSON = new JacksonJsonPort();
    private static final TokenExpiry EXPIRY = TokenExpiry.of(JSON);
    private static final Instant ISSUED = Instant.parse("2025-06-02T09:30:00Z"); // 15:00 IST
    private static final Instant DAILY = Instant.parse("2025-06-02T22:00:00Z"); // 03:30 IST next morning

    private static String jwt(String payloadJson) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8)) + ".c2ln";
    }

    @Test
    void integerExpIsUsed() {
        assertEquals(Instant.ofEpochSecond(1_748_900_000L),
                EXPIRY.expiresAt(jwt("{\"sub\":\"U1\",\"iat\":1748850000,\"exp\":1748900000}"), ISSUED));
    }

    @Test
    void fractionalExpIsUsedToTheMillisecond() {
        assertEquals(Instant.ofEpochMilli(1_748_900_000_250L), EXPIRY.expiresAt(jwt("{\"exp\":1748900000.2509}"), ISSUED));
    }

    @Test
    void anUpstoxShapedTokenWithExpAtHalfPastThree() {
        long exp = DAILY.getEpochSecond();
        String payload = "{\"sub\":\"7ABCDE\",\"jti\":\"x\",\"isMultiClient\":false,\"iat\":1748856600,\"iss\":\"udapi-gateway-service\",\"exp\":" + exp + "}";
        assertEquals(DAILY, EXPIRY.expiresAt(jwt(payload), ISSUED));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"exp\":\"1748900000\"}",     // a string, not a number
        "{\"exp\":null}",
        "{\"exp\":0}",
        "{\"exp\":-5}",
        "{\"exp\":1e300}",              // absurd
        "{\"exp\":[1748900000]}",
        "{\"sub\":\"no exp\"}",
        "[1748900000]",
        "\"exp\"",
        "{\"exp\":1748900000",          // truncated
        "{\"exp\":1748900000}garbage",
        "{\"exp\":1,\"exp\":2}",        // duplicate member: rejected by the port
        "not json at all",
    })
    void unusableExpFallsBackToTheDailyRule(String payload) {
        assertEquals(DAILY, EXPIRY.expiresAt(jwt(payload), ISSUED));
    }

    @Test
    void absurdlyDeepPayloadFallsBackWithoutBlowingTheStack() {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        assertEquals(DAILY, EXPIRY.expiresAt(jwt(deep), ISSUED));
    }

    @Test
    void expClaimReaderIsUsableOnItsOwn() {
        assertEquals(Optional.of(Instant.ofEpochSecond(1)), TokenExpiry.expClaim(JSON, "{\"exp\":1}"));
        assertEquals(Optional.empty(), TokenExpiry.expClaim(JSON, "{"));
    }
}

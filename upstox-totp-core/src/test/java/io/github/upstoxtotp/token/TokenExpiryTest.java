package io.github.upstoxtotp.token;

import io.github.upstoxtotp.port.JsonObject;
import io.github.upstoxtotp.port.JsonText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The expiry rules. Core tests have no JSON library, so the {@code exp} reader here is a small
 * regex stand-in; the {@link io.github.upstoxtotp.port.JsonPort}-based reader is tested in the
 * Jackson module ({@code TokenExpiryJsonTest}).
 */
class TokenExpiryTest {
    private static final Pattern EXP = Pattern.compile("\"exp\":(\\d+)");
    private static final Function<String, Optional<Instant>> REGEX_EXP = payload -> {
        Matcher m = EXP.matcher(payload);
        return m.find() ? Optional.of(Instant.ofEpochSecond(Long.parseLong(m.group(1)))) : Optional.empty();
    };
    private static final TokenExpiry EXPIRY = TokenExpiry.withExpReader(REGEX_EXP);
    private static final Instant ISSUED = ist("2025-06-02T15:00:00");

    static Instant ist(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(TokenExpiry.UPSTOX_ZONE).toInstant();
    }

    static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    static String jwt(JsonObject payload) {
        return b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + b64(JsonText.write(payload)) + ".c2lnbmF0dXJl";
    }

    @ParameterizedTest(name = "issued {0} IST -> expires {1} IST")
    @CsvSource({
        "2025-06-02T02:30:00,     2025-06-02T03:30",
        "2025-06-02T00:00:00,     2025-06-02T03:30",
        "2025-06-02T03:29:59.999, 2025-06-02T03:30",
        "2025-06-02T03:30:00,     2025-06-03T03:30",
        "2025-06-02T03:30:00.001, 2025-06-03T03:30",
        "2025-06-02T09:15:00,     2025-06-03T03:30",
        "2025-06-02T23:59:59,     2025-06-03T03:30",
        "2025-12-31T18:00:00,     2026-01-01T03:30",
        "2024-02-28T12:00:00,     2024-02-29T03:30",
    })
    void dailyRuleIsHalfPastThreeNextMorningInKolkata(String issued, String expires) {
        assertEquals(ist(expires), TokenExpiry.dailyExpiry(ist(issued)));
        assertEquals(ist(expires), EXPIRY.expiresAt("opaque-token", ist(issued)), "not a JWT: daily rule");
    }

    @Test
    void dailyRuleIsTheSameWhateverTheMachinesZone() {
        // 22:00 UTC is 03:30 IST next day: exactly at the boundary, so the following day's 03:30.
        assertEquals(Instant.parse("2025-06-03T22:00:00Z"), TokenExpiry.dailyExpiry(Instant.parse("2025-06-02T22:00:00Z")));
        assertEquals(Instant.parse("2025-06-02T22:00:00Z"), TokenExpiry.dailyExpiry(Instant.parse("2025-06-02T21:59:59Z")));
    }

    @Test
    void jwtExpWins() {
        String token = jwt(JsonObject.builder().put("sub", "U1").put("exp", 1_748_900_000L).put("iat", 1_748_850_000L).build());
        assertEquals(Instant.ofEpochSecond(1_748_900_000L), EXPIRY.expiresAt(token, ISSUED));
    }

    @Test
    void jwtPayloadIsBase64UrlWithOrWithoutPadding() {
        String json = "{\"sub\":\"??>>\",\"exp\":1}"; // "??>>" encodes to base64 with '/' and '+' in the standard alphabet
        String unpadded = b64(json);
        assertEquals(Optional.of(json), TokenExpiry.jwtPayload("h." + unpadded + ".s"));
        String padded = Base64.getUrlEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        assertEquals(Optional.of(json), TokenExpiry.jwtPayload("h." + padded + ".s"));
        assertEquals(Optional.of(json), TokenExpiry.jwtPayload("h." + unpadded + "."), "unsigned JWT");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "opaque", "a.b", "a..c", ".b.c", "a.b.c.d.e", "a.!!!.c", "a.b%c.d",
        "eyJhbGciOiJIUzI1NiJ9.bm90IGpzb24.sig", // payload "not json"
        "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.sig", // {"sub":"x"}: no exp
    })
    void anythingElseFallsBackToTheDailyRule(String token) {
        assertEquals(TokenExpiry.dailyExpiry(ISSUED), EXPIRY.expiresAt(token, ISSUED));
    }

    @Test
    void nullTokenFallsBackToTheDailyRule() {
        assertEquals(TokenExpiry.dailyExpiry(ISSUED), EXPIRY.expiresAt(null, ISSUED));
    }

    @Test
    void invalidUtf8PayloadIsNotAJwt() {
        String bad = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[] {(byte) 0xC3, (byte) 0x28});
        assertEquals(Optional.empty(), TokenExpiry.jwtPayload("h." + bad + ".s"));
    }

    @Test
    void aReaderThatThrowsOrReturnsNullMeansNoExp() {
        String token = jwt(JsonObject.builder().put("exp", 1L).build());
        assertEquals(TokenExpiry.dailyExpiry(ISSUED), TokenExpiry.withExpReader(p -> {
            throw new IllegalStateException("bad reader");
        }).expiresAt(token, ISSUED));
        assertEquals(TokenExpiry.dailyExpiry(ISSUED), TokenExpiry.withExpReader(p -> null).expiresAt(token, ISSUED));
    }

    @Test
    void dailyRuleOnlyIgnoresExp() {
        String token = jwt(JsonObject.builder().put("exp", 1_748_900_000L).build());
        assertEquals(TokenExpiry.dailyExpiry(ISSUED), TokenExpiry.dailyRuleOnly().expiresAt(token, ISSUED));
    }

    @Test
    void hugeTokensAreNotDecoded() {
        String payload = b64("{\"exp\":1748900000,\"pad\":\"" + "x".repeat(20_000) + "\"}");
        assertEquals(TokenExpiry.dailyExpiry(ISSUED), EXPIRY.expiresAt("h." + payload + ".s", ISSUED));
    }
}

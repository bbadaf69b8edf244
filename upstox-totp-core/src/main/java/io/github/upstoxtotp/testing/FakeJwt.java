package io.github.upstoxtotp.testing;

import io.github.upstoxtotp.port.JsonNumber;
import io.github.upstoxtotp.port.JsonObject;
import io.github.upstoxtotp.port.JsonPort;
import io.github.upstoxtotp.port.JsonText;
import io.github.upstoxtotp.port.JsonValue;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * JWT-shaped tokens like the ones Upstox issues: {@code base64url(header).base64url(payload).
 * base64url(HMAC-SHA256)}, signed with a key that is random per simulator, so a token from
 * one simulator (or one run) is never valid for another.
 *
 * <p>Real Upstox tokens are opaque to their holder except for the claims; so are these. The
 * key never leaves this object. Thread-safe: a new {@link Mac} is made per signature.
 */
final class FakeJwt {
    /** The zone of the 03:30 expiry rule. */
    static final ZoneId IST = ZoneId.of("Asia/Kolkata");
    private static final LocalTime EXPIRY_TIME = LocalTime.of(3, 30);
    private static final String ISSUER = "upstox-totp-simulator";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final String HEADER = B64.encodeToString(
            "{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.US_ASCII));

    private final byte[] key = new byte[32];
    private final JsonPort json;

    FakeJwt(SecureRandom random, JsonPort json) {
        random.nextBytes(key);
        this.json = json;
    }

    /**
     * The Upstox access-token rule: valid until the next 03:30 in Asia/Kolkata, that is 03:30
     * the same morning when issued before 03:30, else 03:30 the following morning.
     */
    static Instant nextExpiry(Instant issuedAt) {
        ZonedDateTime issued = issuedAt.atZone(IST);
        ZonedDateTime sameDay = issued.toLocalDate().atTime(EXPIRY_TIME).atZone(IST);
        return (issued.isBefore(sameDay) ? sameDay : sameDay.plusDays(1)).toInstant();
    }

    /** A signed token for {@code subject}; {@code iat}/{@code exp} are whole epoch seconds. */
    String issue(String subject, String jti, Instant issuedAt, Instant expires, boolean extended) {
        JsonObject payload = JsonObject.builder()
                .put("sub", subject)
                .put("jti", jti)
                .put("iss", ISSUER)
                .put("isMultiClient", false)
                .put("isPlusPlan", false)
                .put("isExtended", extended)
                .put("iat", issuedAt.getEpochSecond())
                .put("exp", expires.getEpochSecond())
                .build();
        String signingInput = HEADER + "." + B64.encodeToString(JsonText.write(payload).getBytes(StandardCharsets.UTF_8));
        return signingInput + "." + B64.encodeToString(sign(signingInput));
    }

    /**
     * The claims of a token this simulator signed, or empty when the token is malformed or
     * its signature is not ours. Expiry is not checked here.
     */
    Optional<JsonObject> claims(String token) {
        if (token == null) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            byte[] expected = sign(parts[0] + "." + parts[1]);
            if (!MessageDigest.isEqual(expected, Base64.getUrlDecoder().decode(parts[2]))) {
                return Optional.empty();
            }
            JsonValue payload = json.parse(Base64.getUrlDecoder().decode(parts[1]));
            return payload instanceof JsonObject o ? Optional.of(o) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty(); // bad base64 or JSON: not one of ours
        }
    }

    /** True when the token is ours and its {@code exp} is after {@code now}. */
    boolean isValid(String token, Instant now) {
        return claims(token)
                .flatMap(c -> c.get("exp"))
                .filter(v -> v instanceof JsonNumber)
                .map(v -> ((JsonNumber) v).value().longValue() > now.getEpochSecond())
                .orElse(false);
    }

    private byte[] sign(String signingInput) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e); // every JDK has it
        }
    }
}

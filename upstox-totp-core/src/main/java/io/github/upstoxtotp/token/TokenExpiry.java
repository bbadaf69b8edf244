package io.github.upstoxtotp.token;

import io.github.upstoxtotp.port.JsonNumber;
import io.github.upstoxtotp.port.JsonObject;
import io.github.upstoxtotp.port.JsonPort;
import io.github.upstoxtotp.port.JsonValue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * When Upstox stops accepting an access token.
 *
 * <ol>
 *   <li>If the token is a JWT (three dot-separated parts, the middle one base64url JSON) whose
 *       payload has a positive numeric {@code exp} claim (seconds since the epoch, fractions
 *       allowed): that instant.</li>
 *   <li>Otherwise the Upstox rule: 03:30 Asia/Kolkata on the morning after issue. A token issued
 *       before 03:30 expires at 03:30 the same morning; one issued at 03:30 exactly or later, at
 *       03:30 the next day.</li>
 * </ol>
 * Anything odd about the token (not a JWT, bad base64, not JSON, no or non-numeric {@code exp})
 * falls back to rule 2; this class never throws for a token's content. The refresh margin is not
 * applied here; the token service applies it.
 *
 * <p>Immutable and thread-safe.
 */
public final class TokenExpiry {
    /** The zone of the daily expiry: India Standard Time, no daylight saving. */
    public static final ZoneId UPSTOX_ZONE = ZoneId.of("Asia/Kolkata");
    /** The local time at which every access token of the previous day stops working. */
    public static final LocalTime DAILY_EXPIRY = LocalTime.of(3, 30);

    /** Longer than any real token; a longer string is not decoded at all. */
    private static final int MAX_TOKEN_LENGTH = 16 * 1024;
    /** 9999-12-31T23:59:59Z: an {@code exp} beyond it is garbage. */
    private static final BigDecimal MAX_EXP_SECONDS = BigDecimal.valueOf(253_402_300_799L);

    private final Function<String, Optional<Instant>> expFromPayload;

    private TokenExpiry(Function<String, Optional<Instant>> expFromPayload) {
        this.expFromPayload = expFromPayload;
    }

    /** JWT {@code exp} read with {@code json}, else the daily rule. */
    public static TokenExpiry of(JsonPort json) {
        Objects.requireNonNull(json, "json");
        return new TokenExpiry(payload -> expClaim(json, payload));
    }

    /**
     * JWT {@code exp} read by {@code expFromPayload} (given the decoded payload's JSON text), else the
     * daily rule. The seam for tests and for codecs other than a {@link JsonPort}; an exception or
     * null from it counts as "no exp".
     */
    public static TokenExpiry withExpReader(Function<String, Optional<Instant>> expFromPayload) {
        return new TokenExpiry(Objects.requireNonNull(expFromPayload, "expFromPayload"));
    }

    /** The daily rule alone, ignoring any JWT claim. */
    public static TokenExpiry dailyRuleOnly() {
        return new TokenExpiry(payload -> Optional.empty());
    }

    /**
     * When {@code token}, obtained at {@code issuedAt}, expires.
     *
     * @param token the access token (may be null or anything: see the class comment)
     * @param issuedAt when it was obtained
     */
    public Instant expiresAt(String token, Instant issuedAt) {
        Objects.requireNonNull(issuedAt, "issuedAt");
        return jwtPayload(token).flatMap(this::readExp).orElseGet(() -> dailyExpiry(issuedAt));
    }

    /**
     * The JWT {@code exp} claim of {@code token} alone, without the daily rule: for tokens that
     * the rule does not govern, such as the year-long extended token. Never throws for content.
     */
    public Optional<Instant> jwtExpiry(String token) {
        return jwtPayload(token).flatMap(this::readExp);
    }

    /** 03:30 Asia/Kolkata on the morning after {@code issuedAt} (the same morning if issued before 03:30). */
    public static Instant dailyExpiry(Instant issuedAt) {
        ZonedDateTime local = issuedAt.atZone(UPSTOX_ZONE);
        LocalDate day = local.toLocalTime().isBefore(DAILY_EXPIRY) ? local.toLocalDate() : local.toLocalDate().plusDays(1);
        return day.atTime(DAILY_EXPIRY).atZone(UPSTOX_ZONE).toInstant();
    }

    /** The JSON text of a JWT's payload, if {@code token} is shaped like a JWT and the payload decodes to UTF-8. */
    public static Optional<String> jwtPayload(String token) {
        if (token == null || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        int first = token.indexOf('.');
        int second = first < 0 ? -1 : token.indexOf('.', first + 1);
        if (first <= 0 || second <= first + 1 || token.indexOf('.', second + 1) >= 0) {
            return Optional.empty();
        }
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(token.substring(first + 1, second));
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString());
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /**
     * The {@code exp} claim of a JWT payload parsed with {@code json}: present only for a positive
     * number up to the year 9999; never throws for bad input.
     */
    public static Optional<Instant> expClaim(JsonPort json, String payloadJson) {
        JsonValue root;
        try {
            root = json.parse(payloadJson);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        if (!(root instanceof JsonObject)) {
            return Optional.empty();
        }
        Optional<JsonValue> exp = ((JsonObject) root).get("exp");
        if (exp.isEmpty() || !(exp.get() instanceof JsonNumber)) {
            return Optional.empty();
        }
        BigDecimal seconds = ((JsonNumber) exp.get()).value();
        if (seconds.signum() <= 0 || seconds.compareTo(MAX_EXP_SECONDS) > 0) {
            return Optional.empty();
        }
        return Optional.of(Instant.ofEpochMilli(seconds.movePointRight(3).setScale(0, RoundingMode.FLOOR).longValueExact()));
    }

    private Optional<Instant> readExp(String payload) {
        try {
            Optional<Instant> exp = expFromPayload.apply(payload);
            return exp == null ? Optional.empty() : exp;
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}

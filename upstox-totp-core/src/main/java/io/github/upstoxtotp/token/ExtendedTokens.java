package io.github.upstoxtotp.token;

import io.github.upstoxtotp.model.AccessToken;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The latest token a {@link CachingTokenService} knows, kept for its extended token: that one
 * outlives the day's access token, so it is remembered even when the access token has expired
 * (including one found expired in the store at start). It is handed out until its JWT
 * {@code exp}, or, when it has none, until a year after the token carrying it was issued.
 */
final class ExtendedTokens {
    /** How long an extended token lives when it does not say (PROTOCOL.md: a year). */
    static final Duration ASSUMED_LIFETIME = Duration.ofDays(365);

    private final TokenExpiry expiry;
    private final Clock clock;
    private volatile AccessToken latest;

    ExtendedTokens(TokenExpiry expiry, Clock clock) {
        this.expiry = expiry;
        this.clock = clock;
    }

    void remember(AccessToken token) {
        latest = token;
    }

    void forget() {
        latest = null;
    }

    Optional<String> current() {
        AccessToken t = latest;
        if (t == null || t.extendedToken().isEmpty()) {
            return Optional.empty();
        }
        String extended = t.extendedToken().get();
        Instant until = expiry.jwtExpiry(extended).orElseGet(() -> t.issuedAt().plus(ASSUMED_LIFETIME));
        return clock.instant().isBefore(until) ? Optional.of(extended) : Optional.empty();
    }
}

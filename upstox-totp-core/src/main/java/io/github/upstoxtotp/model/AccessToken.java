package io.github.upstoxtotp.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The day's access token with what is needed to decide whether it is still good.
 *
 * <p>Immutable and thread-safe. {@link #toString()} never shows the token or the extended
 * token: call {@link #value()} where the token is really needed (an {@code Authorization}
 * header). It lives in {@code model} rather than the root package because the
 * {@link io.github.upstoxtotp.token.TokenStore} port stores it.
 */
public final class AccessToken {
    private final String value;
    private final String extendedToken;
    private final String userId;
    private final Instant issuedAt;
    private final Instant expiresAt;

    /**
     * @param value the access token (non-blank)
     * @param extendedToken the long-lived read-only token, or null
     * @param userId the Upstox user id it was issued to (may be empty when unknown)
     * @param issuedAt when it was obtained
     * @param expiresAt when Upstox stops accepting it (JWT {@code exp}, else 03:30 IST rule)
     */
    public AccessToken(String value, String extendedToken, String userId, Instant issuedAt, Instant expiresAt) {
        this.value = Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("access token is blank");
        }
        this.extendedToken = extendedToken == null || extendedToken.isBlank() ? null : extendedToken;
        this.userId = userId == null ? "" : userId;
        this.issuedAt = Objects.requireNonNull(issuedAt, "issuedAt");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** The bearer token. Treat as a secret: never log it. */
    public String value() {
        return value;
    }

    /** The extended (read-only, long-lived) token, when the app has one. Never log it. */
    public Optional<String> extendedToken() {
        return Optional.ofNullable(extendedToken);
    }

    public String userId() {
        return userId;
    }

    public Instant issuedAt() {
        return issuedAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    /** True if, at {@code now}, more than {@code margin} is left before expiry. */
    public boolean isUsableAt(Instant now, Duration margin) {
        return now.plus(margin).isBefore(expiresAt);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AccessToken t && value.equals(t.value) && Objects.equals(extendedToken, t.extendedToken)
                && userId.equals(t.userId) && issuedAt.equals(t.issuedAt) && expiresAt.equals(t.expiresAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(userId, issuedAt, expiresAt);
    }

    @Override
    public String toString() {
        return "AccessToken[userId=" + userId + ", issuedAt=" + issuedAt + ", expiresAt=" + expiresAt
                + ", value=<redacted>" + (extendedToken == null ? "" : ", extendedToken=<redacted>") + "]";
    }
}

package io.github.upstoxtotp.error;

import java.time.Instant;
import java.util.Optional;

/**
 * The client refused to start a login, to protect the account: too many logins failed in a
 * short time (each one asks Upstox for an OTP, and a few OTP requests in a short time block
 * OTP generation for 10 minutes). Nothing was sent.
 *
 * <p>{@link #retryAt()} says when a login will be allowed again; {@code resetSession()} on the
 * client lifts the refusal at once, for a user who has fixed the cause.
 */
public final class LoginRefusedException extends UpstoxTotpException {
    private static final long serialVersionUID = 1L;

    private final Instant retryAt;

    public LoginRefusedException(String message, Instant retryAt, Throwable lastFailure) {
        super(message, lastFailure);
        this.retryAt = retryAt;
    }

    /** When a login will be allowed again, if the refusal lifts by itself. */
    public Optional<Instant> retryAt() {
        return Optional.ofNullable(retryAt);
    }
}

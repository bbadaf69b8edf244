package io.github.upstoxtotp.auth;

import io.github.upstoxtotp.error.UpstoxTotpException;
import io.github.upstoxtotp.model.AccessTokenData;
import io.github.upstoxtotp.error.LoginStep;
import io.github.upstoxtotp.model.OAuthAuthorization;
import io.github.upstoxtotp.model.OtpGeneration;
import io.github.upstoxtotp.model.OtpValidation;
import io.github.upstoxtotp.model.TwoFactorAuthentication;
import io.github.upstoxtotp.model.UserIdAndUserType;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a login stands: {@code Start → DialogResolved → OtpIssued → OtpVerified → PinAccepted
 * → Authorized → TokenIssued}, or {@code Failed}. Each state is immutable and carries what the
 * steps after it need.
 *
 * <p>No state's {@code toString} shows the OTP token, the authorization code, a token or any
 * secret: the records they hold mask them.
 */
public sealed interface LoginState {

    /** The step this state is the outcome of: empty for {@link Start}; for {@link Failed}, the step that failed. */
    Optional<LoginStep> lastStep();

    /** Nothing has been sent yet. */
    record Start() implements LoginState {
        @Override
        public Optional<LoginStep> lastStep() {
            return Optional.empty();
        }
    }

    /** Step 1 done: the redirect chain named the user. */
    record DialogResolved(UserIdAndUserType user) implements LoginState {
        public DialogResolved {
            Objects.requireNonNull(user, "user");
        }

        @Override
        public Optional<LoginStep> lastStep() {
            return Optional.of(LoginStep.AUTHORIZATION_DIALOG);
        }
    }

    /** Step 2 done: the login service issued the token that the TOTP will validate. */
    record OtpIssued(UserIdAndUserType user, OtpGeneration otp) implements LoginState {
        public OtpIssued {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(otp, "otp");
        }

        @Override
        public Optional<LoginStep> lastStep() {
            return Optional.of(LoginStep.OTP_GENERATE);
        }
    }

    /** Step 3 done: the TOTP was accepted; the session cookies now stand for the first factor. */
    record OtpVerified(UserIdAndUserType user, OtpValidation validation) implements LoginState {
        public OtpVerified {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(validation, "validation");
        }

        @Override
        public Optional<LoginStep> lastStep() {
            return Optional.of(LoginStep.TOTP_VERIFY);
        }
    }

    /** Step 4 done: the PIN was accepted. */
    record PinAccepted(UserIdAndUserType user, OtpValidation validation, TwoFactorAuthentication twoFactor)
            implements LoginState {
        public PinAccepted {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(validation, "validation");
            Objects.requireNonNull(twoFactor, "twoFactor");
        }

        @Override
        public Optional<LoginStep> lastStep() {
            return Optional.of(LoginStep.PIN_2FA);
        }
    }

    /** Step 5 done: the app was approved; {@code authorization} holds the single-use code. */
    record Authorized(UserIdAndUserType user, OAuthAuthorization authorization) implements LoginState {
        public Authorized {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(authorization, "authorization");
        }

        @Override
        public Optional<LoginStep> lastStep() {
            return Optional.of(LoginStep.OAUTH_AUTHORIZE);
        }
    }

    /** Step 6 done: the login is complete. */
    record TokenIssued(AccessTokenData token) implements LoginState {
        public TokenIssued {
            Objects.requireNonNull(token, "token");
        }

        @Override
        public Optional<LoginStep> lastStep() {
            return Optional.of(LoginStep.TOKEN_EXCHANGE);
        }
    }

    /**
     * A step failed. The machine stays here, throwing {@code cause} again, until it is reset:
     * nothing is re-sent on its own (a rejected PIN in particular).
     */
    record Failed(LoginStep step, UpstoxTotpException cause) implements LoginState {
        public Failed {
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(cause, "cause");
        }

        @Override
        public Optional<LoginStep> lastStep() {
            return Optional.of(step);
        }

        @Override
        public String toString() {
            // the cause's message is built from redacted text only
            return "Failed[step=" + step + ", cause=" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + "]";
        }
    }
}

package io.github.upstoxtotp;

import io.github.upstoxtotp.auth.LoginMachine;
import io.github.upstoxtotp.auth.LoginState;
import io.github.upstoxtotp.model.AccessTokenData;
import io.github.upstoxtotp.model.ApiResponse;
import io.github.upstoxtotp.model.OAuthAuthorization;
import io.github.upstoxtotp.model.OtpGeneration;
import io.github.upstoxtotp.model.OtpValidation;
import io.github.upstoxtotp.model.TwoFactorAuthentication;
import io.github.upstoxtotp.model.UserIdAndUserType;

import java.util.function.Supplier;

/**
 * The login one step at a time, as the Python SDK's {@code app_token} offers it. Each method
 * runs the steps before it that have not run yet in this session, then its own, and returns
 * its result; a step already done answers from memory.
 *
 * <p>Failures throw ({@link io.github.upstoxtotp.error.UpstoxApiException} with code, tip and
 * step; {@link io.github.upstoxtotp.error.ProtocolException};
 * {@link io.github.upstoxtotp.port.TransportException}); after a failure every call rethrows it
 * without touching the network until {@link UpstoxTotp#resetSession()}, so a rejected PIN is
 * never sent twice by accident.
 *
 * <p>Most applications want {@link UpstoxTotp#tokenService()} instead: cached, single-flight.
 * Thread-safe (one step at a time).
 */
public final class AppToken {
    private final Supplier<LoginMachine> machine;

    AppToken(Supplier<LoginMachine> machine) {
        this.machine = machine;
    }

    /** Step 1: the authorization dialog, which names the user id and type. */
    public ApiResponse<UserIdAndUserType> userIdAndUserType() {
        return machine.get().userIdAndUserType();
    }

    /** Steps 1-2: asks the login service for an OTP token. */
    public ApiResponse<OtpGeneration> generateOtp() {
        return machine.get().generateOtp();
    }

    /** Steps 1-3: verifies the current TOTP in place of the SMS OTP. */
    public ApiResponse<OtpValidation> validateOtp() {
        return machine.get().validateOtp();
    }

    /** Steps 1-4: submits the PIN, base64-encoded once, at most once per session. */
    public ApiResponse<TwoFactorAuthentication> submitPin() {
        return machine.get().submitPin();
    }

    /** Steps 1-5: approves the OAuth request; the answer carries the authorization code. */
    public ApiResponse<OAuthAuthorization> oauthAuthorization() {
        return machine.get().oauthAuthorization();
    }

    /** Steps 1-6: exchanges the code for the access token. */
    public ApiResponse<AccessTokenData> accessToken() {
        return machine.get().accessToken();
    }

    /** Where this session stands. */
    public LoginState state() {
        return machine.get().state();
    }
}

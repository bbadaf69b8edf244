package io.github.upstoxtotp.testing;

import io.github.upstoxtotp.port.JsonArray;
import io.github.upstoxtotp.port.JsonNull;
import io.github.upstoxtotp.port.JsonObject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Step 3: TOTP verification in place of the SMS OTP. The {@code validateOtpToken} must be the
 * session's live one; the code must be the account's TOTP for the current 30-second step,
 * give or take the configured number of steps. Each wrong code costs an attempt ("Invalid
 * OTP. N attempts left"); with none left the token is void and a new OTP must be requested.
 * A verified token is spent. The profile comes as {@code userProfile}, or as the one entry of
 * {@code accounts[]} when the protocol {@linkplain io.github.upstoxtotp.auth.LoginProtocol#verifyAnswersAccounts()
 * answers with accounts}.
 */
final class TotpVerifyHandler {
    private TotpVerifyHandler() {
    }

    static SimReply handle(SimExchange ex, SimulatorState st, Envelopes env) {
        SimSession s = LoginServiceChecks.session(ex, st, env);
        JsonObject data = ex.data();
        String token = SimExchange.string(data, "validateOtpToken");
        if (s.otpToken == null || token == null
                || !MessageDigest.isEqual(s.otpToken.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
            throw env.loginReject(400, Envelopes.LOGIN_GENERIC, "Invalid OTP token. Please request a new OTP");
        }
        if (!ex.now().isBefore(s.otpTokenExpires)) {
            s.dropOtpToken();
            throw env.loginReject(400, Envelopes.LOGIN_GENERIC, "The OTP has expired. Please request a new OTP");
        }
        AccountState account = s.account;
        String otp = SimExchange.string(data, "otp");
        if (!account.totp.verify(otp, ex.now(), st.config.totpWindowsEitherSide())) {
            s.totpAttemptsLeft--;
            if (s.totpAttemptsLeft <= 0) {
                s.dropOtpToken();
                throw env.loginReject(400, Envelopes.WRONG_OTP, "Invalid OTP. 0 attempts left, please request a new OTP");
            }
            throw env.loginReject(400, Envelopes.WRONG_OTP, "Invalid OTP. " + s.totpAttemptsLeft + " attempts left");
        }
        s.dropOtpToken();
        s.totpVerified = true;
        SimulatedAccount a = account.account;
        JsonObject profile = JsonObject.builder()
                .put("profileId", a.profileId())
                .put("userId", a.userId())
                .put("firstName", a.firstName())
                .put("lastName", a.lastName())
                .put("avatarUrl", JsonNull.INSTANCE)
                .build();
        JsonObject.Builder answer = JsonObject.builder()
                .put("message", "OTP verified successfully")
                .put("userType", "individual");
        if (st.config.protocol().verifyAnswersAccounts()) {
            answer.put("accounts", JsonArray.of(profile));
        } else {
            answer.put("userProfile", profile);
        }
        return env.loginOk(answer.put("isSecretPinSet", true).build());
    }
}

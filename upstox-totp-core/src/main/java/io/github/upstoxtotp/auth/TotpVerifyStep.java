package io.github.upstoxtotp.auth;

import io.github.upstoxtotp.error.LoginStep;
import io.github.upstoxtotp.model.OtpValidation;
import io.github.upstoxtotp.model.UserProfile;
import io.github.upstoxtotp.port.HttpRequest;
import io.github.upstoxtotp.port.HttpResponse;
import io.github.upstoxtotp.port.JsonObject;
import io.github.upstoxtotp.port.JsonValue;

/** Step 3: send the current TOTP in place of the SMS OTP, with the token from step 2. */
final class TotpVerifyStep implements Step<LoginState.OtpIssued, LoginState.OtpVerified> {

    @Override
    public LoginStep id() {
        return LoginStep.TOTP_VERIFY;
    }

    /** Asks the context for the TOTP, so each call (each attempt) has the code of its moment. */
    JsonObject body(LoginState.OtpIssued state, StepContext c) {
        return JsonObject.builder().put("data", JsonObject.builder()
                .put("otp", c.totp().get())
                .put("validateOtpToken", state.otp().validateOtpToken())
                .build()).build();
    }

    @Override
    public HttpRequest request(LoginState.OtpIssued state, StepContext c) {
        HttpRequest.Builder b = HttpRequest.post(Wire.uri(c.config().serviceBaseUrl(), c.protocol().totpVerifyPath()));
        return Wire.browserHeaders(b, c.requestId()).body(c.write(body(state, c))).build();
    }

    @Override
    public LoginState.OtpVerified next(LoginState.OtpIssued state, HttpResponse response, JsonValue body) {
        Fields data = Fields.root(id(), body).object("data");
        Fields p = data.optObject("userProfile");
        UserProfile profile = p == null ? null : new UserProfile(
                p.intValue("profileId"),
                p.optString("userId"),
                p.optString("firstName"),
                p.optString("lastName"),
                p.optString("avatarUrl"));
        OtpValidation validation = new OtpValidation(
                data.optString("message"),
                data.optString("userType"),
                profile,
                data.optBoolean("isSecretPinSet"));
        return new LoginState.OtpVerified(state.user(), validation);
    }
}

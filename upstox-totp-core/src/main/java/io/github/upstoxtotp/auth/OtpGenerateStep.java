package io.github.upstoxtotp.auth;

import io.github.upstoxtotp.error.LoginStep;
import io.github.upstoxtotp.model.OtpGeneration;
import io.github.upstoxtotp.port.HttpRequest;
import io.github.upstoxtotp.port.HttpResponse;
import io.github.upstoxtotp.port.JsonObject;
import io.github.upstoxtotp.port.JsonValue;

/**
 * Step 2: ask for an OTP for the mobile number and user id; keep the {@code validateOTPToken}.
 * Protocols that {@linkplain LoginProtocol#sendsCountryIsdCode() send it} add the country code.
 */
final class OtpGenerateStep implements Step<LoginState.DialogResolved, LoginState.OtpIssued> {
    /** Upstox logs in Indian mobile numbers only (UPSTOX_USERNAME is the 10 digits without it). */
    static final String COUNTRY_ISD_CODE = "+91";

    @Override
    public LoginStep id() {
        return LoginStep.OTP_GENERATE;
    }

    JsonObject body(LoginState.DialogResolved state, StepContext c) {
        JsonObject.Builder data = JsonObject.builder()
                .put("mobileNumber", c.config().username())
                .put("userId", state.user().userId());
        if (c.protocol().sendsCountryIsdCode()) {
            data.put("countryIsdCode", COUNTRY_ISD_CODE);
        }
        return JsonObject.builder().put("data", data.build()).build();
    }

    @Override
    public HttpRequest request(LoginState.DialogResolved state, StepContext c) {
        HttpRequest.Builder b = HttpRequest.post(Wire.uri(c.config().serviceBaseUrl(), c.protocol().otpGeneratePath()));
        return Wire.browserHeaders(b, c.requestId()).body(c.write(body(state, c))).build();
    }

    @Override
    public LoginState.OtpIssued next(LoginState.DialogResolved state, HttpResponse response, JsonValue body) {
        Fields data = Fields.root(id(), body).object("data");
        OtpGeneration otp = new OtpGeneration(
                data.optString("message"),
                data.string("validateOTPToken"),
                data.optInt("nextRequestInterval"),
                data.optString("userType"),
                data.optBoolean("isTotpEnabled"));
        return new LoginState.OtpIssued(state.user(), otp);
    }
}

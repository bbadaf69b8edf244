package io.github.upstoxtotp.auth;

import io.github.upstoxtotp.error.LoginStep;
import io.github.upstoxtotp.model.TwoFactorAuthentication;
import io.github.upstoxtotp.port.HttpRequest;
import io.github.upstoxtotp.port.HttpResponse;
import io.github.upstoxtotp.port.JsonObject;
import io.github.upstoxtotp.port.JsonValue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Step 4: the PIN, base64-encoded exactly once (the Python seed encoded it twice when read
 * from a {@code .env} file, which the server counts as a wrong PIN; five lock the account).
 */
final class PinStep implements Step<LoginState.OtpVerified, LoginState.PinAccepted> {

    @Override
    public LoginStep id() {
        return LoginStep.PIN_2FA;
    }

    static String encodePin(String pin) {
        return Base64.getEncoder().encodeToString(pin.getBytes(StandardCharsets.UTF_8));
    }

    JsonObject body(LoginState.OtpVerified state, StepContext c) {
        return JsonObject.builder().put("data", JsonObject.builder()
                .put("twoFAMethod", "SECRET_PIN")
                .put("inputText", encodePin(c.config().pinCode().reveal()))
                .build()).build();
    }

    @Override
    public HttpRequest request(LoginState.OtpVerified state, StepContext c) {
        HttpRequest.Builder b = HttpRequest.post(Wire.uri(c.config().serviceBaseUrl(), c.protocol().pinPath(),
                "client_id", c.config().clientId(),
                "redirect_uri", c.protocol().internalRedirectUri().toString()));
        return Wire.browserHeaders(b, c.requestId()).body(c.write(body(state, c))).build();
    }

    @Override
    public LoginState.PinAccepted next(LoginState.OtpVerified state, HttpResponse response, JsonValue body) {
        Fields data = Fields.root(id(), body).object("data");
        TwoFactorAuthentication twoFactor = new TwoFactorAuthentication(
                data.optString("redirectUri"),
                data.optString("userType"),
                data.optString("customerStatus"),
                data.optString("appStatus"),
                data.optLong("refreshTokenExpiry"),
                data.optBoolean("isPlusPlanFastWebsocketEnabled"),
                data.optBoolean("isNewRefreshTokenCreated"),
                data.optBoolean("isExternalClientOAuthApp"));
        return new LoginState.PinAccepted(state.user(), state.validation(), twoFactor);
    }
}

package io.github.upstoxtotp.auth;

import io.github.upstoxtotp.error.LoginStep;
import io.github.upstoxtotp.error.ProtocolException;
import io.github.upstoxtotp.model.TwoFactorAuthentication;
import io.github.upstoxtotp.model.UserProfile;
import io.github.upstoxtotp.port.HttpRequest;
import io.github.upstoxtotp.port.HttpResponse;
import io.github.upstoxtotp.port.JsonObject;
import io.github.upstoxtotp.port.JsonValue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Step 4: the PIN, base64-encoded exactly once (the Python seed encoded it twice when read
 * from a {@code .env} file, which the server counts as a wrong PIN; five lock the account).
 * Protocols that {@linkplain LoginProtocol#pinCarriesProfile() carry the profile} add step 3's
 * {@code profileId} to the body and {@code X-Profile-Id}/{@code X-User-Id} to the headers.
 */
final class PinStep implements Step<LoginState.OtpVerified, LoginState.PinAccepted> {
    /** Protocols that carry the profile name it in this header too. */
    static final String PROFILE_ID_HEADER = "X-Profile-Id";
    /** Protocols that carry the profile send its user id in this header. */
    static final String USER_ID_HEADER = "X-User-Id";

    @Override
    public LoginStep id() {
        return LoginStep.PIN_2FA;
    }

    static String encodePin(String pin) {
        return Base64.getEncoder().encodeToString(pin.getBytes(StandardCharsets.UTF_8));
    }

    JsonObject body(LoginState.OtpVerified state, StepContext c) {
        JsonObject.Builder data = JsonObject.builder()
                .put("twoFAMethod", "SECRET_PIN")
                .put("inputText", encodePin(c.config().pinCode().reveal()));
        if (c.protocol().pinCarriesProfile()) {
            data.put("profileId", profile(state, c).profileId()); // a JSON number, not a string
        }
        return JsonObject.builder().put("data", data.build()).build();
    }

    @Override
    public HttpRequest request(LoginState.OtpVerified state, StepContext c) {
        HttpRequest.Builder b = HttpRequest.post(Wire.uri(c.config().serviceBaseUrl(), c.protocol().pinPath(),
                "client_id", c.config().clientId(),
                "redirect_uri", c.protocol().internalRedirectUri().toString()));
        Wire.browserHeaders(b, c.requestId());
        if (c.protocol().pinCarriesProfile()) {
            UserProfile p = profile(state, c);
            b.header(PROFILE_ID_HEADER, Integer.toString(p.profileId())).header(USER_ID_HEADER, p.userId());
        }
        return b.body(c.write(body(state, c))).build();
    }

    /**
     * The profile step 3 chose, which protocols that {@linkplain LoginProtocol#pinCarriesProfile()
     * carry it} must send; checked before anything is sent, so a PIN never goes out without it.
     */
    private UserProfile profile(LoginState.OtpVerified state, StepContext c) {
        UserProfile p = state.validation().profile();
        if (p == null || p.userId() == null || p.userId().isBlank()) {
            throw new ProtocolException(id(), "profileId", "the " + c.protocol().name() + " login protocol sends the"
                    + " profile id and user id with the PIN, but TOTP verification named no profile; the PIN was not sent");
        }
        return p;
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

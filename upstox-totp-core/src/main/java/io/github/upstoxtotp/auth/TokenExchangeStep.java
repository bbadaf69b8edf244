package io.github.upstoxtotp.auth;

import io.github.upstoxtotp.model.AccessTokenData;
import io.github.upstoxtotp.error.LoginStep;
import io.github.upstoxtotp.port.HttpRequest;
import io.github.upstoxtotp.port.HttpResponse;
import io.github.upstoxtotp.port.JsonValue;

import java.nio.charset.StandardCharsets;

/**
 * Step 6: the standard OAuth code exchange on the public API: a form POST with the app's own
 * redirect URI and the client secret. No browser headers and no session cookies.
 */
final class TokenExchangeStep implements Step<LoginState.Authorized, LoginState.TokenIssued> {
    private final boolean refreshExtendedToken;

    TokenExchangeStep() {
        this(false);
    }

    /** @param refreshExtendedToken also send {@code refresh_extended_token=true}: ask for a new extended token */
    TokenExchangeStep(boolean refreshExtendedToken) {
        this.refreshExtendedToken = refreshExtendedToken;
    }

    @Override
    public LoginStep id() {
        return LoginStep.TOKEN_EXCHANGE;
    }

    @Override
    public boolean usesSession() {
        return false;
    }

    String form(LoginState.Authorized state, StepContext c) {
        String form = Wire.form(
                "code", state.authorization().code(),
                "client_id", c.config().clientId(),
                "client_secret", c.config().clientSecret().reveal(),
                "redirect_uri", c.config().redirectUri().toString(),
                "grant_type", "authorization_code");
        return refreshExtendedToken ? form + "&" + Wire.form("refresh_extended_token", "true") : form;
    }

    @Override
    public HttpRequest request(LoginState.Authorized state, StepContext c) {
        return HttpRequest.post(Wire.uri(c.config().apiBaseUrl(), c.protocol().tokenPath()))
                .header("content-type", Wire.FORM)
                .header("accept", Wire.JSON)
                .body(form(state, c).getBytes(StandardCharsets.UTF_8))
                .build();
    }

    @Override
    public LoginState.TokenIssued next(LoginState.Authorized state, HttpResponse response, JsonValue body) {
        Fields f = Fields.root(id(), body);
        return new LoginState.TokenIssued(new AccessTokenData(
                f.optString("email"),
                f.strings("exchanges"),
                f.strings("products"),
                f.optString("broker"),
                f.optString("user_id"),
                f.optString("user_name"),
                f.strings("order_types"),
                f.optString("user_type"),
                f.optBoolean("poa"),
                f.optBoolean("ddpi"),
                f.optBoolean("is_active"),
                f.string("access_token"),
                f.optString("extended_token")));
    }
}

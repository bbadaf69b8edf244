package io.github.upstoxtotp.auth;

import io.github.upstoxtotp.error.ProtocolException;
import io.github.upstoxtotp.error.LoginStep;
import io.github.upstoxtotp.model.OAuthAuthorization;
import io.github.upstoxtotp.port.HttpRequest;
import io.github.upstoxtotp.port.HttpResponse;
import io.github.upstoxtotp.port.JsonObject;
import io.github.upstoxtotp.port.JsonValue;

import java.net.URI;

/** Step 5: approve the app; the answer's {@code data.redirectUri} carries the authorization code. */
final class OAuthAuthorizeStep implements Step<LoginState.PinAccepted, LoginState.Authorized> {
    private static final String REDIRECT_URI = "data.redirectUri";

    @Override
    public LoginStep id() {
        return LoginStep.OAUTH_AUTHORIZE;
    }

    JsonObject body(LoginState.PinAccepted state, StepContext c) {
        return JsonObject.builder().put("data", JsonObject.builder().put("userOAuthApproval", true).build()).build();
    }

    @Override
    public HttpRequest request(LoginState.PinAccepted state, StepContext c) {
        HttpRequest.Builder b = HttpRequest.post(Wire.uri(c.config().serviceBaseUrl(), c.protocol().oauthAuthorizePath(),
                "client_id", c.config().clientId(),
                "redirect_uri", c.protocol().internalRedirectUri().toString(),
                "requestId", c.requestId(),
                "response_type", "code"));
        return Wire.browserHeaders(b, c.requestId()).body(c.write(body(state, c))).build();
    }

    @Override
    public LoginState.Authorized next(LoginState.PinAccepted state, HttpResponse response, JsonValue body) {
        Fields data = Fields.root(id(), body).object("data");
        String redirectUri = data.string("redirectUri");
        URI uri;
        try {
            uri = new URI(redirectUri.strip());
        } catch (java.net.URISyntaxException e) {
            // the message would quote the URI, code and all
            throw new ProtocolException(id(), REDIRECT_URI, REDIRECT_URI + " is not a valid URI");
        }
        String code = Wire.queryParameters(uri).get("code");
        if (code == null || code.isBlank()) {
            throw new ProtocolException(id(), REDIRECT_URI, REDIRECT_URI + " carries no code");
        }
        return new LoginState.Authorized(state.user(),
                new OAuthAuthorization(redirectUri, code, data.optBoolean("isApproved")));
    }
}

package io.github.upstoxtotp.testing;

import io.github.upstoxtotp.port.JsonBoolean;
import io.github.upstoxtotp.port.JsonObject;
import io.github.upstoxtotp.port.JsonValue;

/**
 * Step 5: OAuth approval. Needs the PIN accepted in this session, the app's client id and the
 * internal redirect URI in the query, {@code response_type=code} and {@code requestId} equal to
 * the {@code x-request-id} header. Answers the app's redirect URI with a fresh single-use
 * {@code code}; a refused approval ({@code userOAuthApproval:false}) gets
 * {@code error=access_denied} and no code.
 */
final class OAuthAuthorizeHandler {
    private OAuthAuthorizeHandler() {
    }

    static SimReply handle(SimExchange ex, SimulatorState st, Envelopes env) {
        SimSession s = LoginServiceChecks.session(ex, st, env);
        LoginServiceChecks.internalRedirectQuery(ex, s, st, env);
        if (!"code".equals(ex.query("response_type"))) {
            throw env.loginReject(400, Envelopes.LOGIN_GENERIC, "Invalid request: response_type must be code");
        }
        String requestId = ex.query("requestId");
        if (requestId == null || !requestId.equals(ex.header("x-request-id").orElse(null))) {
            throw env.loginReject(400, Envelopes.LOGIN_GENERIC, "Invalid request: requestId must equal the x-request-id header");
        }
        if (!s.pinAccepted) {
            throw env.loginReject(400, Envelopes.LOGIN_GENERIC, "Please enter your PIN before authorizing the app");
        }
        JsonValue approval = ex.data().get("userOAuthApproval").orElse(null);
        if (!(approval instanceof JsonBoolean)) {
            throw env.loginReject(400, Envelopes.LOGIN_GENERIC, "Invalid request: userOAuthApproval must be true or false");
        }
        String separator = s.appRedirectUri.contains("?") ? "&" : "?";
        if (!((JsonBoolean) approval).value()) {
            return env.loginOk(JsonObject.builder()
                    .put("redirectUri", s.appRedirectUri + separator + "error=access_denied")
                    .put("isApproved", false)
                    .build());
        }
        String code = st.newCode(s, ex.now());
        return env.loginOk(JsonObject.builder()
                .put("redirectUri", s.appRedirectUri + separator + "code=" + DialogHandler.enc(code))
                .put("isApproved", true)
                .build());
    }
}

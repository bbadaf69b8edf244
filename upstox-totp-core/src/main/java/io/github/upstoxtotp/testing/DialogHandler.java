package io.github.upstoxtotp.testing;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Step 1: the authorization dialog and its redirect hop.
 *
 * <p>{@code GET dialog} checks the app (client id, exact redirect URI), opens a login session
 * and redirects to the hop with two {@code Set-Cookie} fields (the session, and a device
 * cookie, so that clients must keep every cookie, not the last). The hop, which needs the
 * session cookie back, redirects to the login page with {@code client_id}, {@code user_id}
 * (the session's pre-login id) and {@code user_type}: where the client stops.
 */
final class DialogHandler {
    private DialogHandler() {
    }

    static SimReply dialog(SimExchange ex, SimulatorState st, Envelopes env) {
        if (!"code".equals(ex.query("response_type"))) {
            throw env.apiReject(400, Envelopes.INVALID_INPUT, "Invalid input: response_type must be code", "response_type");
        }
        String clientId = ex.query("client_id");
        String redirectUri = ex.query("redirect_uri");
        SimulatedAccount app = st.app(clientId);
        if (app == null || !app.redirectUri().equals(redirectUri)) {
            throw env.apiReject(400, Envelopes.CLIENT_MISMATCH,
                    "Check your 'client_id' and 'redirect_uri'; one or both are incorrect.", app == null ? "client_id" : "redirect_uri");
        }
        SimSession s = st.newSession(clientId, redirectUri, ex.now());
        String location = st.config.apiUrl(SimulatorConfig.HOP_PATH) + "?client_id=" + enc(clientId);
        return env.redirect(location, List.of(
                cookie(st, LoginServiceChecks.SESSION_COOKIE + "=" + s.id) + "; HttpOnly; SameSite=Lax",
                cookie(st, "sim_device=" + st.randomHex(8)) + "; Max-Age=31536000; SameSite=Lax"));
    }

    static SimReply hop(SimExchange ex, SimulatorState st, Envelopes env) {
        SimSession s = st.session(ex.cookie(LoginServiceChecks.SESSION_COOKIE), ex.now());
        if (s == null) {
            throw env.apiReject(400, Envelopes.INVALID_INPUT,
                    "Invalid input: the login session cookie is missing or expired (cookies must be kept across redirects)", null);
        }
        String location = SimulatorConfig.LOGIN_PAGE
                + "?client_id=" + enc(s.clientId)
                + "&redirect_uri=" + enc(st.config.protocol().internalRedirectUri().toString())
                + "&response_type=code"
                + "&user_id=" + enc(s.preLoginUserId)
                + "&user_type=individual";
        return env.redirect(location, List.of());
    }

    /** {@code name=value; Path=/} plus {@code Domain} and {@code Secure} when the bases call for them. */
    private static String cookie(SimulatorState st, String nameValue) {
        StringBuilder c = new StringBuilder(nameValue).append("; Path=/");
        String domain = SimulatorConfig.cookieDomain(st.config.apiBase(), st.config.serviceBase());
        if (domain != null) {
            c.append("; Domain=").append(domain);
        }
        if (st.config.secure()) {
            c.append("; Secure");
        }
        return c.toString();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

package io.github.upstoxtotp.testing;

import java.util.regex.Pattern;

/**
 * The checks every login-service request passes before its step runs: the browser-like
 * headers the service insists on, and the session cookie. Failing any is the generic 1017016,
 * which is what the real service answers when it does not recognise the client or session.
 */
final class LoginServiceChecks {
    static final String SESSION_COOKIE = "sim_session";
    private static final Pattern REQUEST_ID = Pattern.compile("^WPRO-[A-Za-z0-9]{10}$");

    private LoginServiceChecks() {
    }

    /**
     * The request's live session.
     *
     * @throws Rejection 1017016 if a header is missing or malformed, or the cookie is missing or unknown
     */
    static SimSession session(SimExchange ex, SimulatorState st, Envelopes env) {
        if (!ex.contentTypeIs("application/json")) {
            throw env.loginReject(400, Envelopes.LOGIN_GENERIC, "Invalid request: content-type must be application/json");
        }
        String requestId = ex.header("x-request-id").orElse("");
        if (!REQUEST_ID.matcher(requestId).matches()) {
            throw env.loginReject(400, Envelopes.LOGIN_GENERIC, "Invalid request: x-request-id is missing or malformed");
        }
        SimSession session = st.session(ex.cookie(SESSION_COOKIE), ex.now());
        if (session == null) {
            throw env.loginReject(401, Envelopes.LOGIN_GENERIC,
                    "Your session has expired or was not found. Please start the login again");
        }
        return session;
    }

    /**
     * Steps 4 and 5 carry the app's client id and the internal redirect URI in the query;
     * both must be the ones this session started with.
     */
    static void internalRedirectQuery(SimExchange ex, SimSession session, SimulatorState st, Envelopes env) {
        String clientId = ex.query("client_id");
        String redirect = ex.query("redirect_uri");
        if (!session.clientId.equals(clientId)
                || !st.config.protocol().internalRedirectUri().toString().equals(redirect)) {
            throw env.loginReject(400, Envelopes.LOGIN_GENERIC, "Invalid request: client_id or redirect_uri does not match");
        }
    }
}

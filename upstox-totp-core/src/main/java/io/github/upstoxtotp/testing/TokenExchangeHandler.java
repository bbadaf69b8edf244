package io.github.upstoxtotp.testing;

import io.github.upstoxtotp.port.JsonArray;
import io.github.upstoxtotp.port.JsonNull;
import io.github.upstoxtotp.port.JsonObject;
import io.github.upstoxtotp.port.JsonValue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Step 6: the code-for-token exchange, a form POST on the API host. The code is taken out of
 * the store before anything else is checked, so it is spent whatever the outcome, as on the
 * real service. Success is the bare object of PROTOCOL.md with a JWT-shaped access token that
 * expires at the next 03:30 Asia/Kolkata, and, for an account with {@code extendedToken}, a
 * year-long extended token: the same one each time until it expires or the form carries
 * {@code refresh_extended_token=true}, which issues a new one.
 */
final class TokenExchangeHandler {
    private static final Duration EXTENDED_TOKEN_LIFETIME = Duration.ofDays(365);

    private TokenExchangeHandler() {
    }

    static SimReply handle(SimExchange ex, SimulatorState st, Envelopes env) {
        if (!ex.contentTypeIs("application/x-www-form-urlencoded")) {
            throw env.apiReject(400, Envelopes.INVALID_INPUT,
                    "Invalid input: content-type must be application/x-www-form-urlencoded", null);
        }
        Map<String, String> form = ex.form();
        SimulatorState.AuthCode code = st.takeCode(form.get("code"));
        if (!"authorization_code".equals(form.get("grant_type"))) {
            throw env.apiReject(400, Envelopes.INVALID_INPUT, "Invalid input: grant_type must be authorization_code", "grant_type");
        }
        String clientId = form.get("client_id");
        SimulatedAccount app = st.app(clientId);
        if (app == null || !secretMatches(form.get("client_secret"), app.clientSecret())) {
            throw env.apiReject(401, Envelopes.INVALID_CREDENTIALS, "Invalid Credentials", "client_secret");
        }
        if (!app.redirectUri().equals(form.get("redirect_uri"))) {
            throw env.apiReject(400, Envelopes.CLIENT_MISMATCH,
                    "Check your 'client_id' and 'redirect_uri'; one or both are incorrect.", "redirect_uri");
        }
        if (code == null || !code.clientId().equals(clientId) || !code.redirectUri().equals(form.get("redirect_uri"))) {
            throw env.apiReject(401, Envelopes.INVALID_CREDENTIALS, "Invalid Credentials: the code is unknown or already used", "code");
        }
        if (!ex.now().isBefore(code.expires())) {
            throw env.apiReject(401, Envelopes.INVALID_CREDENTIALS, "Invalid Credentials: the code has expired", "code");
        }
        boolean refreshExtended = "true".equalsIgnoreCase(form.get("refresh_extended_token"));
        return env.bare(body(code.account(), ex.now(), st, refreshExtended));
    }

    private static JsonObject body(AccountState acct, Instant now, SimulatorState st, boolean refreshExtended) {
        SimulatedAccount a = acct.account;
        String access = st.jwt.issue(a.userId(), st.randomHex(16), now, FakeJwt.nextExpiry(now), false);
        if (a.extendedToken() && (refreshExtended || !st.jwt.isValid(acct.extendedToken, now))) {
            acct.extendedToken = st.jwt.issue(a.userId(), st.randomHex(16), now, now.plus(EXTENDED_TOKEN_LIFETIME), true);
        }
        JsonValue extended = a.extendedToken() ? JsonValue.of(acct.extendedToken) : JsonNull.INSTANCE;
        return JsonObject.builder()
                .put("email", a.email())
                .put("exchanges", strings("NSE", "NFO", "BSE", "BFO", "CDS", "BCD", "MCX"))
                .put("products", strings("D", "I", "CO", "MTF"))
                .put("broker", "UPSTOX")
                .put("user_id", a.userId())
                .put("user_name", a.userName())
                .put("order_types", strings("MARKET", "LIMIT", "SL", "SL-M"))
                .put("user_type", "individual")
                .put("poa", false)
                .put("ddpi", true)
                .put("is_active", true)
                .put("access_token", access)
                .put("extended_token", extended)
                .build();
    }

    private static JsonArray strings(String... values) {
        JsonValue[] out = new JsonValue[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = JsonValue.of(values[i]);
        }
        return JsonArray.of(out);
    }

    /** Constant-time comparison, so the simulator does not teach timing attacks by example. */
    private static boolean secretMatches(String given, String expected) {
        return given != null
                && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}

package io.github.upstoxtotp.testing;

import io.github.upstoxtotp.port.JsonNumber;
import io.github.upstoxtotp.port.JsonObject;
import io.github.upstoxtotp.port.JsonValue;

import java.math.BigDecimal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Step 4: the PIN. It must come after a verified TOTP in the same session, and
 * {@code inputText} must be the PIN base64-encoded exactly once: the PIN in clear, or encoded
 * twice (the seed SDK's bug), is a wrong PIN like any other. The configured number of wrong
 * PINs in a row locks the account; a locked account refuses every PIN, the right one too,
 * until {@link SimulatedUpstox#unlockAccount} or a reset. When the protocol
 * {@linkplain io.github.upstoxtotp.auth.LoginProtocol#pinCarriesProfile() carries the profile},
 * the body's numeric {@code profileId} and the {@code X-Profile-Id}/{@code X-User-Id} headers
 * must match the account, checked before the PIN.
 */
final class PinHandler {
    private static final Duration REFRESH_TOKEN_LIFETIME = Duration.ofDays(365);

    private PinHandler() {
    }

    static SimReply handle(SimExchange ex, SimulatorState st, Envelopes env) {
        SimSession s = LoginServiceChecks.session(ex, st, env);
        LoginServiceChecks.internalRedirectQuery(ex, s, st, env);
        if (!s.totpVerified || s.account == null) {
            throw env.loginReject(400, Envelopes.LOGIN_GENERIC, "Please verify the OTP before entering the PIN");
        }
        JsonObject data = ex.data();
        if (!"SECRET_PIN".equals(SimExchange.string(data, "twoFAMethod"))) {
            throw env.loginReject(400, Envelopes.LOGIN_GENERIC, "Invalid request: twoFAMethod must be SECRET_PIN");
        }
        AccountState account = s.account;
        if (st.config.protocol().pinCarriesProfile()) {
            checkProfile(ex, data, account.account, env); // before the PIN: a malformed request is not a wrong PIN
        }
        if (account.locked) {
            throw env.loginReject(403, Envelopes.ACCOUNT_LOCKED,
                    "Your account is locked after too many incorrect PIN attempts. Reset your PIN to unlock it");
        }
        if (!pinMatches(SimExchange.string(data, "inputText"), account.account.pin())) {
            account.wrongPins++;
            if (account.wrongPins >= st.config.maxWrongPins()) {
                account.locked = true;
            }
            throw env.loginReject(400, Envelopes.WRONG_PIN, "You have entered an incorrect PIN");
        }
        account.wrongPins = 0;
        s.pinAccepted = true;
        SimulatedAccount a = account.account;
        String redirect = st.config.protocol().internalRedirectUri() + "?client_id=" + DialogHandler.enc(s.clientId)
                + "&user_id=" + DialogHandler.enc(a.userId());
        return env.loginOk(JsonObject.builder()
                .put("redirectUri", redirect)
                .put("userType", "individual")
                .put("customerStatus", "ACTIVE")
                .put("appStatus", "ACTIVE")
                .put("refreshTokenExpiry", ex.now().plus(REFRESH_TOKEN_LIFETIME).toEpochMilli())
                .put("isPlusPlanFastWebsocketEnabled", false)
                .put("isNewRefreshTokenCreated", true)
                .put("isExternalClientOAuthApp", false)
                .build());
    }

    /**
     * Protocols that carry the profile: {@code profileId} in the body must be a JSON number
     * (a string does not do), and the {@code X-Profile-Id} and {@code X-User-Id} headers must
     * name the same profile and its user, all matching the account being logged in.
     */
    private static void checkProfile(SimExchange ex, JsonObject data, SimulatedAccount a, Envelopes env) {
        Optional<JsonValue> id = data.get("profileId");
        if (id.isEmpty() || !(id.get() instanceof JsonNumber n)
                || n.value().compareTo(BigDecimal.valueOf(a.profileId())) != 0) {
            throw env.loginReject(400, Envelopes.LOGIN_GENERIC,
                    "Invalid request: profileId is missing, not a number or not this account's");
        }
        if (!ex.header("X-Profile-Id").orElse("").equals(Integer.toString(a.profileId()))
                || !ex.header("X-User-Id").orElse("").equals(a.userId())) {
            throw env.loginReject(400, Envelopes.LOGIN_GENERIC,
                    "Invalid request: X-Profile-Id or X-User-Id is missing or does not match the profile");
        }
    }

    /** True only when {@code inputText} decodes (standard Base64) to exactly the PIN. */
    static boolean pinMatches(String inputText, String pin) {
        if (inputText == null) {
            return false;
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(inputText);
        } catch (IllegalArgumentException e) {
            return false; // not Base64 at all, e.g. a PIN with characters outside the alphabet
        }
        return MessageDigest.isEqual(decoded, pin.getBytes(StandardCharsets.UTF_8));
    }
}

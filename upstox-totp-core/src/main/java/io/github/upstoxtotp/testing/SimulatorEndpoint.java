package io.github.upstoxtotp.testing;

/**
 * What a request to the {@link SimulatedUpstox} was addressed to: the six login steps, the
 * redirect hop between the dialog and the login page, and everything else.
 *
 * <p>Paths are those of the {@link io.github.upstoxtotp.auth.LoginProtocol} the simulator serves;
 * the seed's are shown. Used to read counters ({@link SimulatedUpstox#requestCount(SimulatorEndpoint)}), to tag the
 * request log, and to aim injected failures ({@link SimulatedUpstox#failNext}).
 */
public enum SimulatorEndpoint {
    /** Step 1: {@code GET {api}/v2/login/authorization/dialog}. */
    AUTHORIZATION_DIALOG,
    /** The redirect hop on the API base that the dialog sends the client to; it sets no cookie of its own and redirects to the login page. */
    DIALOG_HOP,
    /** Step 2: {@code POST {service}/login/open/v6/auth/1fa/otp/generate}. */
    OTP_GENERATE,
    /** Step 3: {@code POST {service}/login/open/v4/auth/1fa/otp-totp/verify} (v5 in the v2026 protocol). */
    TOTP_VERIFY,
    /** Step 4: {@code POST {service}/login/open/v3/auth/2fa} (v4 in the v2026 protocol). */
    PIN_2FA,
    /** Step 5: {@code POST {service}/login/v2/oauth/authorize}. */
    OAUTH_AUTHORIZE,
    /** Step 6: {@code POST {api}/v2/login/authorization/token}. */
    TOKEN_EXCHANGE,
    /** Any request the simulator has no endpoint for (answered 404). */
    UNKNOWN
}

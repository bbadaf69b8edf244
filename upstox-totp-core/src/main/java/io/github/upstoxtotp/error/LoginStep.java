package io.github.upstoxtotp.error;

/**
 * The six exchanges of the headless login, in the order they run.
 *
 * <p>Errors name the step they happened in ({@code UpstoxApiException#step()}), and the CLI
 * prints progress as "step i/6".
 */
public enum LoginStep {
    /** 1. GET the OAuth authorization dialog and follow redirects until {@code user_id} appears. */
    AUTHORIZATION_DIALOG("authorization dialog"),
    /** 2. Ask the login service for an OTP (the token that the TOTP will validate). */
    OTP_GENERATE("OTP generation"),
    /** 3. Verify the current TOTP in place of the SMS OTP. */
    TOTP_VERIFY("TOTP verification"),
    /** 4. Submit the PIN (second factor), base64-encoded, exactly once. */
    PIN_2FA("PIN verification"),
    /** 5. Approve the OAuth request; the answer carries the authorization code. */
    OAUTH_AUTHORIZE("OAuth authorization"),
    /** 6. Exchange the authorization code for the access token. */
    TOKEN_EXCHANGE("token exchange");

    private final String label;

    LoginStep(String label) {
        this.label = label;
    }

    /**
     * True for the steps sent to the login service (steps 2-5), the host whose counters block
     * OTP generation and lock PINs; the dialog and the token exchange go to the API host.
     */
    public boolean onLoginService() {
        return this != AUTHORIZATION_DIALOG && this != TOKEN_EXCHANGE;
    }

    /** Human-readable name, e.g. {@code "PIN verification"}. */
    public String label() {
        return label;
    }

    /** 1-based position in the flow, for "step i/6" progress output. */
    public int number() {
        return ordinal() + 1;
    }

    /** Number of steps in a full login. */
    public static int count() {
        return values().length;
    }
}

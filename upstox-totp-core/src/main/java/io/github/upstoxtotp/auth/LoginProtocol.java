package io.github.upstoxtotp.auth;

import java.net.URI;
import java.util.Objects;

/**
 * The login service's endpoint table: every path and version the flow uses, as data.
 *
 * <p>The login-service endpoints are undocumented and have changed before; when they change
 * again, a new constant here is the whole fix. Paths are relative to the API base
 * ({@code dialogPath}, {@code tokenPath}) or the login-service base (the rest).
 *
 * @param name short name users select it by
 * @param dialogPath step 1, GET on the API base
 * @param otpGeneratePath step 2, POST on the service base
 * @param totpVerifyPath step 3, POST on the service base
 * @param pinPath step 4, POST on the service base
 * @param oauthAuthorizePath step 5, POST on the service base
 * @param tokenPath step 6, POST on the API base
 * @param internalRedirectUri the {@code redirect_uri} that steps 4 and 5 send (not the app's)
 */
public record LoginProtocol(
        String name,
        String dialogPath,
        String otpGeneratePath,
        String totpVerifyPath,
        String pinPath,
        String oauthAuthorizePath,
        String tokenPath,
        URI internalRedirectUri) {

    /** The versions the Python seed SDK (upstox-totp 1.0.8) speaks. The default. */
    public static final LoginProtocol SEED = new LoginProtocol(
            "seed",
            "/v2/login/authorization/dialog",
            "/login/open/v6/auth/1fa/otp/generate",
            "/login/open/v4/auth/1fa/otp-totp/verify",
            "/login/open/v3/auth/2fa",
            "/login/v2/oauth/authorize",
            "/v2/login/authorization/token",
            URI.create("https://api-v2.upstox.com/login/authorization/redirect"));

    public LoginProtocol {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dialogPath, "dialogPath");
        Objects.requireNonNull(otpGeneratePath, "otpGeneratePath");
        Objects.requireNonNull(totpVerifyPath, "totpVerifyPath");
        Objects.requireNonNull(pinPath, "pinPath");
        Objects.requireNonNull(oauthAuthorizePath, "oauthAuthorizePath");
        Objects.requireNonNull(tokenPath, "tokenPath");
        Objects.requireNonNull(internalRedirectUri, "internalRedirectUri");
    }
}

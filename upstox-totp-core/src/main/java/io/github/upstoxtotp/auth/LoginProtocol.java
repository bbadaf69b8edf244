package io.github.upstoxtotp.auth;

import io.github.upstoxtotp.error.LoginStep;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The login service's endpoint table: every path and version the flow uses, and the few
 * places where variants of the service differ in shape, as data.
 *
 * <p>The login-service endpoints are undocumented and have changed before; when they change
 * again, a new constant here is the whole fix. Paths are relative to the API base
 * ({@code dialogPath}, {@code tokenPath}) or the login-service base (the rest).
 *
 * <p>Two variants are known, selected by the {@code UPSTOX_LOGIN_PROTOCOL} setting
 * (case-insensitive) through {@link #byName(String)}:
 * <table>
 *   <caption>Known login protocols</caption>
 *   <tr><th>name</th><th>step 2</th><th>step 3</th><th>step 4</th></tr>
 *   <tr><td>{@code seed} (default)</td><td>v6 generate</td><td>v4 verify, answers {@code userProfile}</td>
 *       <td>v3 2fa</td></tr>
 *   <tr><td>{@code v2026}</td><td>v6 generate, body adds {@code countryIsdCode:"+91"}</td>
 *       <td>v5 verify, answers {@code accounts[]}</td>
 *       <td>v4 2fa, body adds {@code profileId} (a number), headers {@code X-Profile-Id}, {@code X-User-Id}</td></tr>
 * </table>
 *
 * @param name short name users select it by (lower case)
 * @param dialogPath step 1, GET on the API base
 * @param otpGeneratePath step 2, POST on the service base
 * @param totpVerifyPath step 3, POST on the service base
 * @param pinPath step 4, POST on the service base
 * @param oauthAuthorizePath step 5, POST on the service base
 * @param tokenPath step 6, POST on the API base
 * @param internalRedirectUri the {@code redirect_uri} that steps 4 and 5 send (not the app's)
 * @param sendsCountryIsdCode step 2's body carries {@code "countryIsdCode":"+91"}
 * @param verifyAnswersAccounts step 3 answers {@code data.accounts[]} (each with {@code profileId}
 *     and {@code userId}) instead of {@code data.userProfile}
 * @param pinCarriesProfile step 4's body carries the chosen account's {@code profileId} as a
 *     number, and the request the {@code X-Profile-Id} and {@code X-User-Id} headers
 */
public record LoginProtocol(
        String name,
        String dialogPath,
        String otpGeneratePath,
        String totpVerifyPath,
        String pinPath,
        String oauthAuthorizePath,
        String tokenPath,
        URI internalRedirectUri,
        boolean sendsCountryIsdCode,
        boolean verifyAnswersAccounts,
        boolean pinCarriesProfile) {

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

    /**
     * The variant public clients reported in 2026: {@code countryIsdCode} in OTP generation,
     * TOTP verify at v5 answering {@code accounts[]}, PIN at v4 carrying the profile.
     */
    public static final LoginProtocol V2026 = new LoginProtocol(
            "v2026",
            SEED.dialogPath(),
            SEED.otpGeneratePath(),
            "/login/open/v5/auth/1fa/otp-totp/verify",
            "/login/open/v4/auth/2fa",
            SEED.oauthAuthorizePath(),
            SEED.tokenPath(),
            SEED.internalRedirectUri(),
            true, true, true);

    private static final List<LoginProtocol> KNOWN = List.of(SEED, V2026);

    /** Checks every component is present. */
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

    /** A table with the seed's body shapes and headers and the given paths (a path-only variant). */
    public LoginProtocol(String name, String dialogPath, String otpGeneratePath, String totpVerifyPath, String pinPath,
                         String oauthAuthorizePath, String tokenPath, URI internalRedirectUri) {
        this(name, dialogPath, otpGeneratePath, totpVerifyPath, pinPath, oauthAuthorizePath, tokenPath,
                internalRedirectUri, false, false, false);
    }

    /** The known protocols, the default ({@link #SEED}) first. */
    public static List<LoginProtocol> known() {
        return KNOWN;
    }

    /** The names of the known protocols, as {@code UPSTOX_LOGIN_PROTOCOL} accepts them: {@code seed, v2026}. */
    public static List<String> names() {
        List<String> out = new ArrayList<>();
        KNOWN.forEach(p -> out.add(p.name()));
        return List.copyOf(out);
    }

    /** The known protocol of that name, ignoring case and surrounding spaces, if any. */
    public static Optional<LoginProtocol> find(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.strip().toLowerCase(Locale.ROOT);
        return KNOWN.stream().filter(p -> p.name().equals(n)).findFirst();
    }

    /**
     * The known protocol of that name, ignoring case: what a config's
     * {@code loginProtocol()} maps to.
     *
     * @throws IllegalArgumentException naming the valid values when there is no such protocol
     */
    public static LoginProtocol byName(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException(
                "unknown login protocol '" + name + "': valid values are " + String.join(", ", names())));
    }

    /** The path {@code step} is sent to (relative to the API base for steps 1 and 6, the service base otherwise). */
    public String path(LoginStep step) {
        switch (Objects.requireNonNull(step, "step")) {
            case AUTHORIZATION_DIALOG:
                return dialogPath;
            case OTP_GENERATE:
                return otpGeneratePath;
            case TOTP_VERIFY:
                return totpVerifyPath;
            case PIN_2FA:
                return pinPath;
            case OAUTH_AUTHORIZE:
                return oauthAuthorizePath;
            case TOKEN_EXCHANGE:
                return tokenPath;
            default:
                throw new IllegalArgumentException("no path for " + step);
        }
    }
}

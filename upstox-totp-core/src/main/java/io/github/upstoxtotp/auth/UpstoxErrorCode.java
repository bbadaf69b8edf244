package io.github.upstoxtotp.auth;

import java.util.Locale;
import java.util.Optional;

/**
 * The error codes Upstox is known to send during a login, each with what it means and what
 * the user can do about it. Codes not listed here are reported raw, without a tip.
 */
public enum UpstoxErrorCode {
    UDAPI10000("UDAPI10000", "request not supported",
            "the request is not supported: the login protocol may have changed; update upstox-totp"),
    UDAPI100016("UDAPI100016", "invalid credentials",
            "check UPSTOX_CLIENT_ID, UPSTOX_CLIENT_SECRET and UPSTOX_PIN_CODE"),
    UDAPI10005("UDAPI10005", "too many requests",
            "wait before retrying: Upstox limits how often you may call (it sends no Retry-After)"),
    UDAPI100015("UDAPI100015", "API version does not exist",
            "the endpoint version is gone: update upstox-totp"),
    UDAPI100050("UDAPI100050", "invalid token",
            "the token expired or was revoked: log in again"),
    UDAPI100067("UDAPI100067", "API not allowed with extended token",
            "use the access token, not the extended token, for this call"),
    UDAPI100036("UDAPI100036", "invalid input",
            "check the configured values (mobile number, client id, redirect URI) for typos"),
    UDAPI100038("UDAPI100038", "invalid input",
            "check the configured values (mobile number, client id, redirect URI) for typos"),
    UDAPI100068("UDAPI100068", "client_id / redirect_uri mismatch",
            "UPSTOX_CLIENT_ID and UPSTOX_REDIRECT_URI must match the developer-app settings exactly"),
    UDAPI100073("UDAPI100073", "client_id inactive",
            "the app is inactive: ask Upstox to activate it"),
    UDAPI100500("UDAPI100500", "something went wrong",
            "an error on Upstox's side: try again later"),
    LOGIN_GENERIC_ERROR("1017016", "generic login-service error",
            "often a missing or wrong user id or mobile number: check UPSTOX_USERNAME"),
    OTP_REQUESTS_BLOCKED("1017069", "OTP requests blocked for about 10 minutes",
            "wait 10 minutes before logging in again; do not retry sooner"),
    WRONG_PIN("1017106", "wrong PIN",
            "check UPSTOX_PIN_CODE (the plain PIN, not base64); the account locks after 5 wrong PINs");

    /** The tip for a rejected TOTP, which Upstox reports by a message containing "attempts left". */
    public static final String WRONG_TOTP_TIP =
            "the TOTP was rejected: check UPSTOX_TOTP_SECRET and that the system clock is correct";

    private final String code;
    private final String meaning;
    private final String tip;

    UpstoxErrorCode(String code, String meaning, String tip) {
        this.code = code;
        this.meaning = meaning;
        this.tip = tip;
    }

    /** The code exactly as the server sends it. */
    public String code() {
        return code;
    }

    /** What the code means. */
    public String meaning() {
        return meaning;
    }

    /** What the user can do about it. */
    public String tip() {
        return tip;
    }

    /** The known code, if {@code code} is one (exact match, surrounding blanks ignored). */
    public static Optional<UpstoxErrorCode> of(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String c = code.strip();
        for (UpstoxErrorCode e : values()) {
            if (e.code.equals(c)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /**
     * The tip for an error: the wrong-TOTP tip when the message says "attempts left", else the
     * code's tip, else the tip for a bare HTTP status (429, 401/403, 5xx), else null.
     */
    public static String tipFor(String code, String message, int httpStatus) {
        if (message != null && message.toLowerCase(Locale.ROOT).contains("attempts left")) {
            return WRONG_TOTP_TIP;
        }
        Optional<UpstoxErrorCode> known = of(code);
        if (known.isPresent()) {
            return known.get().tip;
        }
        if (code != null) {
            return null;
        }
        if (httpStatus == 429) {
            return UDAPI10005.tip;
        }
        if (httpStatus == 401 || httpStatus == 403) {
            return "the login service refused the session: start the login again from the beginning";
        }
        if (httpStatus >= 500) {
            return UDAPI100500.tip;
        }
        return null;
    }
}

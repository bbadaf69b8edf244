package io.github.upstoxtotp.config;

import java.util.Optional;

/**
 * The table of every setting: its environment-variable name, what it is, whether it is a secret,
 * whether it is required, and its default. The order is the documented order, used for problem
 * lists and for {@code check-env} output.
 */
public enum Setting {
    /** The 10-digit mobile number. */
    USERNAME("UPSTOX_USERNAME", "10-digit mobile number registered with Upstox, without +91", false, true, null),
    /** Accepted for compatibility with the Python SDK; never sent, never required. */
    PASSWORD("UPSTOX_PASSWORD", "Upstox password; accepted for compatibility, never sent", true, false, null),
    /** The login PIN. */
    PIN_CODE("UPSTOX_PIN_CODE", "4-6 digit login PIN", true, true, null),
    /** The Base32 TOTP secret. */
    TOTP_SECRET("UPSTOX_TOTP_SECRET", "Base32 TOTP secret shown when enabling TOTP on Upstox", true, true, null),
    /** The developer app's API key. */
    CLIENT_ID("UPSTOX_CLIENT_ID", "API key of the Upstox developer app", false, true, null),
    /** The developer app's API secret. */
    CLIENT_SECRET("UPSTOX_CLIENT_SECRET", "API secret of the Upstox developer app", true, true, null),
    /** The redirect URL registered for the app. */
    REDIRECT_URI("UPSTOX_REDIRECT_URI", "redirect URL registered for the app, an absolute http(s) URL", false, true,
            null),
    /** Step-by-step logging, secrets redacted. */
    DEBUG("UPSTOX_DEBUG", "log each login step, secrets redacted: true/false, 1/0, yes/no, on/off", false, false,
            "false"),
    /** Pacing between login-service calls. */
    SLEEP_TIME("UPSTOX_SLEEP_TIME", "pause between login-service calls, in milliseconds (0-10000)", false, false,
            "1000"),
    /** Base URL of the Upstox API (OAuth authorize and token exchange). */
    API_BASE_URL("UPSTOX_API_BASE_URL", "base URL of the Upstox API", false, false, "https://api.upstox.com"),
    /** Base URL of the Upstox login service. */
    SERVICE_BASE_URL("UPSTOX_SERVICE_BASE_URL", "base URL of the Upstox login service", false, false,
            "https://service.upstox.com"),
    /** Where the access token is kept between runs. */
    TOKEN_STORE("UPSTOX_TOKEN_STORE", "file that keeps the access token between runs, or 'none'; unset: the caller's"
            + " default", false, false, null),
    /** Which variant of the login service to speak; see {@link UpstoxTotpConfig#LOGIN_PROTOCOLS}. */
    LOGIN_PROTOCOL("UPSTOX_LOGIN_PROTOCOL", "login-service variant: seed (the Python SDK's, default) or v2026 (TOTP"
            + " verify v5 answering accounts[], PIN v4 with the profile id); case-insensitive", false, false,
            UpstoxTotpConfig.DEFAULT_LOGIN_PROTOCOL);

    private final String envName;
    private final String description;
    private final boolean secret;
    private final boolean required;
    private final String defaultValue;

    Setting(String envName, String description, boolean secret, boolean required, String defaultValue) {
        this.envName = envName;
        this.description = description;
        this.secret = secret;
        this.required = required;
        this.defaultValue = defaultValue;
    }

    /** The environment-variable (and {@code .env}) name, e.g. {@code UPSTOX_PIN_CODE}. */
    public String envName() {
        return envName;
    }

    /** One line saying what the setting is, for help and {@code check-env} output. */
    public String description() {
        return description;
    }

    /** Whether the value is a credential: never printed, never put in a message. */
    public boolean isSecret() {
        return secret;
    }

    /** Whether a config cannot be built without it. */
    public boolean isRequired() {
        return required;
    }

    /** The value used when the setting is not given, as it would be written in {@code .env}. */
    public Optional<String> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    /** The setting with this environment-variable name (exact, case-sensitive), if any. */
    public static Optional<Setting> byEnvName(String envName) {
        for (Setting s : values()) {
            if (s.envName.equals(envName)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}

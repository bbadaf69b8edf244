package io.github.upstoxtotp.config;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Everything needed to log one Upstox account in. Immutable and thread-safe; secrets are
 * {@link Secret}s and {@link #toString()} masks them.
 *
 * <p>SKELETON: validation and environment loading are being added (issue 2).
 */
public final class UpstoxTotpConfig {
    public static final URI DEFAULT_API_BASE_URL = URI.create("https://api.upstox.com");
    public static final URI DEFAULT_SERVICE_BASE_URL = URI.create("https://service.upstox.com");
    public static final Duration DEFAULT_SLEEP_TIME = Duration.ofMillis(1000);

    private final String username;
    private final Secret password;
    private final Secret pinCode;
    private final Secret totpSecret;
    private final String clientId;
    private final Secret clientSecret;
    private final URI redirectUri;
    private final boolean debug;
    private final Duration sleepTime;
    private final URI apiBaseUrl;
    private final URI serviceBaseUrl;
    private final String tokenStore;

    private UpstoxTotpConfig(Builder b) {
        this.username = b.username;
        this.password = b.password;
        this.pinCode = b.pinCode;
        this.totpSecret = b.totpSecret;
        this.clientId = b.clientId;
        this.clientSecret = b.clientSecret;
        this.redirectUri = b.redirectUri;
        this.debug = b.debug;
        this.sleepTime = b.sleepTime;
        this.apiBaseUrl = b.apiBaseUrl;
        this.serviceBaseUrl = b.serviceBaseUrl;
        this.tokenStore = b.tokenStore;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The 10-digit mobile number (UPSTOX_USERNAME). */
    public String username() {
        return username;
    }

    /** UPSTOX_PASSWORD: accepted for parity with the Python SDK, never sent. */
    public Optional<Secret> password() {
        return Optional.ofNullable(password);
    }

    /** The 4-6 digit PIN (UPSTOX_PIN_CODE), plain; the login flow base64-encodes it once. */
    public Secret pinCode() {
        return pinCode;
    }

    /** The Base32 TOTP secret (UPSTOX_TOTP_SECRET), as given. */
    public Secret totpSecret() {
        return totpSecret;
    }

    public String clientId() {
        return clientId;
    }

    public Secret clientSecret() {
        return clientSecret;
    }

    public URI redirectUri() {
        return redirectUri;
    }

    public boolean debug() {
        return debug;
    }

    /** Pacing between consecutive login-service calls (UPSTOX_SLEEP_TIME). */
    public Duration sleepTime() {
        return sleepTime;
    }

    public URI apiBaseUrl() {
        return apiBaseUrl;
    }

    public URI serviceBaseUrl() {
        return serviceBaseUrl;
    }

    /** UPSTOX_TOKEN_STORE as given: a file path, {@code none}, or empty for the default. */
    public Optional<String> tokenStore() {
        return Optional.ofNullable(tokenStore);
    }

    /** Builds a config. Not thread-safe. */
    public static final class Builder {
        private String username;
        private Secret password;
        private Secret pinCode;
        private Secret totpSecret;
        private String clientId;
        private Secret clientSecret;
        private URI redirectUri;
        private boolean debug;
        private Duration sleepTime = DEFAULT_SLEEP_TIME;
        private URI apiBaseUrl = DEFAULT_API_BASE_URL;
        private URI serviceBaseUrl = DEFAULT_SERVICE_BASE_URL;
        private String tokenStore;

        private Builder() {
        }

        public Builder username(String v) { this.username = v; return this; }
        public Builder password(String v) { this.password = v == null ? null : Secret.of(v); return this; }
        public Builder pinCode(String v) { this.pinCode = v == null ? null : Secret.of(v); return this; }
        public Builder totpSecret(String v) { this.totpSecret = v == null ? null : Secret.of(v); return this; }
        public Builder clientId(String v) { this.clientId = v; return this; }
        public Builder clientSecret(String v) { this.clientSecret = v == null ? null : Secret.of(v); return this; }
        public Builder redirectUri(String v) { this.redirectUri = URI.create(v); return this; }
        public Builder debug(boolean v) { this.debug = v; return this; }
        public Builder sleepTime(Duration v) { this.sleepTime = v; return this; }
        public Builder apiBaseUrl(String v) { this.apiBaseUrl = URI.create(v); return this; }
        public Builder serviceBaseUrl(String v) { this.serviceBaseUrl = URI.create(v); return this; }
        public Builder tokenStore(String v) { this.tokenStore = v; return this; }

        public UpstoxTotpConfig build() {
            return new UpstoxTotpConfig(this);
        }
    }
}

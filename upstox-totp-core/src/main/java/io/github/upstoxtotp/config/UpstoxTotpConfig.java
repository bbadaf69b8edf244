package io.github.upstoxtotp.config;

import io.github.upstoxtotp.error.ConfigurationException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything needed to log one Upstox account in. Immutable and thread-safe; secrets are
 * {@link Secret}s and {@link #toString()} masks them.
 *
 * <p>Built by {@link #builder()}, {@link #fromEnv()}, {@link #fromEnvFile(Path)} or
 * {@link #from(List)}. Every way validates every {@link Setting} and reports all problems at once
 * in one {@link ConfigurationException}, each naming the setting by its environment-variable name
 * and never quoting a secret. Values are trimmed; a blank value counts as not given.
 */
public final class UpstoxTotpConfig {
    /** Default of {@link Setting#API_BASE_URL}. */
    public static final URI DEFAULT_API_BASE_URL = URI.create("https://api.upstox.com");
    /** Default of {@link Setting#SERVICE_BASE_URL}. */
    public static final URI DEFAULT_SERVICE_BASE_URL = URI.create("https://service.upstox.com");
    /** Default of {@link Setting#SLEEP_TIME}. */
    public static final Duration DEFAULT_SLEEP_TIME = Duration.ofMillis(1000);
    /** Default of {@link Setting#LOGIN_PROTOCOL}: the Python seed SDK's protocol. */
    public static final String DEFAULT_LOGIN_PROTOCOL = "seed";
    /**
     * The values {@link Setting#LOGIN_PROTOCOL} accepts, in lower case (any case is accepted):
     * {@code seed} and {@code v2026}. The names of the login package's {@code LoginProtocol}
     * table, repeated here because config sits below that package.
     */
    public static final List<String> LOGIN_PROTOCOLS = List.of(DEFAULT_LOGIN_PROTOCOL, "v2026");

    private static final String MASK = "****";

    private final String username;
    private final Secret password;
    private final Secret pinCode;
    private final Secret totpSecret;
    private volatile io.github.upstoxtotp.totp.TotpGenerator totpGenerator;
    private final String clientId;
    private final Secret clientSecret;
    private final URI redirectUri;
    private final boolean debug;
    private final Duration sleepTime;
    private final URI apiBaseUrl;
    private final URI serviceBaseUrl;
    private final String tokenStore;
    private final String loginProtocol;

    private UpstoxTotpConfig(Builder b) {
        Map<Setting, String> v = b.values;
        this.username = v.get(Setting.USERNAME);
        this.password = v.containsKey(Setting.PASSWORD) ? Secret.of(v.get(Setting.PASSWORD)) : null;
        this.pinCode = Secret.of(v.get(Setting.PIN_CODE));
        this.totpSecret = Secret.of(SettingRules.normalizeTotp(v.get(Setting.TOTP_SECRET)));
        this.clientId = v.get(Setting.CLIENT_ID);
        this.clientSecret = Secret.of(v.get(Setting.CLIENT_SECRET));
        this.redirectUri = URI.create(v.get(Setting.REDIRECT_URI));
        this.debug = v.containsKey(Setting.DEBUG) && SettingRules.parseDebug(v.get(Setting.DEBUG));
        this.sleepTime = b.sleepTime != null ? b.sleepTime
                : v.containsKey(Setting.SLEEP_TIME) ? SettingRules.parseSleepTime(v.get(Setting.SLEEP_TIME))
                : DEFAULT_SLEEP_TIME;
        this.apiBaseUrl = uri(v, Setting.API_BASE_URL, DEFAULT_API_BASE_URL);
        this.serviceBaseUrl = uri(v, Setting.SERVICE_BASE_URL, DEFAULT_SERVICE_BASE_URL);
        this.tokenStore = v.get(Setting.TOKEN_STORE);
        this.loginProtocol = v.containsKey(Setting.LOGIN_PROTOCOL)
                ? SettingRules.parseLoginProtocol(v.get(Setting.LOGIN_PROTOCOL)) : DEFAULT_LOGIN_PROTOCOL;
    }

    private static URI uri(Map<Setting, String> v, Setting s, URI fallback) {
        return v.containsKey(s) ? URI.create(v.get(s)) : fallback;
    }

    /** An empty builder: only defaults set. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Settings from the process environment, then from {@code .env} in the working directory if
     * it exists; the environment wins.
     *
     * @throws ConfigurationException listing every problem
     */
    public static UpstoxTotpConfig fromEnv() {
        return from(ConfigSource.standard(null));
    }

    /**
     * Settings from the process environment, then from {@code envFile}; the environment wins.
     *
     * @throws ConfigurationException if the file is missing (naming it), or listing every problem
     */
    public static UpstoxTotpConfig fromEnvFile(Path envFile) {
        return from(ConfigSource.standard(Objects.requireNonNull(envFile, "envFile")));
    }

    /**
     * Settings from two maps, as {@link #fromEnvFile} would use them: {@code env} wins over
     * {@code fileValues}. The seam for tests and for callers with their own sources.
     *
     * @throws ConfigurationException listing every problem
     */
    public static UpstoxTotpConfig fromSources(Map<String, String> env, Map<String, String> fileValues) {
        return from(List.of(ConfigSource.of("environment", env), ConfigSource.of(ConfigSource.DOTENV, fileValues)));
    }

    /**
     * Settings from layers, first layer first: for each setting the first non-blank value wins.
     * Problems the layers found while being read (malformed {@code .env} lines) are reported
     * together with the settings' problems.
     *
     * @throws ConfigurationException listing every problem
     */
    public static UpstoxTotpConfig from(List<ConfigSource> layers) {
        return Builder.fromLayers(layers).build();
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

    /**
     * The Base32 TOTP secret (UPSTOX_TOTP_SECRET), normalized: spaces, dashes and {@code =}
     * padding removed, upper case. Validated: it decodes to at least one byte.
     */
    public Secret totpSecret() {
        return totpSecret;
    }

    /**
     * A TOTP generator (SHA1, 6 digits, 30 s) keyed with {@link #totpSecret()}; the revealed
     * characters are wiped once the key is derived.
     */
    public io.github.upstoxtotp.totp.TotpGenerator totpGenerator() {
        // Derived once: every login and currentTotp() need it, and deriving re-reads the secret.
        io.github.upstoxtotp.totp.TotpGenerator g = totpGenerator;
        if (g == null) {
            char[] chars = totpSecret.revealChars();
            try {
                g = io.github.upstoxtotp.totp.TotpGenerator.forBase32Secret(chars);
            } finally {
                java.util.Arrays.fill(chars, '\0');
            }
            totpGenerator = g;
        }
        return g;
    }

    /** The developer app's API key (UPSTOX_CLIENT_ID). */
    public String clientId() {
        return clientId;
    }

    /** The developer app's API secret (UPSTOX_CLIENT_SECRET), sent only in the token exchange. */
    public Secret clientSecret() {
        return clientSecret;
    }

    /** The redirect URL registered for the app (UPSTOX_REDIRECT_URI): absolute http(s). */
    public URI redirectUri() {
        return redirectUri;
    }

    /** Whether to log each login step, secrets redacted (UPSTOX_DEBUG); default off. */
    public boolean debug() {
        return debug;
    }

    /** Pacing between consecutive login-service calls (UPSTOX_SLEEP_TIME), 0-10 s; default 1 s. */
    public Duration sleepTime() {
        return sleepTime;
    }

    /** Base URL of the Upstox API (UPSTOX_API_BASE_URL), as given; default https://api.upstox.com. */
    public URI apiBaseUrl() {
        return apiBaseUrl;
    }

    /** Base URL of the login service (UPSTOX_SERVICE_BASE_URL), as given; default https://service.upstox.com. */
    public URI serviceBaseUrl() {
        return serviceBaseUrl;
    }

    /** UPSTOX_TOKEN_STORE as given: a file path, or {@code none}; empty when not set (the caller's default). */
    public Optional<String> tokenStore() {
        return Optional.ofNullable(tokenStore);
    }

    /**
     * The login-service variant (UPSTOX_LOGIN_PROTOCOL), in lower case: one of
     * {@link #LOGIN_PROTOCOLS}; default {@code seed}. {@code LoginProtocol.byName} maps it to the table.
     */
    public String loginProtocol() {
        return loginProtocol;
    }

    /** Every setting; secrets shown as {@code ****}, an unset password as {@code <unset>}. */
    @Override
    public String toString() {
        return "UpstoxTotpConfig[username=" + username
                + ", password=" + (password == null ? "<unset>" : MASK)
                + ", pinCode=" + MASK
                + ", totpSecret=" + MASK
                + ", clientId=" + clientId
                + ", clientSecret=" + MASK
                + ", redirectUri=" + redirectUri
                + ", debug=" + debug
                + ", sleepTime=" + sleepTime.toMillis() + "ms"
                + ", apiBaseUrl=" + apiBaseUrl
                + ", serviceBaseUrl=" + serviceBaseUrl
                + ", tokenStore=" + (tokenStore == null ? "<unset>" : tokenStore)
                + ", loginProtocol=" + loginProtocol + "]";
    }

    /**
     * Builds a config; {@link #build()} validates. Setters take the text a user would write in
     * {@code .env}; {@code null} or blank clears a setting. Not thread-safe.
     */
    public static final class Builder {
        private final Map<Setting, String> values = new EnumMap<>(Setting.class);
        private final List<String> layerProblems = new ArrayList<>();
        private final Set<Setting> malformed = EnumSet.noneOf(Setting.class);
        private Duration sleepTime;

        private Builder() {
        }

        static Builder fromLayers(List<ConfigSource> layers) {
            Builder b = new Builder();
            for (ConfigSource layer : layers) {
                b.layerProblems.addAll(layer.problems());
            }
            for (Setting s : Setting.values()) {
                for (ConfigSource layer : layers) {
                    Optional<String> v = layer.get(s.envName());
                    if (v.isPresent()) {
                        b.set(s, v.get());
                        break;
                    }
                    if (layer.isMalformed(s.envName())) {
                        b.malformed.add(s);
                    }
                }
            }
            return b;
        }

        /** Sets any setting from its text form, e.g. {@code set(Setting.SLEEP_TIME, "0")}. */
        public Builder set(Setting setting, String value) {
            Objects.requireNonNull(setting, "setting");
            if (setting == Setting.SLEEP_TIME) {
                sleepTime = null;
            }
            if (value == null || value.isBlank()) {
                values.remove(setting);
            } else {
                values.put(setting, value.strip());
            }
            return this;
        }

        /** UPSTOX_USERNAME: the 10-digit mobile number. */
        public Builder username(String v) { return set(Setting.USERNAME, v); }

        /** UPSTOX_PASSWORD: accepted, never sent. */
        public Builder password(String v) { return set(Setting.PASSWORD, v); }

        /** UPSTOX_PIN_CODE: the plain 4-6 digit PIN. */
        public Builder pinCode(String v) { return set(Setting.PIN_CODE, v); }

        /** UPSTOX_TOTP_SECRET: Base32; spaces, dashes, case and padding do not matter. */
        public Builder totpSecret(String v) { return set(Setting.TOTP_SECRET, v); }

        /** UPSTOX_CLIENT_ID. */
        public Builder clientId(String v) { return set(Setting.CLIENT_ID, v); }

        /** UPSTOX_CLIENT_SECRET. */
        public Builder clientSecret(String v) { return set(Setting.CLIENT_SECRET, v); }

        /** UPSTOX_REDIRECT_URI: an absolute http(s) URL. */
        public Builder redirectUri(String v) { return set(Setting.REDIRECT_URI, v); }

        /** UPSTOX_DEBUG. */
        public Builder debug(boolean v) { return set(Setting.DEBUG, Boolean.toString(v)); }

        /** UPSTOX_SLEEP_TIME: 0 to 10 s; {@code null} restores the default. */
        public Builder sleepTime(Duration v) {
            set(Setting.SLEEP_TIME, null);
            sleepTime = v;
            return this;
        }

        /** UPSTOX_API_BASE_URL: an absolute http(s) URL with a host. */
        public Builder apiBaseUrl(String v) { return set(Setting.API_BASE_URL, v); }

        /** UPSTOX_SERVICE_BASE_URL: an absolute http(s) URL with a host. */
        public Builder serviceBaseUrl(String v) { return set(Setting.SERVICE_BASE_URL, v); }

        /** UPSTOX_TOKEN_STORE: a file path, or {@code none}. */
        public Builder tokenStore(String v) { return set(Setting.TOKEN_STORE, v); }

        /** UPSTOX_LOGIN_PROTOCOL: {@code seed} (default) or {@code v2026}, any case. */
        public Builder loginProtocol(String v) { return set(Setting.LOGIN_PROTOCOL, v); }

        /** Every problem {@link #build()} would report, in {@link Setting} order after the layers' own. */
        List<String> problems() {
            List<String> problems = new ArrayList<>(layerProblems);
            problems.addAll(SettingRules.problems(values, sleepTime, malformed));
            return problems;
        }

        /**
         * Validates every setting and builds the config.
         *
         * @throws ConfigurationException listing every problem, one per setting
         */
        public UpstoxTotpConfig build() {
            List<String> problems = problems();
            if (!problems.isEmpty()) {
                throw new ConfigurationException(problems);
            }
            return new UpstoxTotpConfig(this);
        }
    }
}

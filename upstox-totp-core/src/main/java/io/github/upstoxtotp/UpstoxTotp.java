package io.github.upstoxtotp;

import io.github.upstoxtotp.auth.LoginListener;
import io.github.upstoxtotp.auth.LoginMachine;
import io.github.upstoxtotp.auth.LoginProtocol;
import io.github.upstoxtotp.auth.StepTransport;
import io.github.upstoxtotp.config.UpstoxTotpConfig;
import io.github.upstoxtotp.model.AccessToken;
import io.github.upstoxtotp.model.AccessTokenData;
import io.github.upstoxtotp.model.JsonExportable;
import io.github.upstoxtotp.port.HttpPort;
import io.github.upstoxtotp.port.JsonPort;
import io.github.upstoxtotp.port.PortProviders;
import io.github.upstoxtotp.resilience.ResiliencePolicy;
import io.github.upstoxtotp.resilience.ResilientStepTransport;
import io.github.upstoxtotp.token.CachingTokenService;
import io.github.upstoxtotp.token.InMemoryTokenStore;
import io.github.upstoxtotp.token.ScheduledRefresher;
import io.github.upstoxtotp.token.ScheduledRefresherBuilder;
import io.github.upstoxtotp.token.TokenExpiry;
import io.github.upstoxtotp.token.TokenService;
import io.github.upstoxtotp.token.TokenStore;
import io.github.upstoxtotp.token.TokenStores;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The client: logs one Upstox account in without a browser and hands out the day's access
 * token. Everything the Python SDK's {@code UpstoxTOTP} offers, and a cached, single-flight
 * {@link TokenService} on top.
 *
 * <pre>{@code
 * try (UpstoxTotp upstox = UpstoxTotp.fromEnv()) {           // UPSTOX_* variables, then ./.env
 *     String bearer = upstox.tokenService().accessToken().value();
 * }
 * }</pre>
 *
 * <p>Adapters: pass an {@link HttpPort} and a {@link JsonPort} to the builder, or put exactly
 * one HTTP and one JSON adapter artifact on the classpath (see {@link PortProviders}).
 *
 * <p>Thread-safe. Closing it closes the ports it created itself (not ones passed in).
 */
public final class UpstoxTotp implements AutoCloseable {
    private final UpstoxTotpConfig config;
    private final HttpPort http;
    private final boolean ownsHttp;
    private final JsonPort json;
    private final Clock clock;
    private final StepTransport transport;
    private final LoginProtocol protocol;
    private final LoginListener listener;
    private final String requestId;
    private final TokenExpiry expiry;
    private final CachingTokenService tokens;
    private final ScheduledRefresher refresher;
    private final boolean refreshExtendedToken;
    private final LoginGuard guard;
    private final AppToken appToken;
    private final Object sessionLock = new Object();
    private LoginMachine session;
    private volatile AccessTokenData lastTokenData;

    private UpstoxTotp(Builder b) {
        this.config = Objects.requireNonNull(b.config, "config");
        this.ownsHttp = b.http == null;
        this.http = PortProviders.resolveHttp(b.http);
        try {
            this.json = PortProviders.resolveJson(b.json);
        } catch (RuntimeException e) {
            if (ownsHttp) {
                http.close(); // it was made for this client, which will never exist
            }
            throw e;
        }
        this.clock = b.clock;
        this.guard = new LoginGuard(clock);
        this.protocol = b.protocol != null ? b.protocol : LoginProtocol.byName(config.loginProtocol());
        this.listener = config.debug() ? new DebugLoginListener(b.listener) : b.listener;
        this.requestId = LoginMachine.newRequestId();
        ResiliencePolicy policy = b.policy != null ? b.policy
                : ResiliencePolicy.builder().sleepTime(config.sleepTime()).build();
        this.transport = b.transport != null ? b.transport
                : ResilientStepTransport.builder(http).policy(policy).build();
        this.expiry = TokenExpiry.of(json);
        this.refreshExtendedToken = b.refreshExtendedToken;
        this.tokens = CachingTokenService.builder(this::login)
                .store(b.store != null ? b.store : new InMemoryTokenStore())
                .storeKey(TokenStores.key(config.clientId(), config.username()))
                .clock(clock)
                .refreshMargin(b.refreshMargin)
                .extendedTokenExpiry(expiry)
                .build();
        this.appToken = new AppToken(this::session);
        this.refresher = b.refreshSettings == null ? null : startRefresher(b.refreshSettings);
    }

    private ScheduledRefresher startRefresher(Consumer<ScheduledRefresherBuilder> settings) {
        ScheduledRefresherBuilder r = ScheduledRefresher.builder(tokens).clock(clock)
                .stopWhen(LoginGuard::mustNotRepeat);
        try {
            settings.accept(r);
            return r.start();
        } catch (RuntimeException e) {
            close(); // nothing else would release what was already made
            throw e;
        }
    }

    /** A builder; {@link Builder#config} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** A client configured from the environment, then {@code ./.env}, with adapters from the classpath. */
    public static UpstoxTotp fromEnv() {
        return builder().config(UpstoxTotpConfig.fromEnv()).build();
    }

    /** A client configured from the environment, then the given {@code .env} file. */
    public static UpstoxTotp fromEnvFile(Path envFile) {
        return builder().config(UpstoxTotpConfig.fromEnvFile(envFile)).build();
    }

    public UpstoxTotpConfig config() {
        return config;
    }

    /** The cached, single-flight token service: what applications should hold on to. */
    public TokenService tokenService() {
        return tokens;
    }

    /** Shorthand for {@code tokenService().accessToken()}. */
    public AccessToken accessToken() {
        return tokens.accessToken();
    }

    /** The daily refresher {@link Builder#scheduledRefresh} turned on, if any; closed with this client. */
    public Optional<ScheduledRefresher> scheduledRefresher() {
        return Optional.ofNullable(refresher);
    }

    /** The login one step at a time (the Python SDK's {@code app_token}). */
    public AppToken appToken() {
        return appToken;
    }

    /** The token endpoint's full answer from this client's latest login, if any. */
    public Optional<AccessTokenData> lastTokenData() {
        return Optional.ofNullable(lastTokenData);
    }

    /** The {@code x-request-id} sent on every login-service call: one per client lifetime. */
    public String requestId() {
        return requestId;
    }

    /** The TOTP code for now (the Python SDK's {@code generate_totp_secret()}). Treat it as a secret. */
    public String currentTotp() {
        return config.totpGenerator().generate(clock.instant());
    }

    /**
     * Forgets the step-by-step session (cookies, progress, a remembered failure), and lifts the
     * guard that stops logins after the account's credentials were rejected or after repeated
     * failures (see {@link io.github.upstoxtotp.error.LoginRefusedException}). The cached token
     * stays; see {@link TokenService#invalidate()}.
     */
    public void resetSession() {
        synchronized (sessionLock) {
            if (session != null) {
                session.reset();
            }
        }
        guard.clear();
    }

    /** The transport in use (the Python SDK's {@code session}). */
    public HttpPort http() {
        return http;
    }

    /** The codec in use. */
    public JsonPort json() {
        return json;
    }

    /** A response record as JSON text; tokens and codes only when {@code includeSecrets}. */
    public String toJson(JsonExportable value, boolean includeSecrets) {
        return json.write(value.toJson(includeSecrets));
    }

    @Override
    public void close() {
        if (refresher != null) {
            refresher.close();
        }
        tokens.close();
        if (ownsHttp) {
            http.close();
        }
    }

    @Override
    public String toString() {
        return "UpstoxTotp[clientId=" + config.clientId() + ", http=" + http.name() + ", json=" + json.name() + "]";
    }

    private LoginMachine newMachine() {
        return LoginMachine.builder(config)
                .transport(transport)
                .json(json)
                .protocol(protocol)
                .clock(clock)
                .listener(listener)
                .requestId(requestId)
                .refreshExtendedToken(refreshExtendedToken)
                .build();
    }

    private LoginMachine session() {
        synchronized (sessionLock) {
            if (session == null) {
                session = newMachine();
            }
            return session;
        }
    }

    /** One full login in a fresh session; the token service calls it at most once at a time. */
    private AccessToken login() {
        guard.check();
        LoginMachine machine = newMachine();
        AccessTokenData data;
        try {
            data = machine.accessToken().data();
        } catch (RuntimeException e) {
            guard.record(e);
            throw e;
        }
        Instant now = clock.instant();
        lastTokenData = data;
        return data.toAccessToken(now, expiry.expiresAt(data.accessToken(), now));
    }

    /** Settings for a client. Not thread-safe. */
    public static final class Builder {
        private UpstoxTotpConfig config;
        private HttpPort http;
        private JsonPort json;
        private Clock clock = Clock.systemUTC();
        private TokenStore store;
        private LoginListener listener = LoginListener.NONE;
        private LoginProtocol protocol;
        private ResiliencePolicy policy;
        private StepTransport transport;
        private Duration refreshMargin = CachingTokenService.DEFAULT_REFRESH_MARGIN;
        private Consumer<ScheduledRefresherBuilder> refreshSettings;
        private boolean refreshExtendedToken;

        private Builder() {
        }

        /** The account and endpoints. Required. */
        public Builder config(UpstoxTotpConfig config) {
            this.config = Objects.requireNonNull(config, "config");
            return this;
        }

        /** The transport; found on the classpath when not set (then owned and closed by the client). */
        public Builder http(HttpPort http) {
            this.http = http;
            return this;
        }

        /** The codec; found on the classpath when not set. */
        public Builder json(JsonPort json) {
            this.json = json;
            return this;
        }

        /** The clock for TOTP codes and token expiry; the system clock unless set. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Where tokens survive restarts; in memory unless set. */
        public Builder tokenStore(TokenStore store) {
            this.store = store;
            return this;
        }

        /** Hears each login step start, succeed or fail (progress output). */
        public Builder loginListener(LoginListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * The endpoint table; unless set, the config's {@code UPSTOX_LOGIN_PROTOCOL}
         * ({@link LoginProtocol#SEED} by default). Set, it wins over the config.
         */
        public Builder protocol(LoginProtocol protocol) {
            this.protocol = Objects.requireNonNull(protocol, "protocol");
            return this;
        }

        /** Pacing and retry; by default pacing is the config's {@code sleepTime} and retries are the safe ones. */
        public Builder resiliencePolicy(ResiliencePolicy policy) {
            this.policy = policy;
            return this;
        }

        /**
         * Replaces the whole send policy (pacing and retry) with your own; then
         * {@link #resiliencePolicy} is ignored. The transport must still send through
         * {@link #http}'s port and must never re-send a PIN.
         */
        public Builder stepTransport(StepTransport transport) {
            this.transport = transport;
            return this;
        }

        /** How long before expiry a token counts as used up; 5 minutes unless set. */
        public Builder refreshMargin(Duration margin) {
            this.refreshMargin = Objects.requireNonNull(margin, "margin");
            return this;
        }

        /**
         * Logs in ahead of need every day at {@code at} in {@code zone} plus a random delay of up to
         * {@code maxJitter} (at most an hour), e.g. {@code (LocalTime.of(8, 45), ZoneId.of("Asia/Kolkata"),
         * Duration.ofMinutes(2))}; token listeners hear of each new token. Off unless set; stops when
         * the client is closed. See {@link ScheduledRefresher} for retries and credential rejections.
         */
        public Builder scheduledRefresh(LocalTime at, ZoneId zone, Duration maxJitter) {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(zone, "zone");
            Objects.requireNonNull(maxJitter, "maxJitter");
            if (maxJitter.isNegative() || maxJitter.compareTo(ScheduledRefresher.MAX_JITTER) > 0) {
                throw new IllegalArgumentException("the jitter bound must be between 0 and " + ScheduledRefresher.MAX_JITTER);
            }
            return scheduledRefresh(r -> r.at(at).zone(zone).maxJitter(maxJitter));
        }

        /**
         * Like {@link #scheduledRefresh(LocalTime, ZoneId, Duration)} with every setting: at build time
         * {@code settings} gets a refresher builder holding this client's token service and clock,
         * and may set the time, zone, jitter, retries, a listener or the scheduler.
         */
        public Builder scheduledRefresh(Consumer<ScheduledRefresherBuilder> settings) {
            this.refreshSettings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /**
         * Makes every login ask for a new extended token ({@code refresh_extended_token=true}),
         * replacing the app's current one. Off unless set: the extended token Upstox keeps
         * returning is reused (see {@link TokenService#extendedToken()}).
         */
        public Builder refreshExtendedToken(boolean refresh) {
            this.refreshExtendedToken = refresh;
            return this;
        }

        /**
         * Builds the client.
         *
         * @throws io.github.upstoxtotp.error.ConfigurationException if no adapter can be found
         */
        public UpstoxTotp build() {
            return new UpstoxTotp(this);
        }
    }
}

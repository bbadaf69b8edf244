package io.github.upstoxtotp.inject;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.github.upstoxtotp.UpstoxTotp;
import io.github.upstoxtotp.auth.StepTransport;
import io.github.upstoxtotp.config.UpstoxTotpConfig;
import io.github.upstoxtotp.port.HttpPort;
import io.github.upstoxtotp.port.JsonPort;
import io.github.upstoxtotp.port.PortProviders;
import io.github.upstoxtotp.resilience.ResiliencePolicy;
import io.github.upstoxtotp.resilience.ResilientStepTransport;
import io.github.upstoxtotp.token.InMemoryTokenStore;
import io.github.upstoxtotp.token.TokenService;
import io.github.upstoxtotp.token.TokenStore;

import java.time.Clock;
import java.util.Objects;

/**
 * Guice bindings for the client: {@link UpstoxTotpConfig}, the {@link HttpPort} and
 * {@link JsonPort} (given, or found on the classpath), the {@link ResiliencePolicy} (the
 * Resilience4j retry and rate-limiter settings), the decorated {@link StepTransport}, a
 * {@link TokenStore}, a {@link Clock}, and {@link UpstoxTotp} and {@link TokenService} as
 * singletons.
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(new UpstoxTotpModule(UpstoxTotpConfig.fromEnv()));
 * TokenService tokens = injector.getInstance(TokenService.class);
 * }</pre>
 *
 * Any binding can be replaced with {@code Modules.override(new UpstoxTotpModule(cfg)).with(...)}:
 * a test swaps {@link HttpPort} for the simulator, an application binds its own
 * {@link ResiliencePolicy} or a file {@link TokenStore}.
 *
 * <p>Guice is an optional dependency of the core: only applications that use this module need
 * it on their classpath. Guice has no shutdown hook of its own: at shutdown, close the
 * {@link UpstoxTotp} singleton and the bound {@link HttpPort} (the client does not close a port
 * it was handed).
 */
public final class UpstoxTotpModule extends AbstractModule {
    private final UpstoxTotpConfig config;
    private final HttpPort http;
    private final JsonPort json;

    /** Bindings for this account; adapters are found on the classpath. */
    public UpstoxTotpModule(UpstoxTotpConfig config) {
        this(config, null, null);
    }

    /**
     * Bindings for this account with explicit adapters ({@code null} means "find one on the
     * classpath").
     */
    public UpstoxTotpModule(UpstoxTotpConfig config, HttpPort http, JsonPort json) {
        this.config = Objects.requireNonNull(config, "config");
        this.http = http;
        this.json = json;
    }

    @Override
    protected void configure() {
        bind(UpstoxTotpConfig.class).toInstance(config);
    }

    @Provides
    @Singleton
    HttpPort httpPort() {
        return PortProviders.resolveHttp(http);
    }

    @Provides
    @Singleton
    JsonPort jsonPort() {
        return PortProviders.resolveJson(json);
    }

    @Provides
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Provides
    @Singleton
    ResiliencePolicy resiliencePolicy(UpstoxTotpConfig cfg) {
        return ResiliencePolicy.builder().sleepTime(cfg.sleepTime()).build();
    }

    @Provides
    @Singleton
    StepTransport stepTransport(HttpPort port, ResiliencePolicy policy) {
        return ResilientStepTransport.builder(port).policy(policy).build();
    }

    @Provides
    @Singleton
    TokenStore tokenStore() {
        return new InMemoryTokenStore();
    }

    @Provides
    @Singleton
    UpstoxTotp upstoxTotp(UpstoxTotpConfig cfg, HttpPort port, JsonPort codec, StepTransport transport,
                          TokenStore store, Clock clock) {
        return UpstoxTotp.builder()
                .config(cfg)
                .http(port)
                .json(codec)
                .stepTransport(transport)
                .tokenStore(store)
                .clock(clock)
                .build();
    }

    @Provides
    @Singleton
    TokenService tokenService(UpstoxTotp client) {
        return client.tokenService();
    }
}

package io.github.upstoxtotp.examples.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.github.upstoxtotp.UpstoxTotp;
import io.github.upstoxtotp.config.UpstoxTotpConfig;
import io.github.upstoxtotp.examples.sandbox.Sandbox;
import io.github.upstoxtotp.examples.sandbox.SandboxServer;
import io.github.upstoxtotp.http.apache.ApacheHttpPort;
import io.github.upstoxtotp.http.okhttp.OkHttpPort;
import io.github.upstoxtotp.inject.UpstoxTotpModule;
import io.github.upstoxtotp.json.jackson.JacksonJsonPort;
import io.github.upstoxtotp.json.moshi.MoshiJsonPort;
import io.github.upstoxtotp.model.AccessToken;
import io.github.upstoxtotp.port.HttpPort;
import io.github.upstoxtotp.port.JsonPort;
import io.github.upstoxtotp.testing.SimulatedAccount;
import io.github.upstoxtotp.testing.SimulatedRequest;
import io.github.upstoxtotp.testing.SimulatedUpstox;
import io.github.upstoxtotp.testing.SimulatorEndpoint;
import io.github.upstoxtotp.token.TokenService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue #5's end-to-end matrix: every HTTP transport with every JSON codec logs the demo account in
 * through the sandbox (the simulator over real loopback HTTP), built once with the builder and once
 * through Guice. Each case checks that the token is one the service accepts, that each of the six
 * steps ran exactly once, that the cache answers the next call without the network, and that a
 * forced refresh is a second complete login.
 */
class TransportCodecMatrixTest {
    private static final List<SimulatorEndpoint> SIX_STEPS = List.of(SimulatorEndpoint.AUTHORIZATION_DIALOG,
            SimulatorEndpoint.OTP_GENERATE, SimulatorEndpoint.TOTP_VERIFY, SimulatorEndpoint.PIN_2FA,
            SimulatorEndpoint.OAUTH_AUTHORIZE, SimulatorEndpoint.TOKEN_EXCHANGE);

    enum Transport {
        APACHE(ApacheHttpPort::new), OKHTTP(OkHttpPort::new);

        final Supplier<HttpPort> create;

        Transport(Supplier<HttpPort> create) {
            this.create = create;
        }
    }

    enum Codec {
        JACKSON(JacksonJsonPort::new), MOSHI(MoshiJsonPort::new);

        final Supplier<JsonPort> create;

        Codec(Supplier<JsonPort> create) {
            this.create = create;
        }

        /** The sandbox answers with the other codec, so no codec is only ever checked against itself. */
        Codec other() {
            return this == JACKSON ? MOSHI : JACKSON;
        }
    }

    /** How the application gets its {@link TokenService}. */
    enum Wiring {
        BUILDER, GUICE
    }

    private final List<AutoCloseable> toClose = new ArrayList<>();

    static Stream<Arguments> matrix() {
        List<Arguments> all = new ArrayList<>();
        for (Transport t : Transport.values()) {
            for (Codec c : Codec.values()) {
                for (Wiring w : Wiring.values()) {
                    all.add(Arguments.of(t, c, w));
                }
            }
        }
        return all.stream();
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    @ParameterizedTest(name = "{0} + {1} via {2}")
    @MethodSource("matrix")
    void logsInThroughTheSandboxOverHttp(Transport transport, Codec codec, Wiring wiring) {
        SandboxServer sandbox = closeLater(Sandbox.start(codec.other().create.get(), 0));
        SimulatedUpstox sim = (SimulatedUpstox) sandbox.backend();
        UpstoxTotpConfig config = UpstoxTotpConfig.fromSources(Sandbox.settings(sandbox), Map.of());
        HttpPort http = closeLater(transport.create.get());
        TokenService tokens = tokenService(wiring, config, http, codec.create.get());

        AccessToken token = tokens.accessToken();

        assertTrue(sim.isValidAccessToken(token.value()), "the service accepts the token");
        assertEquals(SimulatedAccount.DEMO.userId(), token.userId());
        SIX_STEPS.forEach(step -> assertEquals(1, sim.requestCount(step), step.name()));
        assertEquals(0, sim.requestCount(SimulatorEndpoint.UNKNOWN), "no request went astray");
        long perLogin = sim.totalRequestCount();
        Set<String> listeners = Set.of(sandbox.apiBaseUrl().getAuthority(), sandbox.serviceBaseUrl().getAuthority());
        for (SimulatedRequest r : sim.requests()) {
            assertTrue(r.succeeded(), r.toString());
            // the Host header was written by the transport and read by the sandbox's HTTP server
            assertTrue(listeners.contains(r.headers().first("Host").orElse("")), r.toString());
        }

        assertSame(token, tokens.accessToken(), "served from the cache");
        assertEquals(perLogin, sim.totalRequestCount(), "without touching the network");

        AccessToken second = tokens.refresh();

        assertNotEquals(token.value(), second.value());
        assertTrue(sim.isValidAccessToken(second.value()));
        assertEquals(2 * perLogin, sim.totalRequestCount(), "a refresh is one more complete login");
        SIX_STEPS.forEach(step -> assertEquals(2, sim.requestCount(step), step.name()));
    }

    private TokenService tokenService(Wiring wiring, UpstoxTotpConfig config, HttpPort http, JsonPort json) {
        if (wiring == Wiring.BUILDER) {
            return closeLater(UpstoxTotp.builder().config(config).http(http).json(json).build()).tokenService();
        }
        Injector injector = Guice.createInjector(new UpstoxTotpModule(config, http, json));
        assertSame(http, injector.getInstance(HttpPort.class));
        closeLater(injector.getInstance(UpstoxTotp.class));
        return injector.getInstance(TokenService.class);
    }

    private <T extends AutoCloseable> T closeLater(T resource) {
        toClose.add(resource);
        return resource;
    }
}

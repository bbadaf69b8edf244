package io.github.upstoxtotp.examples.guice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Injector;
import io.github.upstoxtotp.UpstoxTotp;
import io.github.upstoxtotp.examples.sandbox.Sandbox;
import io.github.upstoxtotp.examples.sandbox.SandboxServer;
import io.github.upstoxtotp.http.apache.ApacheHttpPort;
import io.github.upstoxtotp.http.okhttp.OkHttpPort;
import io.github.upstoxtotp.json.jackson.JacksonJsonPort;
import io.github.upstoxtotp.port.HttpPort;
import io.github.upstoxtotp.testing.SimulatedAccount;
import io.github.upstoxtotp.testing.SimulatedUpstox;
import io.github.upstoxtotp.testing.SimulatorEndpoint;
import io.github.upstoxtotp.token.TokenService;
import java.util.Locale;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link GuiceExample}: the injected {@link TradingApp} logs in through whatever transport is bound. */
class GuiceExampleTest {

    @Test
    void theApplicationGetsATokenServiceThatLogsInAgainstTheSimulatorInMemory() {
        SimulatedUpstox sim = SimulatedUpstox.create(new JacksonJsonPort());
        Injector injector = GuiceExample.createInjector(sim.configFor(SimulatedAccount.DEMO).build(), sim);
        try {
            TradingApp app = injector.getInstance(TradingApp.class);

            String header = app.authorizationHeader();

            assertTrue(header.startsWith("Bearer "));
            assertTrue(sim.isValidAccessToken(header.substring("Bearer ".length())));
            assertSame(sim, injector.getInstance(HttpPort.class), "the override replaced the library's transport");
            assertEquals(1, sim.requestCount(SimulatorEndpoint.TOKEN_EXCHANGE));
        } finally {
            GuiceExample.shutdown(injector);
        }
    }

    @Test
    void everyInjectionPointSharesOneTokenServiceAndOneLogin() {
        SimulatedUpstox sim = SimulatedUpstox.create(new JacksonJsonPort());
        Injector injector = GuiceExample.createInjector(sim.configFor(SimulatedAccount.DEMO).build(), sim);
        try {
            TradingApp one = injector.getInstance(TradingApp.class);
            TradingApp two = injector.getInstance(TradingApp.class);

            assertEquals(one.authorizationHeader(), two.authorizationHeader());
            assertSame(injector.getInstance(TokenService.class), injector.getInstance(UpstoxTotp.class).tokenService());
            assertEquals(1, sim.requestCount(SimulatorEndpoint.TOKEN_EXCHANGE));
        } finally {
            GuiceExample.shutdown(injector);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"okhttp", "apache"})
    void logsInThroughTheSandboxOverHttp(String transport) {
        Supplier<HttpPort> port = "okhttp".equals(transport) ? OkHttpPort::new : ApacheHttpPort::new;
        try (SandboxServer sandbox = Sandbox.start(new JacksonJsonPort(), 0)) {
            SimulatedUpstox sim = (SimulatedUpstox) sandbox.backend();
            // the simulator's config points at the sandbox's two listeners
            Injector injector = GuiceExample.createInjector(sim.configFor(SimulatedAccount.DEMO).build(), port.get());
            try {
                TradingApp app = injector.getInstance(TradingApp.class);

                String status = app.status();
                String header = app.authorizationHeader();

                assertTrue(status.contains(SimulatedAccount.DEMO.userId()), status);
                assertFalse(status.contains(header.substring("Bearer ".length())), "the status line holds no token");
                assertTrue(sim.isValidAccessToken(header.substring("Bearer ".length())));
                assertEquals(transport, injector.getInstance(HttpPort.class).name().toLowerCase(Locale.ROOT));
                assertEquals(1, sim.requestCount(SimulatorEndpoint.TOKEN_EXCHANGE));
            } finally {
                GuiceExample.shutdown(injector);
            }
        }
    }
}

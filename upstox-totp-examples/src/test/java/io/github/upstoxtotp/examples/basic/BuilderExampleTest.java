package io.github.upstoxtotp.examples.basic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.upstoxtotp.config.UpstoxTotpConfig;
import io.github.upstoxtotp.examples.sandbox.Sandbox;
import io.github.upstoxtotp.examples.sandbox.SandboxServer;
import io.github.upstoxtotp.http.okhttp.OkHttpPort;
import io.github.upstoxtotp.json.jackson.JacksonJsonPort;
import io.github.upstoxtotp.json.moshi.MoshiJsonPort;
import io.github.upstoxtotp.model.AccessToken;
import io.github.upstoxtotp.port.HttpPort;
import io.github.upstoxtotp.testing.SimulatedAccount;
import io.github.upstoxtotp.testing.SimulatedUpstox;
import io.github.upstoxtotp.testing.SimulatorEndpoint;
import io.github.upstoxtotp.token.TokenExpiry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link BuilderExample} against the simulator in memory, and against the sandbox over HTTP. */
class BuilderExampleTest {
    private static final List<SimulatorEndpoint> SIX_STEPS = List.of(SimulatorEndpoint.AUTHORIZATION_DIALOG,
            SimulatorEndpoint.OTP_GENERATE, SimulatorEndpoint.TOTP_VERIFY, SimulatorEndpoint.PIN_2FA,
            SimulatorEndpoint.OAUTH_AUTHORIZE, SimulatorEndpoint.TOKEN_EXCHANGE);

    @Test
    void logsInAgainstTheSimulatorInMemory() {
        SimulatedUpstox sim = SimulatedUpstox.create(new JacksonJsonPort());

        AccessToken token = BuilderExample.login(sim.configFor(SimulatedAccount.DEMO).build(), sim, new JacksonJsonPort());

        assertTrue(sim.isValidAccessToken(token.value()));
        assertEquals(SimulatedAccount.DEMO.userId(), token.userId());
        assertEquals(TokenExpiry.dailyExpiry(token.issuedAt()), token.expiresAt(), "Upstox tokens die at 03:30 IST");
        SIX_STEPS.forEach(step -> assertEquals(1, sim.requestCount(step), step.name()));
    }

    @Test
    void logsInThroughTheSandboxOverHttpWithSettingsAsTheEnvironmentWouldGiveThem() {
        try (SandboxServer sandbox = Sandbox.start(new JacksonJsonPort(), 0);
             HttpPort http = new OkHttpPort()) {
            SimulatedUpstox sim = (SimulatedUpstox) sandbox.backend();
            // what `./upstox-totp sandbox` prints as export lines, read the way fromEnv() reads them
            Map<String, String> env = Sandbox.settings(sandbox);
            UpstoxTotpConfig config = UpstoxTotpConfig.fromSources(env, Map.of());

            AccessToken token = BuilderExample.login(config, http, new MoshiJsonPort());

            assertTrue(sim.isValidAccessToken(token.value()));
            assertEquals(SimulatedAccount.DEMO.userId(), token.userId());
            SIX_STEPS.forEach(step -> assertEquals(1, sim.requestCount(step), step.name()));
        }
    }

    @Test
    void theLineItPrintsNamesTheUserAndTheExpiryButNeverTheToken() {
        SimulatedUpstox sim = SimulatedUpstox.create(new JacksonJsonPort());
        AccessToken token = BuilderExample.login(sim.configFor(SimulatedAccount.DEMO).build(), sim, new JacksonJsonPort());

        String line = BuilderExample.describe(token);

        assertTrue(line.contains(SimulatedAccount.DEMO.userId()), line);
        assertTrue(line.contains(token.expiresAt().toString()), line);
        assertFalse(line.contains(token.value()), "the token leaked: " + line.replace(token.value(), "<TOKEN>"));
    }
}

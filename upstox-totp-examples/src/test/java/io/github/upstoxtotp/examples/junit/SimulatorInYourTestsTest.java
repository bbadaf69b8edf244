package io.github.upstoxtotp.examples.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.util.Modules;
import io.github.upstoxtotp.UpstoxTotp;
import io.github.upstoxtotp.config.UpstoxTotpConfig;
import io.github.upstoxtotp.error.UpstoxApiException;
import io.github.upstoxtotp.inject.UpstoxTotpModule;
import io.github.upstoxtotp.json.jackson.JacksonJsonPort;
import io.github.upstoxtotp.model.AccessToken;
import io.github.upstoxtotp.port.HttpPort;
import io.github.upstoxtotp.port.JsonPort;
import io.github.upstoxtotp.testing.SimulatedAccount;
import io.github.upstoxtotp.testing.SimulatedUpstox;
import io.github.upstoxtotp.testing.SimulatorEndpoint;
import io.github.upstoxtotp.token.TokenService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Copy this into your own tests: code that needs an Upstox token, tested without a network or an
 * account. {@link SimulatedUpstox} <em>is</em> an {@code HttpPort}: hand it to the client instead
 * of OkHttp or Apache and the whole login runs in memory, checked the way Upstox checks it
 * (TOTP, PIN, cookies, single-use codes), with counters to assert on.
 */
class SimulatorInYourTestsTest {
    private final JsonPort json = new JacksonJsonPort();
    private final SimulatedUpstox upstox = SimulatedUpstox.create(json);
    // The demo account's credentials, the simulator's hosts, no pause between calls.
    private final UpstoxTotpConfig config = upstox.configFor(SimulatedAccount.DEMO).build();
    private final UpstoxTotp client = UpstoxTotp.builder().config(config).http(upstox).json(json).build();

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void yourCodeGetsATokenUpstoxWouldAccept() {
        TokenService tokens = client.tokenService(); // what you pass to the code under test

        AccessToken token = tokens.accessToken();

        assertTrue(upstox.isValidAccessToken(token.value()));
        assertEquals(SimulatedAccount.DEMO.userId(), token.userId());
    }

    @Test
    void manyCallsCostOneLogin() {
        for (int i = 0; i < 10; i++) {
            client.tokenService().accessToken();
        }

        // count the step you care about; each login sends the PIN once
        assertEquals(1, upstox.requestCount(SimulatorEndpoint.PIN_2FA));
    }

    @Test
    void failuresComeBackWithTheUpstoxCodeAndATip() {
        // a variant of the config: same account, wrong PIN
        UpstoxTotpConfig wrongPin = upstox.configFor(SimulatedAccount.DEMO).pinCode("000000").build();
        try (UpstoxTotp bad = UpstoxTotp.builder().config(wrongPin).http(upstox).json(json).build()) {

            UpstoxApiException e = assertThrows(UpstoxApiException.class, () -> bad.tokenService().accessToken());

            assertTrue(e.tip().isPresent(), "tells the user what to do");
            assertEquals(1, upstox.wrongPinCount(SimulatedAccount.DEMO.mobileNumber()));
        }
        // or make the service fail on purpose: upstox.lockAccount(..), upstox.failNext(endpoint, response)
    }

    @Test
    void withGuiceOverrideTheHttpPortBinding() {
        // keep your production module, replace just the transport
        Injector injector = Guice.createInjector(Modules.override(new UpstoxTotpModule(config, null, json))
                .with(binder -> binder.bind(HttpPort.class).toInstance(upstox)));
        try {
            String token = injector.getInstance(TokenService.class).accessToken().value();

            assertTrue(upstox.isValidAccessToken(token));
            assertSame(upstox, injector.getInstance(HttpPort.class));
        } finally {
            injector.getInstance(UpstoxTotp.class).close();
        }
    }
}

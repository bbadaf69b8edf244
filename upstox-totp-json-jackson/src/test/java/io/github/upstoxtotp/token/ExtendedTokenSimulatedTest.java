package io.github.upstoxtotp.token;

import io.github.upstoxtotp.testing.MutableClock;
import io.github.upstoxtotp.UpstoxTotp;
import io.github.upstoxtotp.config.UpstoxTotpConfig;
import io.github.upstoxtotp.json.jackson.JacksonJsonPort;
import io.github.upstoxtotp.model.AccessToken;
import io.github.upstoxtotp.model.AccessTokenData;
import io.github.upstoxtotp.port.HttpPort;
import io.github.upstoxtotp.port.HttpRequest;
import io.github.upstoxtotp.port.HttpResponse;
import io.github.upstoxtotp.port.JsonBoolean;
import io.github.upstoxtotp.testing.SimulatedAccount;
import io.github.upstoxtotp.testing.SimulatedUpstox;
import io.github.upstoxtotp.testing.SimulatorEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.github.upstoxtotp.token.FileTokenStoreTest.captureStderr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The extended token end to end against the simulator: issued, exposed, stored, reused, regenerated only when asked, never printed. */
class ExtendedTokenSimulatedTest {
    static final JacksonJsonPort JSON = new JacksonJsonPort();
    static final SimulatedAccount EXT = SimulatedAccount.DEMO.toBuilder().extendedToken(true).build();
    /** 09:30 IST. */
    static final Instant NOW = Instant.parse("2026-11-23T04:00:00Z");

    final MutableClock clock = new MutableClock(NOW);
    final SimulatedUpstox sim = SimulatedUpstox.builder(JSON).clock(clock).account(EXT).build();
    /** Whether each token exchange asked for a new extended token, in order. */
    final List<Boolean> asked = new CopyOnWriteArrayList<>();
    final HttpPort http = new HttpPort() {
        @Override
        public HttpResponse execute(HttpRequest request) {
            if (request.uri().getPath().endsWith("/authorization/token")) {
                asked.add(request.bodyText().contains("refresh_extended_token=true"));
            }
            return sim.execute(request);
        }
    };
    final List<UpstoxTotp> clients = new ArrayList<>();

    @TempDir
    Path dir;

    @AfterEach
    void closeClients() {
        clients.forEach(UpstoxTotp::close);
    }

    UpstoxTotpConfig config() {
        return sim.configFor(EXT).build();
    }

    UpstoxTotp client(boolean refreshExtended, TokenStore store) {
        UpstoxTotp c = UpstoxTotp.builder().config(config()).http(http).json(JSON).clock(clock)
                .tokenStore(store).refreshExtendedToken(refreshExtended).build();
        clients.add(c);
        return c;
    }

    FileTokenStore fileStore() {
        return new FileTokenStore(dir.resolve("tokens.json"), JSON);
    }

    long exchanges() {
        return sim.requestCount(SimulatorEndpoint.TOKEN_EXCHANGE);
    }

    @Test
    void issuedExposedAndStoredInTheFile() throws IOException {
        UpstoxTotp c = client(false, fileStore());
        AccessToken token = c.accessToken();
        String extended = token.extendedToken().orElseThrow();
        assertNotEquals(token.value(), extended);
        assertEquals(JsonBoolean.TRUE, sim.accessTokenClaims(extended).orElseThrow().get("isExtended").orElseThrow());
        assertEquals(Optional.of(extended), c.tokenService().extendedToken());
        assertEquals(extended, c.lastTokenData().map(AccessTokenData::extendedToken).orElseThrow());
        AccessToken stored = fileStore().load(TokenStores.key(config().clientId(), config().username())).orElseThrow();
        assertEquals(token, stored, "every field round-trips, the extended token included");
        assertTrue(Files.readString(dir.resolve("tokens.json")).contains("\"extended_token\""));
        assertEquals(List.of(false), asked, "not asked to regenerate by default");
    }

    @Test
    void reusedAfterARestartEvenOnceTheDaysTokenHasExpired() {
        String extended = client(false, fileStore()).accessToken().extendedToken().orElseThrow();
        UpstoxTotp sameDay = client(false, fileStore());
        assertTrue(sameDay.tokenService().cached().isPresent(), "the stored token is adopted");
        assertEquals(Optional.of(extended), sameDay.tokenService().extendedToken());
        clock.set(Instant.parse("2026-11-24T01:00:00Z")); // 06:30 IST next day: the access token died at 03:30
        UpstoxTotp nextDay = client(false, fileStore());
        assertTrue(nextDay.tokenService().cached().isEmpty());
        assertEquals(Optional.of(extended), nextDay.tokenService().extendedToken(), "read-only use needs no login");
        assertEquals(1, exchanges());
        AccessToken fresh = nextDay.accessToken();
        assertEquals(Optional.of(extended), fresh.extendedToken(), "Upstox keeps returning the same one");
        assertEquals(2, exchanges());
    }

    @Test
    void regeneratedOnlyWhenAsked() {
        String first = client(false, new InMemoryTokenStore()).accessToken().extendedToken().orElseThrow();
        String again = client(false, new InMemoryTokenStore()).accessToken().extendedToken().orElseThrow();
        assertEquals(first, again);
        UpstoxTotp asking = client(true, new InMemoryTokenStore());
        String regenerated = asking.accessToken().extendedToken().orElseThrow();
        assertNotEquals(first, regenerated);
        assertTrue(sim.isValidAccessToken(regenerated));
        assertEquals(Optional.of(regenerated), asking.tokenService().extendedToken());
        String after = client(false, new InMemoryTokenStore()).accessToken().extendedToken().orElseThrow();
        assertEquals(regenerated, after, "the new one is now the one returned");
        assertEquals(List.of(false, false, true, false), asked);
    }

    @Test
    void theStepByStepLoginAsksToo() {
        UpstoxTotp asking = client(true, new InMemoryTokenStore());
        asking.appToken().accessToken();
        assertEquals(List.of(true), asked);
    }

    @Test
    void anAppWithoutOneHasNoneEvenWhenAsking() {
        SimulatedUpstox plainSim = SimulatedUpstox.builder(JSON).clock(clock).build();
        try (UpstoxTotp c = UpstoxTotp.builder().config(plainSim.configFor(SimulatedAccount.DEMO).build()).http(plainSim)
                .json(JSON).clock(clock).refreshExtendedToken(true).build()) {
            assertTrue(c.accessToken().extendedToken().isEmpty());
            assertTrue(c.tokenService().extendedToken().isEmpty());
        }
    }

    @Test
    void neverPrintedByToStringOrLogs() {
        ManualScheduler scheduler = new ManualScheduler(clock);
        List<String> printed = new ArrayList<>();
        String[] secrets = new String[2];
        String log = captureStderr(() -> {
            UpstoxTotp c = UpstoxTotp.builder().config(config()).http(http).json(JSON).clock(clock).tokenStore(fileStore())
                    .refreshExtendedToken(true)
                    .scheduledRefresh(r -> r.at(LocalTime.of(9, 45)).zone(ZoneId.of("Asia/Kolkata"))
                            .maxJitter(Duration.ZERO).scheduler(scheduler))
                    .build();
            clients.add(c);
            AccessToken token = c.accessToken();
            scheduler.advance(Duration.ofMinutes(20)); // the scheduled refresh at 09:45 IST, logged
            AccessToken refreshed = c.tokenService().cached().orElseThrow();
            secrets[0] = token.extendedToken().orElseThrow();
            secrets[1] = refreshed.extendedToken().orElseThrow();
            printed.addAll(List.of(token.toString(), refreshed.toString(), c.lastTokenData().orElseThrow().toString(),
                    c.toJson(c.lastTokenData().orElseThrow(), false), c.toString(), c.tokenService().toString(),
                    c.scheduledRefresher().orElseThrow().toString()));
        });
        assertEquals(2, exchanges());
        assertNotEquals(secrets[0], secrets[1]);
        printed.add(log);
        for (String text : printed) {
            for (String secret : secrets) {
                assertFalse(text.contains(secret), text);
            }
        }
        assertTrue(log.contains("scheduled token refresh done"), log);
    }
}

package io.github.upstoxtotp.examples.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.upstoxtotp.UpstoxTotp;
import io.github.upstoxtotp.config.UpstoxTotpConfig;
import io.github.upstoxtotp.json.jackson.JacksonJsonPort;
import io.github.upstoxtotp.model.AccessToken;
import io.github.upstoxtotp.port.JsonPort;
import io.github.upstoxtotp.testing.SimulatedAccount;
import io.github.upstoxtotp.testing.SimulatedUpstox;
import io.github.upstoxtotp.testing.SimulatorEndpoint;
import io.github.upstoxtotp.token.InMemoryTokenStore;
import io.github.upstoxtotp.token.TokenStores;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * 64 threads × 1,000 {@code accessToken()} calls through the real token service of the facade,
 * logging in (for real, in memory) against the simulator, across two expiries: the run starts
 * with a stored token, which expires after the first third of the calls; the token the first
 * login brings expires after the second third. Exactly two logins, no error, and no call ever
 * handed a token that was expired, or even inside the refresh margin, at the moment of the call.
 *
 * <p>The clock is moved deterministically between the three phases, while every thread waits at
 * a barrier; within a phase all 64 threads start at once, so the login of each new phase is
 * contended by all of them.
 */
@Timeout(120)
class TokenServiceStormTest {
    private static final int THREADS = 64;
    private static final int CALLS_PER_THREAD = 1_000;
    private static final int PHASES = 3;
    private static final Duration MARGIN = Duration.ofMinutes(5);

    @Test
    void sixtyFourThreadsTimesAThousandCallsAcrossTwoExpiriesLogInExactlyTwice() throws Exception {
        FakeClock clock = new FakeClock(Instant.parse("2025-06-02T04:00:00Z")); // a TOTP window start
        JsonPort json = new JacksonJsonPort();
        SimulatedUpstox upstox = SimulatedUpstox.builder(json).clock(clock).build();
        UpstoxTotpConfig config = upstox.configFor(SimulatedAccount.DEMO).build();
        InMemoryTokenStore store = new InMemoryTokenStore();
        Instant seedExpiry = clock.instant().plus(Duration.ofHours(2));
        AccessToken seed = new AccessToken("seed-token-from-yesterday", null, SimulatedAccount.DEMO.userId(),
                clock.instant().minus(Duration.ofHours(1)), seedExpiry);
        store.save(TokenStores.key(config.clientId(), config.username()), seed);

        List<Set<String>> tokensByPhase = new ArrayList<>();
        for (int p = 0; p < PHASES; p++) {
            tokensByPhase.add(ConcurrentHashMap.newKeySet());
        }
        Map<Throwable, Boolean> errors = new ConcurrentHashMap<>();
        AtomicLong stale = new AtomicLong();
        AtomicLong calls = new AtomicLong();
        CyclicBarrier phaseEnd = new CyclicBarrier(THREADS + 1);
        CyclicBarrier phaseStart = new CyclicBarrier(THREADS + 1);

        try (UpstoxTotp client = UpstoxTotp.builder().config(config).http(upstox).json(json).clock(clock)
                .tokenStore(store).refreshMargin(MARGIN).build()) {
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                workers.add(pool.submit(() -> {
                    for (int phase = 0; phase < PHASES; phase++) {
                        phaseStart.await(30, TimeUnit.SECONDS);
                        int from = phase * CALLS_PER_THREAD / PHASES;
                        int to = (phase + 1) * CALLS_PER_THREAD / PHASES;
                        for (int i = from; i < to; i++) {
                            Instant now = clock.instant();
                            try {
                                AccessToken token = client.tokenService().accessToken();
                                calls.incrementAndGet();
                                tokensByPhase.get(phase).add(token.value());
                                if (!token.isUsableAt(now, MARGIN)) {
                                    stale.incrementAndGet();
                                }
                            } catch (RuntimeException e) {
                                errors.put(e, true);
                            }
                        }
                        phaseEnd.await(30, TimeUnit.SECONDS);
                    }
                    return null;
                }));
            }
            for (int phase = 0; phase < PHASES; phase++) {
                phaseStart.await(30, TimeUnit.SECONDS);
                phaseEnd.await(60, TimeUnit.SECONDS); // every thread is parked here: the clock can move
                if (phase < PHASES - 1) {
                    AccessToken current = client.tokenService().cached().orElseThrow();
                    clock.set(current.expiresAt()); // the moment it expires
                }
            }
            for (Future<?> w : workers) {
                w.get(30, TimeUnit.SECONDS);
            }
            pool.shutdown();

            assertEquals(Map.of(), errors, "no call failed");
            assertEquals(0, stale.get(), "calls handed a token expired or inside the refresh margin");
            assertEquals((long) THREADS * CALLS_PER_THREAD, calls.get());
            assertEquals(Set.of(seed.value()), tokensByPhase.get(0), "phase 1 is served from the store");
            assertEquals(1, tokensByPhase.get(1).size(), "phase 2: one token, " + tokensByPhase.get(1).size() + " seen");
            assertEquals(1, tokensByPhase.get(2).size(), "phase 3: one token");
            assertNotEquals(tokensByPhase.get(1), tokensByPhase.get(2));
            for (SimulatorEndpoint e : List.of(SimulatorEndpoint.OTP_GENERATE, SimulatorEndpoint.PIN_2FA,
                    SimulatorEndpoint.TOKEN_EXCHANGE)) {
                assertEquals(2, upstox.requestCount(e), "exactly two logins: " + e);
            }
            assertTrue(upstox.isValidAccessToken(tokensByPhase.get(2).iterator().next()));
            // the figures RELIABILITY.md quotes
            System.out.printf("token storm: %d threads x %d calls = %d calls across %d expiries; %d logins, %d errors,"
                            + " %d expired tokens handed out%n", THREADS, CALLS_PER_THREAD, calls.get(), PHASES - 1,
                    upstox.requestCount(SimulatorEndpoint.PIN_2FA), errors.size(), stale.get());
        }
    }

    /** A clock moved by hand; thread-safe. */
    private static final class FakeClock extends Clock {
        private final AtomicLong millis;

        FakeClock(Instant start) {
            millis = new AtomicLong(start.toEpochMilli());
        }

        void set(Instant instant) {
            millis.set(instant.toEpochMilli());
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
        }

        @Override
        public long millis() {
            return millis.get();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}

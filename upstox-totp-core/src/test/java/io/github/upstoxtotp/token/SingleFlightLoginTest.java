package io.github.upstoxtotp.token;

import io.github.upstoxtotp.testing.MutableClock;
import io.github.upstoxtotp.model.AccessToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Many callers, one login: the single-flight and async contract. */
@Timeout(60)
class SingleFlightLoginTest {
    private static final int THREADS = 64;

    private final MutableClock clock = new MutableClock(Instant.parse("2025-06-02T04:00:00Z"));
    private final FakeLogin login = new FakeLogin(clock, Duration.ofHours(1));

    private CachingTokenService service() {
        return CachingTokenService.builder(login).clock(clock).build();
    }

    /** Waits until every thread is parked (waiting on the login or inside it). */
    private static void awaitAllWaiting(List<Thread> threads) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!threads.stream().allMatch(t -> t.getState() == Thread.State.WAITING || t.getState() == Thread.State.TIMED_WAITING)) {
            assertTrue(System.nanoTime() < deadline, "threads never all waited");
            Thread.sleep(1);
        }
    }

    @Test
    void sixtyFourThreadsAcrossSeveralExpiriesCauseExactlyOneLoginPerExpiry() throws Exception {
        int expiries = 5;
        try (CachingTokenService s = service()) {
            AtomicBoolean stop = new AtomicBoolean();
            Set<Throwable> errors = ConcurrentHashMap.newKeySet();
            AtomicReference<String> stale = new AtomicReference<>();
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                workers.add(pool.submit(() -> {
                    while (!stop.get()) {
                        try {
                            long before = clock.millis();
                            AccessToken t = s.accessToken();
                            if (t.expiresAt().toEpochMilli() - Duration.ofMinutes(5).toMillis() <= before) {
                                stale.set("token expiring at " + t.expiresAt() + " handed out at " + Instant.ofEpochMilli(before));
                            }
                        } catch (Throwable e) {
                            errors.add(e);
                        }
                    }
                }));
            }
            for (int round = 1; round <= expiries + 1; round++) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (login.calls.get() < round) {
                    assertTrue(System.nanoTime() < deadline, "no login in round " + round);
                    Thread.onSpinWait();
                }
                Thread.sleep(20); // let every thread hammer the fresh token for a while
                assertEquals(round, login.calls.get(), "more than one login in round " + round);
                if (round <= expiries) {
                    clock.advance(Duration.ofMinutes(56)); // past expiry minus margin
                }
            }
            stop.set(true);
            for (Future<?> w : workers) {
                w.get(20, TimeUnit.SECONDS);
            }
            pool.shutdown();
            assertEquals(Set.of(), errors);
            assertNull(stale.get());
            assertEquals(expiries + 1, login.calls.get());
        }
    }

    @Test
    void failedLoginIsReportedToEveryWaiterAndTheNextCallLogsInAgain() throws Exception {
        IllegalStateException boom = new IllegalStateException("1017106 wrong PIN");
        login.hold().failNextWith(boom);
        try (CachingTokenService s = service()) {
            Set<Throwable> seen = ConcurrentHashMap.newKeySet();
            List<Thread> threads = new ArrayList<>();
            CountDownLatch done = new CountDownLatch(THREADS);
            for (int i = 0; i < THREADS; i++) {
                Thread t = new Thread(() -> {
                    try {
                        s.accessToken();
                    } catch (Throwable e) {
                        seen.add(e);
                    } finally {
                        done.countDown();
                    }
                });
                threads.add(t);
                t.start();
            }
            awaitAllWaiting(threads);
            login.open();
            assertTrue(done.await(20, TimeUnit.SECONDS));
            assertEquals(1, login.calls.get(), "one login for all of them");
            assertEquals(1, seen.size(), "every waiter got the same exception instance");
            assertSame(boom, seen.iterator().next());
            assertEquals("token-2", s.accessToken().value(), "no cached failure");
        }
    }

    @Test
    void asyncNeverBlocksTheCaller() throws Exception {
        login.hold();
        try (CachingTokenService s = service()) {
            long start = System.nanoTime();
            CompletableFuture<AccessToken> f = s.accessTokenAsync();
            CompletableFuture<AccessToken> g = s.accessTokenAsync();
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10), "returned while the login is held");
            assertFalse(f.isDone());
            login.open();
            assertEquals("token-1", f.get(20, TimeUnit.SECONDS).value());
            assertSame(f.get(), g.get(20, TimeUnit.SECONDS));
            assertEquals(1, login.calls.get());
            assertTrue(s.accessTokenAsync().isDone(), "a cached token comes back completed");
        }
    }

    @Test
    void cancellingOneFutureDoesNotCancelTheSharedLogin() throws Exception {
        login.hold();
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (CachingTokenService s = service()) {
            CompletableFuture<AccessToken> cancelled = s.accessTokenAsync(executor);
            CompletableFuture<AccessToken> other = s.accessTokenAsync(executor);
            assertTrue(cancelled.cancel(true));
            login.open();
            assertEquals("token-1", other.get(20, TimeUnit.SECONDS).value());
            assertFalse(login.sawInterrupt);
            assertEquals(1, login.calls.get());
            assertSame(other.get(), s.cached().orElseThrow());
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void syncAndAsyncCallersShareOneLogin() throws Exception {
        login.hold();
        try (CachingTokenService s = service()) {
            CompletableFuture<AccessToken> async = s.accessTokenAsync();
            Thread sync = new Thread(s::accessToken);
            sync.start();
            awaitAllWaiting(List.of(sync));
            login.open();
            sync.join(20_000);
            assertEquals("token-1", async.get(20, TimeUnit.SECONDS).value());
            assertEquals(1, login.calls.get());
        }
    }

    @Test
    void asyncFailureCarriesTheLoginsOwnException() throws Exception {
        IllegalStateException boom = new IllegalStateException("OTP blocked");
        login.failNextWith(boom);
        try (CachingTokenService s = service()) {
            CompletableFuture<AccessToken> f = s.accessTokenAsync();
            ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(20, TimeUnit.SECONDS));
            assertSame(boom, e.getCause());
            assertSame(boom, f.handle((t, x) -> x).get(), "not wrapped in CompletionException");
        }
    }

    @Test
    void refreshJoinsARunningLoginInsteadOfStartingASecond() throws Exception {
        login.hold();
        try (CachingTokenService s = service()) {
            CompletableFuture<AccessToken> first = s.accessTokenAsync();
            Thread refresher = new Thread(s::refresh);
            refresher.start();
            awaitAllWaiting(List.of(refresher));
            login.open();
            refresher.join(20_000);
            first.get(20, TimeUnit.SECONDS);
            assertEquals(1, login.calls.get());
        }
    }

    @Test
    void afterCloseAsyncWithoutAnExecutorFailsButTheCacheStillAnswers() throws Exception {
        CachingTokenService s = service();
        AccessToken t = s.accessToken();
        s.close();
        s.close();
        assertSame(t, s.accessTokenAsync().get());
        clock.advance(Duration.ofHours(1));
        ExecutionException e = assertThrows(ExecutionException.class, () -> s.accessTokenAsync().get(20, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof java.util.concurrent.RejectedExecutionException, String.valueOf(e.getCause()));
        assertEquals("token-2", s.accessToken().value(), "the synchronous path needs no executor");
    }
}

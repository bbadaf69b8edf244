package io.github.upstoxtotp.token;

import io.github.upstoxtotp.testing.MutableClock;
import io.github.upstoxtotp.model.AccessToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code accessTokenAsync(Executor)}: the login runs on the caller's executor, the caller's thread
 * never waits (not even for a login already in flight), a cancelled waiter leaves the shared login
 * alone, and a failure reaches every waiter. Most cases use an executor that only queues, so
 * "the caller did not block" is proved by the task not having run at all.
 */
@Timeout(60)
class AsyncAccessTokenTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2025-06-02T04:00:00Z"));
    private final FakeLogin login = new FakeLogin(clock, Duration.ofHours(1));

    /** Queues tasks; the test runs them. */
    static final class QueueExecutor implements Executor {
        final Deque<Runnable> queue = new ArrayDeque<>();
        int submitted;

        @Override
        public synchronized void execute(Runnable task) {
            submitted++;
            queue.add(task);
        }

        void runAll() {
            Runnable r;
            while ((r = poll()) != null) {
                r.run();
            }
        }

        private synchronized Runnable poll() {
            return queue.poll();
        }
    }

    private CachingTokenService service() {
        return CachingTokenService.builder(login).clock(clock).build();
    }

    @Test
    void theLoginRunsOnTheGivenExecutorNeverOnTheCallersThread() {
        QueueExecutor executor = new QueueExecutor();
        try (CachingTokenService s = service()) {
            CompletableFuture<AccessToken> f = s.accessTokenAsync(executor);
            assertFalse(f.isDone());
            assertEquals(0, login.calls.get(), "nothing ran on the caller's thread");
            assertEquals(1, executor.submitted);
            executor.runAll();
            assertEquals("token-1", f.join().value());
        }
    }

    @Test
    void theLoginThreadIsTheExecutorsThread() throws Exception {
        AtomicReference<Thread> loginThread = new AtomicReference<>();
        ExecutorService pool = Executors.newSingleThreadExecutor(r -> new Thread(r, "callers-pool"));
        try (CachingTokenService s = CachingTokenService.builder(() -> {
            loginThread.set(Thread.currentThread());
            return login.login();
        }).clock(clock).build()) {
            s.accessTokenAsync(pool).get(20, TimeUnit.SECONDS);
            assertEquals("callers-pool", loginThread.get().getName());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aCallerArrivingWhileAnotherThreadLogsInDoesNotWaitAndSubmitsNothing() throws Exception {
        login.hold();
        QueueExecutor executor = new QueueExecutor();
        try (CachingTokenService s = service()) {
            AtomicReference<AccessToken> syncResult = new AtomicReference<>();
            Thread leader = new Thread(() -> syncResult.set(s.accessToken()));
            leader.start();
            while (login.calls.get() == 0) {
                Thread.onSpinWait(); // the leader is inside the login, holding it
            }
            CompletableFuture<AccessToken> f = s.accessTokenAsync(executor); // would hang here if it waited
            assertFalse(f.isDone());
            assertEquals(0, executor.submitted, "joined the running login, started none");
            login.open();
            leader.join(20_000);
            assertSame(syncResult.get(), f.get(20, TimeUnit.SECONDS));
            assertEquals(1, login.calls.get());
        }
    }

    @Test
    void cancellingTheOnlyWaiterStillCompletesTheSharedLoginAndCachesIt() {
        QueueExecutor executor = new QueueExecutor();
        List<AccessToken> heard = new CopyOnWriteArrayList<>();
        try (CachingTokenService s = service()) {
            s.addListener(heard::add);
            CompletableFuture<AccessToken> f = s.accessTokenAsync(executor);
            assertTrue(f.cancel(true));
            executor.runAll(); // the login itself was not cancelled
            assertTrue(f.isCancelled());
            assertEquals(1, login.calls.get());
            assertEquals(1, heard.size());
            assertSame(heard.get(0), s.cached().orElseThrow());
            assertSame(heard.get(0), s.accessToken(), "the next caller gets it without a login");
            assertEquals(1, login.calls.get());
        }
    }

    @Test
    void cancellingOneWaiterLeavesAsyncAndSyncWaitersTheirToken() throws Exception {
        QueueExecutor executor = new QueueExecutor();
        try (CachingTokenService s = service()) {
            CompletableFuture<AccessToken> cancelled = s.accessTokenAsync(executor);
            CompletableFuture<AccessToken> other = s.accessTokenAsync(executor);
            CompletableFuture<AccessToken> onDefault = s.accessTokenAsync();
            assertTrue(cancelled.cancel(true));
            assertFalse(other.isCancelled());
            executor.runAll();
            assertEquals("token-1", other.get(20, TimeUnit.SECONDS).value());
            assertSame(other.get(), onDefault.get(20, TimeUnit.SECONDS));
            assertFalse(login.sawInterrupt);
            assertEquals(1, login.calls.get());
        }
    }

    @Test
    void aFailureReachesEveryAsyncAndSyncWaiterAsTheSameUnwrappedException() throws Exception {
        IllegalStateException boom = new IllegalStateException("1017106 wrong PIN");
        login.hold().failNextWith(boom);
        ExecutorService pool = Executors.newCachedThreadPool();
        try (CachingTokenService s = service()) {
            List<CompletableFuture<AccessToken>> futures = new ArrayList<>();
            futures.add(s.accessTokenAsync(pool)); // the leader
            while (login.calls.get() == 0) {
                Thread.onSpinWait();
            }
            for (int i = 0; i < 8; i++) {
                futures.add(i % 2 == 0 ? s.accessTokenAsync(pool) : s.accessTokenAsync());
            }
            Set<Throwable> seen = ConcurrentHashMap.newKeySet();
            Thread sync = new Thread(() -> {
                try {
                    s.accessToken();
                } catch (Throwable e) {
                    seen.add(e);
                }
            });
            sync.start();
            while (sync.getState() != Thread.State.WAITING) {
                Thread.onSpinWait(); // until it has joined the held login
            }
            login.open();
            sync.join(20_000);
            for (CompletableFuture<AccessToken> f : futures) {
                seen.add(f.handle((t, x) -> x).get(20, TimeUnit.SECONDS));
            }
            assertEquals(Set.of(boom), seen, "one instance, never a CompletionException");
            assertEquals(1, login.calls.get());
            assertEquals("token-2", s.accessTokenAsync(pool).get(20, TimeUnit.SECONDS).value(), "no cached failure");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRejectingExecutorFailsTheFutureNotTheCaller() throws Exception {
        try (CachingTokenService s = service()) {
            CompletableFuture<AccessToken> f = s.accessTokenAsync(task -> {
                throw new RejectedExecutionException("full");
            });
            assertTrue(f.isCompletedExceptionally());
            assertTrue(f.handle((t, x) -> x).get() instanceof RejectedExecutionException);
            assertEquals(0, login.calls.get());
            QueueExecutor executor = new QueueExecutor();
            CompletableFuture<AccessToken> g = s.accessTokenAsync(executor);
            executor.runAll();
            assertEquals("token-1", g.join().value(), "the rejection was not remembered");
        }
    }

    @Test
    void nullExecutorIsRefused() {
        try (CachingTokenService s = service()) {
            assertThrows(NullPointerException.class, () -> s.accessTokenAsync(null));
        }
    }
}

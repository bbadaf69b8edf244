package io.github.upstoxtotp.token;

import io.github.upstoxtotp.model.AccessToken;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A login that counts its calls, issues tokens valid for {@code lifetime} from the clock's now, and can be held or made to fail. */
final class FakeLogin implements TokenSource {
    private final Clock clock;
    private final Duration lifetime;
    final AtomicInteger calls = new AtomicInteger();
    private final Deque<RuntimeException> failures = new ArrayDeque<>();
    volatile CountDownLatch gate;
    volatile boolean sawInterrupt;

    FakeLogin(Clock clock, Duration lifetime) {
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /** The next login throws {@code e}. */
    synchronized FakeLogin failNextWith(RuntimeException e) {
        failures.add(e);
        return this;
    }

    /** Logins block until {@link #open()}. */
    FakeLogin hold() {
        gate = new CountDownLatch(1);
        return this;
    }

    void open() {
        gate.countDown();
    }

    @Override
    public AccessToken login() {
        int n = calls.incrementAndGet();
        CountDownLatch g = gate;
        if (g != null) {
            try {
                if (!g.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("test gate never opened");
                }
            } catch (InterruptedException e) {
                sawInterrupt = true;
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        RuntimeException failure;
        synchronized (this) {
            failure = failures.poll();
        }
        if (failure != null) {
            throw failure;
        }
        Instant now = clock.instant();
        return new AccessToken("token-" + n, null, "U" + n, now, now.plus(lifetime));
    }
}

package io.github.upstoxtotp.resilience;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Spaces the starts of consecutive requests by at least {@code sleepTime}, on a Resilience4j
 * {@link RateLimiter}.
 *
 * <p>Why not simply {@code limitForPeriod=1, limitRefreshPeriod=sleepTime}: Resilience4j's
 * {@code AtomicRateLimiter} counts permits in fixed cycles measured from its creation, so a request
 * at the end of one cycle and the next at the start of the following cycle can be nanoseconds
 * apart. Instead the period is a hundredth of {@code sleepTime} (rounded up) with one permit per
 * period, and every request, as it is let through, also reserves the next {@value #SUBDIVISIONS}
 * permits. Those reserved permits are a debt that only time pays back, so the next request's
 * permit is due no earlier than {@value #SUBDIVISIONS} whole periods after the end of the period
 * this request was let through in: strictly more than {@code sleepTime} later, and, for requests
 * that come back to back, at most {@code sleepTime + sleepTime/100} later. A request arriving when
 * the limiter is idle is let through at once; nothing waits after a request.
 *
 * <p>Reservations are made under a lock (permit and debt together, so two threads cannot
 * interleave), the wait itself outside it, through the {@link Sleeper}.
 */
final class Pacer {
    /** Periods per {@code sleepTime}: bounds the overshoot of back-to-back requests at 1 %. */
    static final int SUBDIVISIONS = 100;
    /** Longer than any queue of logins could need; a reservation that would exceed it is refused. */
    private static final Duration RESERVATION_TIMEOUT = Duration.ofDays(1);

    private final RateLimiter limiter;
    private final Sleeper sleeper;
    private final Object lock = new Object();

    /**
     * @param sleepTime minimum spacing; zero disables pacing (no limiter at all)
     * @param nanoTime the limiter's clock ({@code System::nanoTime} in production)
     */
    Pacer(Duration sleepTime, Sleeper sleeper, LongSupplier nanoTime) {
        this.sleeper = sleeper;
        if (sleepTime.isZero()) {
            this.limiter = null;
            return;
        }
        long total = sleepTime.toNanos();
        long period = Math.max(1, total / SUBDIVISIONS + (total % SUBDIVISIONS == 0 ? 0 : 1));
        RateLimiterConfig config = RateLimiterConfig.custom()
                .limitForPeriod(1)
                .limitRefreshPeriod(Duration.ofNanos(period))
                .timeoutDuration(RESERVATION_TIMEOUT)
                .build();
        this.limiter = RateLimiter.of("upstox-login-pacing", config, nanoTime::getAsLong);
    }

    /** True when pacing is on. */
    boolean enabled() {
        return limiter != null;
    }

    /**
     * Waits until this request may start.
     *
     * @throws InterruptedException if interrupted while waiting (the reserved turn is forfeited)
     */
    void awaitTurn() throws InterruptedException {
        if (limiter == null) {
            return;
        }
        long wait;
        synchronized (lock) {
            wait = limiter.reservePermission(1);
            limiter.reservePermission(SUBDIVISIONS);
        }
        if (wait < 0) {
            // Only possible with a day-long queue of logins; refusing to send is the safe answer.
            throw new IllegalStateException("login pacing: no turn available within " + RESERVATION_TIMEOUT);
        }
        if (wait > 0) {
            sleeper.sleepNanos(wait);
        }
    }
}

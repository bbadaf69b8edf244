package io.github.upstoxtotp.token;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * Settings for a {@link ScheduledRefresher}, from {@link ScheduledRefresher#builder(TokenService)}.
 * Defaults: 08:45 Asia/Kolkata, up to 2 minutes of jitter, 2 retries from 1 minute, the system
 * clock, a daemon scheduler thread the refresher owns. Not thread-safe.
 */
public final class ScheduledRefresherBuilder {
    private static final AtomicInteger THREADS = new AtomicInteger();

    final TokenService service;
    LocalTime at = ScheduledRefresher.DEFAULT_TIME;
    ZoneId zone = TokenExpiry.UPSTOX_ZONE;
    Duration maxJitter = ScheduledRefresher.DEFAULT_MAX_JITTER;
    int maxRetries = ScheduledRefresher.DEFAULT_RETRIES;
    Duration firstBackoff = ScheduledRefresher.DEFAULT_BACKOFF;
    Clock clock = Clock.systemUTC();
    ScheduledExecutorService scheduler;
    RandomGenerator random = new Random();
    RefreshListener listener = RefreshListener.NONE;
    Predicate<? super RuntimeException> stopWhen = ScheduledRefresher::isCredentialRejection;

    ScheduledRefresherBuilder(TokenService service) {
        this.service = Objects.requireNonNull(service, "service");
    }

    /** The local time of day to log in at; 08:45 unless set. */
    public ScheduledRefresherBuilder at(LocalTime at) {
        this.at = Objects.requireNonNull(at, "at");
        return this;
    }

    /** The zone {@link #at} is read in; Asia/Kolkata unless set. Any zone, daylight saving included. */
    public ScheduledRefresherBuilder zone(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
        return this;
    }

    /**
     * Each run happens a random time between 0 and {@code maxJitter} after {@link #at}, so that
     * many clients do not log in at the same instant. Zero to one hour; 2 minutes unless set.
     */
    public ScheduledRefresherBuilder maxJitter(Duration maxJitter) {
        this.maxJitter = checkJitter(maxJitter);
        return this;
    }

    /**
     * How often a failed run is tried again that day (0, 1 or 2; never more) and the wait before
     * the first retry, doubled for the second (1 second to 1 hour). A credential rejection is never
     * retried. 2 retries from 1 minute unless set.
     */
    public ScheduledRefresherBuilder retries(int maxRetries, Duration firstBackoff) {
        if (maxRetries < 0 || maxRetries > 2) {
            throw new IllegalArgumentException("retries must be 0, 1 or 2, was " + maxRetries);
        }
        Objects.requireNonNull(firstBackoff, "firstBackoff");
        if (firstBackoff.compareTo(Duration.ofSeconds(1)) < 0 || firstBackoff.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("the first backoff must be between 1 second and 1 hour");
        }
        this.maxRetries = maxRetries;
        this.firstBackoff = firstBackoff;
        return this;
    }

    /** The clock run times are computed from; the system clock unless set. */
    public ScheduledRefresherBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * Where runs are scheduled, and where the login runs; not owned (never shut down by the
     * refresher). Default: one daemon thread the refresher owns and {@link ScheduledRefresher#close()} shuts down.
     */
    public ScheduledRefresherBuilder scheduler(ScheduledExecutorService scheduler) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        return this;
    }

    /** The source of the jitter; a {@link Random} unless set. */
    public ScheduledRefresherBuilder random(RandomGenerator random) {
        this.random = Objects.requireNonNull(random, "random");
        return this;
    }

    /** Hears about each run: success, failure, credential rejection. */
    public ScheduledRefresherBuilder listener(RefreshListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /**
     * Which failures stop the refresher until the next day, without a retry; default
     * {@link ScheduledRefresher#isCredentialRejection}. Widening it is safe; narrowing it may lock
     * the account.
     */
    public ScheduledRefresherBuilder stopWhen(Predicate<? super RuntimeException> stopWhen) {
        this.stopWhen = Objects.requireNonNull(stopWhen, "stopWhen");
        return this;
    }

    /** The refresher, not yet started: call {@link ScheduledRefresher#start()}. */
    public ScheduledRefresher build() {
        return new ScheduledRefresher(this);
    }

    /** Builds and starts the refresher. */
    public ScheduledRefresher start() {
        return build().start();
    }

    /** Checks a jitter bound: zero to {@link ScheduledRefresher#MAX_JITTER}. */
    static Duration checkJitter(Duration maxJitter) {
        Objects.requireNonNull(maxJitter, "maxJitter");
        if (maxJitter.isNegative() || maxJitter.compareTo(ScheduledRefresher.MAX_JITTER) > 0) {
            throw new IllegalArgumentException("the jitter bound must be between 0 and " + ScheduledRefresher.MAX_JITTER);
        }
        return maxJitter;
    }

    static ScheduledExecutorService daemonScheduler() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
            Thread t = new Thread(task, "upstox-totp-refresh-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }
}

package io.github.upstoxtotp.token;

import io.github.upstoxtotp.error.LoginStep;
import io.github.upstoxtotp.error.UpstoxApiException;
import io.github.upstoxtotp.model.AccessToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Logs in ahead of need once a day: at a local time (say 08:45 Asia/Kolkata, before the market
 * opens) plus a random jitter, it calls {@link TokenService#refresh()}, so the day's first
 * {@code accessToken()} finds a token waiting. The service's {@link TokenListener}s hear about the
 * new token as usual; a {@link RefreshListener} hears about failures.
 *
 * <pre>{@code
 * ScheduledRefresher refresher = ScheduledRefresher.builder(tokenService)
 *         .at(LocalTime.of(8, 45)).zone(ZoneId.of("Asia/Kolkata")).maxJitter(Duration.ofMinutes(2))
 *         .start();
 * }</pre>
 *
 * <p><b>Failures.</b> A failed login is logged (never a token or a credential) and retried at most
 * {@linkplain ScheduledRefresherBuilder#retries twice} with a doubling backoff; then the refresher waits for the next
 * day. It never retries in a loop. A credential rejection (see {@link #isCredentialRejection}) is
 * not retried at all, since a repeated wrong PIN locks the account: it is reported to
 * {@link RefreshListener#onRejected} and the refresher waits for the next day.
 *
 * <p><b>Time.</b> Run times are computed from the {@link Clock} as {@link java.time.ZonedDateTime}s,
 * so any zone works: a time of day that falls in a daylight-saving gap moves later by the gap's
 * length, one that occurs twice runs at the first. The scheduler is never asked to wait more than an hour at a time: each
 * wake-up re-reads the clock, so a suspended machine or a corrected clock does not shift the run.
 *
 * <p><b>Threads.</b> The login runs on the scheduler's thread: by default one daemon thread that
 * the refresher owns, else the given {@link ScheduledExecutorService} (not owned, never shut down).
 * {@link #close()} cancels the next run and is idempotent; a login already running completes.
 * Thread-safe.
 */
public final class ScheduledRefresher implements AutoCloseable {
    /** Default time of day: 08:45, before the Indian market opens. */
    public static final LocalTime DEFAULT_TIME = LocalTime.of(8, 45);
    /** Default jitter bound. */
    public static final Duration DEFAULT_MAX_JITTER = Duration.ofMinutes(2);
    /** Largest jitter bound accepted. */
    public static final Duration MAX_JITTER = Duration.ofHours(1);
    /** Default retries after a failed run, and the first backoff (doubling after). */
    public static final int DEFAULT_RETRIES = 2;
    /** Default first backoff. */
    public static final Duration DEFAULT_BACKOFF = Duration.ofMinutes(1);

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledRefresher.class);
    private static final long MAX_SLEEP_MILLIS = Duration.ofHours(1).toMillis();

    private final TokenService service;
    private final DailySchedule schedule;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final boolean ownsScheduler;
    private final RefreshListener listener;
    private final Predicate<? super RuntimeException> stopWhen;
    private final int maxRetries;
    private final Duration firstBackoff;

    // Guarded by this.
    private boolean started;
    private boolean closed;
    private ScheduledFuture<?> pending;
    private Instant target;
    private Instant slot;
    private int retriesUsed;

    ScheduledRefresher(ScheduledRefresherBuilder b) {
        this.service = b.service;
        this.schedule = new DailySchedule(b.at, b.zone, b.maxJitter, b.random);
        this.clock = b.clock;
        this.ownsScheduler = b.scheduler == null;
        this.scheduler = ownsScheduler ? ScheduledRefresherBuilder.daemonScheduler() : b.scheduler;
        this.listener = b.listener;
        this.stopWhen = b.stopWhen;
        this.maxRetries = b.maxRetries;
        this.firstBackoff = b.firstBackoff;
    }

    /** A builder for a refresher of {@code service}; nothing runs until {@link #start()}. */
    public static ScheduledRefresherBuilder builder(TokenService service) {
        return new ScheduledRefresherBuilder(service);
    }

    /**
     * True for a failure that means Upstox rejected the account's credentials, which must not be
     * repeated: an {@link UpstoxApiException} at the PIN or TOTP step (not a 429 or a 5xx), or one
     * with code 1017106 or 1017069 at any step. The same rule as the facade's login guard.
     */
    public static boolean isCredentialRejection(Throwable failure) {
        if (!(failure instanceof UpstoxApiException)) {
            return false;
        }
        UpstoxApiException e = (UpstoxApiException) failure;
        if (e.step() == LoginStep.PIN_2FA || e.step() == LoginStep.TOTP_VERIFY) {
            return e.httpStatus() != 429 && e.httpStatus() < 500;
        }
        return e.code().map(c -> c.equals("1017069") || c.equals("1017106")).orElse(false);
    }

    /**
     * Arms the first run: the next slot strictly after now (never at once). Idempotent.
     *
     * @throws IllegalStateException if closed
     */
    public synchronized ScheduledRefresher start() {
        if (closed) {
            throw new IllegalStateException("the refresher is closed");
        }
        if (!started) {
            started = true;
            armDaily(clock.instant());
            LOG.info("scheduled token refresh daily at {}; first run {}", schedule, target);
        }
        return this;
    }

    /** When the next attempt is due (a daily run or a retry); empty before start and after close. */
    public synchronized Optional<Instant> nextRun() {
        return Optional.ofNullable(target);
    }

    /** True once {@link #close()} was called. */
    public synchronized boolean isClosed() {
        return closed;
    }

    /** Cancels the next run; a login already running completes. Idempotent, never throws. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            target = null;
            if (pending != null) {
                pending.cancel(false);
                pending = null;
            }
        }
        if (ownsScheduler) {
            scheduler.shutdown();
        }
    }

    @Override
    public synchronized String toString() {
        return "ScheduledRefresher[" + schedule + ", next=" + (closed ? "closed" : target) + "]";
    }

    /** Arms the first slot after {@code after}, jittered; resets the retry count. Holds the lock. */
    private void armDaily(Instant after) {
        slot = schedule.nextSlot(after);
        retriesUsed = 0;
        arm(schedule.jittered(slot));
    }

    /** Sleeps towards {@code when}, at most an hour at a time. Holds the lock. */
    private void arm(Instant when) {
        target = when;
        long delay = Math.max(0, Math.min(MAX_SLEEP_MILLIS, when.toEpochMilli() - clock.millis()));
        try {
            pending = scheduler.schedule(() -> wake(when), delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.warn("the scheduler refused the next token refresh; scheduled refresh stops", e);
            pending = null;
            target = null;
        }
    }

    private void wake(Instant when) {
        synchronized (this) {
            if (closed || !when.equals(target)) {
                return;
            }
            if (clock.millis() < when.toEpochMilli()) {
                arm(when); // not yet: slept an hour, or the clock moved back
                return;
            }
            pending = null;
        }
        runOnce();
    }

    private void runOnce() {
        AccessToken token = null;
        RuntimeException failure = null;
        try {
            token = service.refresh();
        } catch (RuntimeException e) {
            failure = e;
        } catch (Error e) {
            synchronized (this) {
                if (!closed) {
                    armDaily(later(clock.instant(), slot));
                }
            }
            throw e;
        }
        boolean stopped = failure != null && stops(failure);
        Instant now = clock.instant();
        Instant next;
        int retry = 0;
        synchronized (this) {
            if (closed) {
                LOG.debug("a scheduled token refresh ended after close ({})", failure == null ? "done" : describe(failure));
                return;
            }
            if (failure == null || stopped || retriesUsed >= maxRetries) {
                armDaily(later(now, slot));
            } else {
                retry = ++retriesUsed;
                arm(now.plus(firstBackoff.multipliedBy(1L << (retry - 1))));
            }
            next = target;
        }
        report(token, failure, next, retry, stopped);
    }

    private boolean stops(RuntimeException failure) {
        try {
            return stopWhen.test(failure);
        } catch (RuntimeException e) {
            LOG.warn("the refresher's stop predicate failed; treating the failure as a rejection", e);
            return true;
        }
    }

    /** Tells the log and the listener; {@code retry} is the retry number now armed, 0 for none. */
    private void report(AccessToken token, RuntimeException failure, Instant next, int retry, boolean stopped) {
        try {
            if (failure == null) {
                LOG.info("scheduled token refresh done; token expires {}, next run {}", token.expiresAt(), next);
                listener.onRefreshed(token);
            } else if (stopped) {
                LOG.warn("scheduled token refresh: credentials rejected ({}); not retried, next run {}", describe(failure), next);
                listener.onRejected(failure, next);
            } else if (retry > 0) {
                LOG.warn("scheduled token refresh failed ({}); retry {} of {} at {}", describe(failure), retry, maxRetries, next);
                listener.onFailure(failure, next, true);
            } else {
                LOG.warn("scheduled token refresh failed ({}); no retries left, next run {}", describe(failure), next);
                listener.onFailure(failure, next, false);
            }
        } catch (RuntimeException e) {
            LOG.warn("refresh listener {} failed; ignored", listener.getClass().getName(), e);
        }
    }

    private static Instant later(Instant a, Instant b) {
        return b == null || a.isAfter(b) ? a : b;
    }

    /** The failure's type and message, which in this library never hold a secret; no stack trace. */
    private static String describe(RuntimeException e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}

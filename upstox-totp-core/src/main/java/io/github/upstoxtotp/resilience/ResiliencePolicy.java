package io.github.upstoxtotp.resilience;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link ResilientStepTransport} paces and retries the login's requests. An immutable value;
 * see {@link ResilientStepTransport} for what is retried on which step.
 *
 * @param sleepTime minimum spacing between the starts of consecutive login requests sent through
 *        one transport; {@link Duration#ZERO} turns pacing off. The seed SDK's {@code sleep_time}.
 * @param maxConnectAttempts how many times one step may be sent when the connection could not be
 *        made (the server never saw the request); 1 means no retry
 * @param backoffInitial wait before the first retry (when no {@code Retry-After} says otherwise)
 * @param backoffMultiplier factor applied to the wait for each further retry of the same step (≥ 1)
 * @param backoffMax the longest backoff wait
 * @param max429Retries how many times one step may be re-sent after HTTP 429 / {@code UDAPI10005}
 * @param retryAfterCap the longest wait a server's {@code Retry-After} can impose
 * @param dialog5xxRetries how many times the authorization dialog (a GET) may be re-sent after a 5xx,
 *        a read timeout or a broken connection
 */
public record ResiliencePolicy(
        Duration sleepTime,
        int maxConnectAttempts,
        Duration backoffInitial,
        double backoffMultiplier,
        Duration backoffMax,
        int max429Retries,
        Duration retryAfterCap,
        int dialog5xxRetries) {

    /** Default {@link #sleepTime()}: one second, as the seed SDK. */
    public static final Duration DEFAULT_SLEEP_TIME = Duration.ofMillis(1000);
    /** The longest duration any component accepts; a login that waits longer has lost its point. */
    private static final Duration LONGEST = Duration.ofHours(1);

    /** Validates every component. */
    public ResiliencePolicy {
        nonNegative(sleepTime, "sleepTime");
        nonNegative(backoffInitial, "backoffInitial");
        nonNegative(backoffMax, "backoffMax");
        nonNegative(retryAfterCap, "retryAfterCap");
        if (maxConnectAttempts < 1) {
            throw new IllegalArgumentException("maxConnectAttempts must be at least 1");
        }
        if (max429Retries < 0 || dialog5xxRetries < 0) {
            throw new IllegalArgumentException("retry counts must not be negative");
        }
        if (!(backoffMultiplier >= 1.0) || Double.isInfinite(backoffMultiplier)) {
            throw new IllegalArgumentException("backoffMultiplier must be a finite number >= 1");
        }
        if (backoffMax.compareTo(backoffInitial) < 0) {
            throw new IllegalArgumentException("backoffMax must not be shorter than backoffInitial");
        }
    }

    /**
     * The defaults: 1 s pacing, 3 connect attempts, backoff 500 ms ×2 up to 10 s, two 429 retries
     * with {@code Retry-After} capped at 30 s, two dialog retries.
     */
    public static ResiliencePolicy defaults() {
        return builder().build();
    }

    /** A builder starting from {@link #defaults()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this policy. */
    public Builder toBuilder() {
        return new Builder()
                .sleepTime(sleepTime)
                .maxConnectAttempts(maxConnectAttempts)
                .backoff(backoffInitial, backoffMultiplier, backoffMax)
                .max429Retries(max429Retries)
                .retryAfterCap(retryAfterCap)
                .dialog5xxRetries(dialog5xxRetries);
    }

    /** The most times one step can be sent under this policy (first attempt included). */
    public int maxTotalAttempts() {
        return maxConnectAttempts + max429Retries + dialog5xxRetries;
    }

    private static void nonNegative(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException(name + " must be between 0 and " + LONGEST);
        }
    }

    /** Builds a {@link ResiliencePolicy}; starts from the defaults. Not thread-safe. */
    public static final class Builder {
        private Duration sleepTime = DEFAULT_SLEEP_TIME;
        private int maxConnectAttempts = 3;
        private Duration backoffInitial = Duration.ofMillis(500);
        private double backoffMultiplier = 2.0;
        private Duration backoffMax = Duration.ofSeconds(10);
        private int max429Retries = 2;
        private Duration retryAfterCap = Duration.ofSeconds(30);
        private int dialog5xxRetries = 2;

        private Builder() {
        }

        public Builder sleepTime(Duration sleepTime) {
            this.sleepTime = sleepTime;
            return this;
        }

        public Builder maxConnectAttempts(int attempts) {
            this.maxConnectAttempts = attempts;
            return this;
        }

        public Builder backoff(Duration initial, double multiplier, Duration max) {
            this.backoffInitial = initial;
            this.backoffMultiplier = multiplier;
            this.backoffMax = max;
            return this;
        }

        public Builder max429Retries(int retries) {
            this.max429Retries = retries;
            return this;
        }

        public Builder retryAfterCap(Duration cap) {
            this.retryAfterCap = cap;
            return this;
        }

        public Builder dialog5xxRetries(int retries) {
            this.dialog5xxRetries = retries;
            return this;
        }

        /**
         * @throws IllegalArgumentException if a value is out of range
         */
        public ResiliencePolicy build() {
            return new ResiliencePolicy(sleepTime, maxConnectAttempts, backoffInitial, backoffMultiplier, backoffMax,
                    max429Retries, retryAfterCap, dialog5xxRetries);
        }
    }
}

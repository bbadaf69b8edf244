package io.github.upstoxtotp.auth;

import java.time.Duration;

/**
 * Waits. Injected into the login machine so that tests of the TOTP-window guard need not wait.
 */
@FunctionalInterface
public interface Sleeper {

    /** Sleeps for {@code duration}; returns early, with the thread's interrupt flag set, if interrupted. */
    void sleep(Duration duration);

    /** {@link Thread#sleep}. */
    static Sleeper system() {
        return duration -> {
            if (duration.isNegative() || duration.isZero()) {
                return;
            }
            try {
                Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
            } catch (InterruptedException e) {
                // the caller goes on with a code that may expire soon; better than losing the interrupt
                Thread.currentThread().interrupt();
            }
        };
    }
}

package io.github.upstoxtotp.token;

import io.github.upstoxtotp.model.AccessToken;

import java.time.Instant;

/**
 * Told how each attempt of a {@link ScheduledRefresher} went. Every method does nothing by
 * default; override the ones you need. Called on the refresher's scheduler thread; keep it short.
 * An exception it throws is logged and swallowed.
 *
 * <p>The token service's own {@link TokenListener}s hear about the new token as usual; this
 * listener is for what only the refresher knows: failures, retries and when it stopped.
 */
public interface RefreshListener {
    /** Hears nothing. */
    RefreshListener NONE = new RefreshListener() {
    };

    /** A scheduled login succeeded. Never log {@code token.value()}. */
    default void onRefreshed(AccessToken token) {
    }

    /**
     * A scheduled login failed for a reason that may pass (network, server, protocol).
     *
     * @param failure what the login threw
     * @param nextAttempt when the refresher tries again: a retry shortly, or, once the retries are
     *        used up, the next day's run (null only if the scheduler no longer accepts tasks)
     * @param retry true when {@code nextAttempt} is a retry of today's run
     */
    default void onFailure(RuntimeException failure, Instant nextAttempt, boolean retry) {
    }

    /**
     * Upstox rejected the account's credentials (wrong PIN or TOTP, account locked, OTP blocked):
     * the refresher does not try again today, since repeating a wrong PIN locks the account.
     * Fix the settings (and, with {@code UpstoxTotp}, call {@code resetSession()}).
     *
     * @param rejection what the login threw
     * @param nextAttempt the next day's run (null only if the scheduler no longer accepts tasks)
     */
    default void onRejected(RuntimeException rejection, Instant nextAttempt) {
    }
}

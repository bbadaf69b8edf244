package io.github.upstoxtotp.token;

import io.github.upstoxtotp.model.AccessToken;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The day's access token, cached and shared: what an application holds on to.
 *
 * <p>A token is <em>usable</em> while more than the service's refresh margin is left before its
 * {@link AccessToken#expiresAt()}. While the cached token is usable, {@link #accessToken()} answers
 * from memory; otherwise exactly one caller logs in and every concurrent caller waits for that one
 * login (single-flight). A failed login is reported to every caller that waited for it, and is not
 * remembered: the next call logs in again. The service never logs in on its own, nor retries a
 * login; a {@link ScheduledRefresher}, when one is started, calls {@link #refresh()} once a day.
 *
 * <p>Thread-safe. Lives in {@code token} rather than the root package because the root facade
 * depends on this package; the reverse would be a package cycle.
 */
public interface TokenService extends AutoCloseable {

    /**
     * A usable token: the cached one, or a new one from a login (shared with concurrent callers).
     * Blocks (uninterruptibly) while a login runs.
     *
     * @throws io.github.upstoxtotp.error.UpstoxTotpException (or whatever the login threw) if the login failed
     */
    AccessToken accessToken();

    /**
     * Like {@link #accessToken()}, without blocking the calling thread: a login, when one is needed,
     * runs on the service's own executor. Cancelling the returned future affects that future only,
     * never the shared login. A failed future holds the login's exception itself (not wrapped).
     */
    CompletableFuture<AccessToken> accessTokenAsync();

    /**
     * Like {@link #accessTokenAsync()}, but a login (if one is needed and none is running) runs on
     * {@code executor}; a login already running is joined and nothing is submitted. The calling
     * thread only hands the task over, so it never waits, unless {@code executor} itself runs tasks
     * on the caller (e.g. {@code Runnable::run}, or a pool's caller-runs policy when it is full).
     * Cancelling the returned future never cancels the shared login, which completes, is cached
     * and is told to the listeners. If {@code executor} refuses the task, the future fails with
     * its {@link java.util.concurrent.RejectedExecutionException}. Non-async stages chained on the
     * future run on the thread that completed the login.
     */
    CompletableFuture<AccessToken> accessTokenAsync(Executor executor);

    /**
     * Logs in for a new token even if the cached one is usable; single-flight too (joins a login
     * already running, whose token is newer than this call anyway).
     *
     * @throws io.github.upstoxtotp.error.UpstoxTotpException (or whatever the login threw) if the login failed
     */
    AccessToken refresh();

    /**
     * Drops the cached and the stored token, e.g. after the API answered 401, so that the next call
     * logs in. Prefer {@link #invalidate(AccessToken)} when many threads may see the same 401.
     */
    void invalidate();

    /**
     * Drops the cached and the stored token only if {@code rejected} is still the current one: many
     * threads reporting the same rejected token cause one new login, not one each.
     *
     * @return true if it was current and has been dropped
     */
    boolean invalidate(AccessToken rejected);

    /** The cached token if it is usable now; never logs in, never touches the network. */
    Optional<AccessToken> cached();

    /**
     * The extended token ({@code extended_token}), when the app has one: a long-lived (about a
     * year) token for <em>read-only</em> API calls (market data, portfolio; no orders). It
     * outlives the day's access token, so it may be present when {@link #cached()} is empty.
     * Never logs in, never touches the network. A secret: never log it.
     *
     * <p>By default the extended token of the {@linkplain #cached() cached} token.
     */
    default Optional<String> extendedToken() {
        return cached().flatMap(AccessToken::extendedToken);
    }

    /** Tells {@code listener} about every new token from now on, until the registration is closed. */
    Registration addListener(TokenListener listener);

    /** Releases what the service owns (its executor); a login already running completes. Idempotent. */
    @Override
    void close();
}

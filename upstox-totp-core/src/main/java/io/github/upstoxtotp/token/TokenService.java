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
 * remembered: the next call logs in again. Nothing ever logs in on its own, nor retries a login.
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

    /** Like {@link #accessTokenAsync()}, a login (if one is needed and none is running) runs on {@code executor}. */
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

    /** Tells {@code listener} about every new token from now on, until the registration is closed. */
    Registration addListener(TokenListener listener);

    /** Releases what the service owns (its executor); a login already running completes. Idempotent. */
    @Override
    void close();
}

package io.github.upstoxtotp.token;

import io.github.upstoxtotp.model.AccessToken;

/**
 * Where new tokens come from: one full login per call. {@link CachingTokenService} calls it at
 * most once at a time and only when no usable token is cached.
 */
@FunctionalInterface
public interface TokenSource {

    /**
     * Logs in and returns the new token, its {@link AccessToken#expiresAt()} set (see
     * {@link TokenExpiry}).
     *
     * @throws io.github.upstoxtotp.error.UpstoxTotpException (or any unchecked exception) if the
     *         login fails; it is passed to every caller waiting for this login
     */
    AccessToken login();
}

package io.github.upstoxtotp.token;

import io.github.upstoxtotp.model.AccessToken;

/**
 * Told about each new token a {@link TokenService} obtains (a login, not a cache hit).
 *
 * <p>Called on the thread that performed the login, after every waiting caller has been given the
 * token; keep it short. An exception it throws is logged and swallowed.
 */
@FunctionalInterface
public interface TokenListener {

    /** A new token is in use. Never log {@code newToken.value()}. */
    void onToken(AccessToken newToken);
}

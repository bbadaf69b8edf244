package io.github.upstoxtotp.token;

import io.github.upstoxtotp.model.AccessToken;

import java.util.Optional;

/**
 * Keeps access tokens across restarts, keyed by account (client id + username).
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>Thread-safe.</li>
 *   <li>Holds tokens only, never credentials.</li>
 *   <li>Never fatal: a store that cannot read (missing, unreadable, corrupt) answers empty
 *       and logs why; a store that cannot write logs why and carries on. The token service
 *       treats the store as a cache, not as truth.</li>
 *   <li>Returns what was saved, expired or not; deciding validity is the caller's job.</li>
 * </ul>
 */
public interface TokenStore {

    /** The stored token for this key, if any. */
    Optional<AccessToken> load(String key);

    /** Stores (replacing) the token for this key. */
    void save(String key, AccessToken token);

    /** Forgets the token for this key. */
    void remove(String key);
}

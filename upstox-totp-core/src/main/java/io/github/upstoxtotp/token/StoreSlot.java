package io.github.upstoxtotp.token;

import io.github.upstoxtotp.model.AccessToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * One key of a {@link TokenStore}, used as a cache: whatever the store throws is logged and
 * swallowed, so a broken store costs a login, never a failure.
 */
final class StoreSlot {
    private static final Logger LOG = LoggerFactory.getLogger(CachingTokenService.class);

    private final TokenStore store;
    private final String key;

    StoreSlot(TokenStore store, String key) {
        this.store = store;
        this.key = key;
    }

    String key() {
        return key;
    }

    Optional<AccessToken> load() {
        try {
            return store.load(key);
        } catch (RuntimeException e) {
            LOG.warn("token store {} failed to load; starting without a stored token", name(), e);
            return Optional.empty();
        }
    }

    void save(AccessToken token) {
        try {
            store.save(key, token);
        } catch (RuntimeException e) {
            LOG.warn("token store {} failed to save; the token is kept in memory only", name(), e);
        }
    }

    void remove() {
        try {
            store.remove(key);
        } catch (RuntimeException e) {
            LOG.warn("token store {} failed to remove the token", name(), e);
        }
    }

    private String name() {
        return store.getClass().getSimpleName();
    }
}

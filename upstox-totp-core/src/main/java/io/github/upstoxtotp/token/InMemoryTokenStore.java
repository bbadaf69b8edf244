package io.github.upstoxtotp.token;

import io.github.upstoxtotp.model.AccessToken;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link TokenStore} in memory: tokens live as long as the store. Thread-safe; the default. */
public final class InMemoryTokenStore implements TokenStore {
    private final ConcurrentHashMap<String, AccessToken> tokens = new ConcurrentHashMap<>();

    @Override
    public Optional<AccessToken> load(String key) {
        return Optional.ofNullable(tokens.get(Objects.requireNonNull(key, "key")));
    }

    @Override
    public void save(String key, AccessToken token) {
        tokens.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(token, "token"));
    }

    @Override
    public void remove(String key) {
        tokens.remove(Objects.requireNonNull(key, "key"));
    }

    @Override
    public String toString() {
        return "InMemoryTokenStore[" + tokens.size() + " tokens]";
    }
}

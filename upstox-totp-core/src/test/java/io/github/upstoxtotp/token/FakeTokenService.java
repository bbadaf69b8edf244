package io.github.upstoxtotp.token;

import io.github.upstoxtotp.model.AccessToken;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * A {@link TokenService} that hands out scripted tokens, one per "login", and records what it was
 * asked: shared through core's test-jar by the modules whose interceptors call a token service.
 * Once the script runs out, each login repeats the last token. Thread-safe (synchronized).
 */
public final class FakeTokenService implements TokenService {
    private final List<Supplier<String>> logins;
    private final List<String> invalidated = new ArrayList<>();
    private int loginCount;
    private AccessToken current;

    private FakeTokenService(List<Supplier<String>> logins) {
        this.logins = logins;
    }

    /** Logins hand out {@code values} in turn, then the last one again and again. */
    public static FakeTokenService handingOut(String... values) {
        List<Supplier<String>> script = new ArrayList<>();
        for (String value : values) {
            script.add(() -> value);
        }
        return new FakeTokenService(script);
    }

    /** The first login hands out {@code first}; every later login throws {@code failure}. */
    public static FakeTokenService thenFailing(String first, RuntimeException failure) {
        List<Supplier<String>> script = new ArrayList<>();
        script.add(() -> first);
        script.add(() -> {
            throw failure;
        });
        return new FakeTokenService(script);
    }

    /** Every login throws {@code failure}. */
    public static FakeTokenService failing(RuntimeException failure) {
        return new FakeTokenService(List.of(() -> {
            throw failure;
        }));
    }

    public static AccessToken token(String value) {
        Instant now = Instant.now();
        return new AccessToken(value, null, "USER1", now, now.plus(Duration.ofHours(1)));
    }

    public synchronized int logins() {
        return loginCount;
    }

    /** The values passed to {@link #invalidate(AccessToken)}, in order. */
    public synchronized List<String> invalidated() {
        return List.copyOf(invalidated);
    }

    @Override
    public synchronized AccessToken accessToken() {
        if (current == null) {
            current = login();
        }
        return current;
    }

    private AccessToken login() {
        Supplier<String> next = logins.get(Math.min(loginCount, logins.size() - 1));
        loginCount++;
        return token(next.get());
    }

    @Override
    public CompletableFuture<AccessToken> accessTokenAsync() {
        return CompletableFuture.supplyAsync(this::accessToken);
    }

    @Override
    public CompletableFuture<AccessToken> accessTokenAsync(Executor executor) {
        return CompletableFuture.supplyAsync(this::accessToken, executor);
    }

    @Override
    public synchronized AccessToken refresh() {
        current = login();
        return current;
    }

    @Override
    public synchronized void invalidate() {
        current = null;
    }

    @Override
    public synchronized boolean invalidate(AccessToken rejected) {
        invalidated.add(rejected.value());
        if (current != null && current.value().equals(rejected.value())) {
            current = null;
            return true;
        }
        return false;
    }

    @Override
    public synchronized Optional<AccessToken> cached() {
        return Optional.ofNullable(current);
    }

    @Override
    public Registration addListener(TokenListener listener) {
        return () -> {
        };
    }

    @Override
    public void close() {
    }
}

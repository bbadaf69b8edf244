package io.github.upstoxtotp.token;

import io.github.upstoxtotp.error.ProtocolException;
import io.github.upstoxtotp.model.AccessToken;
import io.github.upstoxtotp.error.LoginStep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The {@link TokenService}: a cache in front of a {@link TokenSource} (the login), backed by a
 * {@link TokenStore} so a token survives restarts.
 *
 * <p><b>Hot path.</b> The cached token and the clock reading at which it stops being usable
 * ({@code expiresAt − refreshMargin}) sit together in one immutable holder in a volatile field; a
 * call reads the field and {@link Clock#millis()} and compares. No lock, no allocation.
 *
 * <p><b>Single-flight.</b> When a login is needed, the first caller installs a future in an atomic
 * slot and logs in (on its own thread; on an executor for the async calls); every other caller
 * waits on that future. The slot is cleared before the future completes, so a failure is given to
 * all who waited and the next call starts afresh.
 *
 * <p><b>Store.</b> At construction a stored token still usable is adopted (an expired one is
 * ignored); every new token is saved; {@code invalidate} removes it. The store is a cache: its
 * failures are logged, never thrown.
 *
 * <p>A new token already past its {@code expiresAt} fails the login ({@link ProtocolException}: check
 * the clock). One that expires within the margin is used until it expires, so that a margin longer
 * than a token's life cannot turn every call into a login.
 */
public final class CachingTokenService implements TokenService {
    /** Default refresh margin: a token is replaced once less than this is left of it. */
    public static final Duration DEFAULT_REFRESH_MARGIN = Duration.ofMinutes(5);
    /** Default store key, for a service that is the only user of its store. */
    public static final String DEFAULT_STORE_KEY = "default";

    private static final Logger LOG = LoggerFactory.getLogger(CachingTokenService.class);

    /** A login's result: the token, and whether it is new (not one found already cached). */
    private record Login(AccessToken token, boolean fresh) {
    }

    /** A token and the {@code clock.millis()} from which it is no longer usable. Immutable. */
    private static final class Cached {
        static final Cached NONE = new Cached(null, Long.MIN_VALUE);
        final AccessToken token;
        final long refreshAtMillis;

        Cached(AccessToken token, long refreshAtMillis) {
            this.token = token;
            this.refreshAtMillis = refreshAtMillis;
        }
    }

    private final TokenSource source;
    private final StoreSlot slot;
    private final Clock clock;
    private final long marginMillis;
    private final AsyncRunner asyncRunner;
    private final ExtendedTokens extended;
    private final CopyOnWriteArrayList<TokenListener> listeners = new CopyOnWriteArrayList<>();
    private final SingleFlight<Login> flight = new SingleFlight<>();
    /** Orders changes of {@link #cached} with the store writes that go with them; never taken on reads. */
    private final Object transitions = new Object();
    private volatile Cached cached;

    private CachingTokenService(Builder b) {
        this.source = b.source;
        this.slot = new StoreSlot(b.store, b.storeKey);
        this.clock = b.clock;
        this.marginMillis = b.refreshMargin.toMillis();
        this.asyncRunner = new AsyncRunner(b.executor);
        this.extended = new ExtendedTokens(b.extendedTokenExpiry, b.clock);
        this.cached = adoptStored();
    }

    /** A builder around {@code source}, the login. */
    public static Builder builder(TokenSource source) {
        return new Builder(source);
    }

    @Override
    public AccessToken accessToken() {
        Cached c = cached;
        if (clock.millis() < c.refreshAtMillis) {
            return c.token;
        }
        return SingleFlight.await(obtain(c, null)).token();
    }

    @Override
    public CompletableFuture<AccessToken> accessTokenAsync() {
        return accessTokenAsync(asyncRunner);
    }

    @Override
    public CompletableFuture<AccessToken> accessTokenAsync(Executor executor) {
        Objects.requireNonNull(executor, "executor");
        Cached c = cached;
        if (clock.millis() < c.refreshAtMillis) {
            return CompletableFuture.completedFuture(c.token);
        }
        // The caller's own future: cancelling it cannot reach the shared login.
        return SingleFlight.detached(obtain(c, executor).thenApply(Login::token));
    }

    @Override
    public AccessToken refresh() {
        return SingleFlight.await(obtain(cached, null)).token();
    }

    @Override
    public void invalidate() {
        synchronized (transitions) {
            cached = Cached.NONE;
            extended.forget();
            slot.remove();
        }
    }

    @Override
    public boolean invalidate(AccessToken rejected) {
        Objects.requireNonNull(rejected, "rejected");
        synchronized (transitions) {
            Cached c = cached;
            if (c.token == null || !c.token.value().equals(rejected.value())) {
                return false;
            }
            cached = Cached.NONE;
            extended.forget();
            slot.remove();
            return true;
        }
    }

    @Override
    public Optional<AccessToken> cached() {
        Cached c = cached;
        return clock.millis() < c.refreshAtMillis ? Optional.of(c.token) : Optional.empty();
    }

    /**
     * {@inheritDoc}
     *
     * <p>Here: the extended token of the latest token obtained or found in the store, even when
     * that token's access token has expired; until the extended token's JWT {@code exp} (read with
     * {@link Builder#extendedTokenExpiry}), else until a year after its token was issued.
     */
    @Override
    public Optional<String> extendedToken() {
        return extended.current();
    }

    @Override
    public Registration addListener(TokenListener listener) {
        Objects.requireNonNull(listener, "listener");
        listeners.add(listener);
        AtomicBoolean open = new AtomicBoolean(true);
        return () -> {
            if (open.compareAndSet(true, false)) {
                listeners.remove(listener);
            }
        };
    }

    @Override
    public void close() {
        asyncRunner.close();
    }

    @Override
    public String toString() {
        return "CachingTokenService[key=" + slot.key() + ", margin=" + Duration.ofMillis(marginMillis) + ", cached="
                + (cached.token == null ? "none" : cached.token) + "]";
    }

    /**
     * Joins the running login, or starts one: inline when {@code executor} is null, else on it.
     *
     * @param seen the holder the caller found wanting; a different, usable one appearing meanwhile
     *        is a login that finished after the call began, and is used instead of another login
     */
    private CompletableFuture<Login> obtain(Cached seen, Executor executor) {
        return flight.join(() -> loginUnless(seen), executor, this::notifyListeners);
    }

    private Login loginUnless(Cached seen) {
        Cached now = cached;
        if (now != seen && clock.millis() < now.refreshAtMillis) {
            return new Login(now.token, false);
        }
        AccessToken token = source.login();
        Cached fresh = holderFor(token);
        synchronized (transitions) {
            slot.save(token);
            cached = fresh;
            extended.remember(token);
        }
        return new Login(token, true);
    }

    private void notifyListeners(Login login) {
        if (!login.fresh()) {
            return;
        }
        for (TokenListener listener : listeners) {
            try {
                listener.onToken(login.token());
            } catch (RuntimeException e) {
                LOG.warn("token listener {} failed; ignored", listener.getClass().getName(), e);
            }
        }
    }

    private Cached holderFor(AccessToken token) {
        if (token == null) {
            throw new ProtocolException(LoginStep.TOKEN_EXCHANGE, "access_token", "the login returned no token");
        }
        long now = clock.millis();
        long expires = epochMillis(token.expiresAt());
        if (expires <= now) {
            throw new ProtocolException(LoginStep.TOKEN_EXCHANGE, "expires_at", "the new token expired at "
                    + token.expiresAt() + ", before now (" + Instant.ofEpochMilli(now) + "); check the system clock");
        }
        long refreshAt = expires - marginMillis;
        if (refreshAt <= now) {
            LOG.warn("the new token expires at {}, within the refresh margin of {}; it is used until it expires",
                    token.expiresAt(), Duration.ofMillis(marginMillis));
            refreshAt = expires;
        }
        return new Cached(token, refreshAt);
    }

    private Cached adoptStored() {
        Optional<AccessToken> stored = slot.load();
        if (stored.isEmpty()) {
            return Cached.NONE;
        }
        AccessToken token = stored.get();
        extended.remember(token);
        long refreshAt = epochMillis(token.expiresAt()) - marginMillis;
        if (clock.millis() >= refreshAt) {
            LOG.info("stored token (expires {}) is no longer usable; a login will be needed", token.expiresAt());
            return Cached.NONE;
        }
        LOG.debug("reusing the stored token, expires {}", token.expiresAt());
        return new Cached(token, refreshAt);
    }

    private static long epochMillis(Instant instant) {
        try {
            return instant.toEpochMilli();
        } catch (ArithmeticException e) {
            return instant.isBefore(Instant.EPOCH) ? Long.MIN_VALUE + 1 : Long.MAX_VALUE;
        }
    }

    /** Builds a {@link CachingTokenService}. Not thread-safe. */
    public static final class Builder {
        private final TokenSource source;
        private TokenStore store;
        private String storeKey = DEFAULT_STORE_KEY;
        private Clock clock = Clock.systemUTC();
        private Duration refreshMargin = DEFAULT_REFRESH_MARGIN;
        private Executor executor;
        private TokenExpiry extendedTokenExpiry = TokenExpiry.dailyRuleOnly();

        private Builder(TokenSource source) {
            this.source = Objects.requireNonNull(source, "source");
        }

        /** Where tokens outlive the process; default a fresh {@link InMemoryTokenStore}. */
        public Builder store(TokenStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /** The account's key in the store, e.g. {@link TokenStores#key(String, String)}; default {@value CachingTokenService#DEFAULT_STORE_KEY}. */
        public Builder storeKey(String storeKey) {
            Objects.requireNonNull(storeKey, "storeKey");
            if (storeKey.isBlank()) {
                throw new IllegalArgumentException("storeKey is blank");
            }
            this.storeKey = storeKey;
            return this;
        }

        /** The clock validity is judged by; default {@link Clock#systemUTC()}. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How long before its expiry a token is replaced; default 5 minutes; zero or more. */
        public Builder refreshMargin(Duration margin) {
            Objects.requireNonNull(margin, "margin");
            if (margin.isNegative() || margin.compareTo(Duration.ofDays(1)) > 0) {
                throw new IllegalArgumentException("refresh margin must be between 0 and 1 day");
            }
            this.refreshMargin = margin;
            return this;
        }

        /**
         * Where {@link CachingTokenService#accessTokenAsync()} runs a login; not owned (never shut down by
         * the service). Default: daemon threads the service owns and {@link CachingTokenService#close()} shuts down.
         */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * Reads the extended token's JWT {@code exp} for {@link CachingTokenService#extendedToken()},
         * e.g. {@link TokenExpiry#of}; unless set none is read and a year from issue is assumed.
         */
        public Builder extendedTokenExpiry(TokenExpiry expiry) {
            this.extendedTokenExpiry = Objects.requireNonNull(expiry, "expiry");
            return this;
        }

        /** Builds the service, adopting a still-usable token from the store. */
        public CachingTokenService build() {
            if (store == null) {
                store = new InMemoryTokenStore();
            }
            return new CachingTokenService(this);
        }
    }
}

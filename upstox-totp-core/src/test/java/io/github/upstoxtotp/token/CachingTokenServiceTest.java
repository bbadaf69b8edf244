package io.github.upstoxtotp.token;

import io.github.upstoxtotp.testing.MutableClock;
import io.github.upstoxtotp.error.ProtocolException;
import io.github.upstoxtotp.model.AccessToken;
import io.github.upstoxtotp.token.TokenStore;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cache, the store and the listeners, one thread at a time; concurrency is in {@link SingleFlightLoginTest}. */
class CachingTokenServiceTest {
    private static final Instant T0 = Instant.parse("2025-06-02T04:00:00Z");
    private static final String KEY = "acct";

    private final MutableClock clock = new MutableClock(T0);
    private final FakeLogin login = new FakeLogin(clock, Duration.ofHours(10));
    private final InMemoryTokenStore store = new InMemoryTokenStore();

    private CachingTokenService service() {
        return CachingTokenService.builder(login).store(store).storeKey(KEY).clock(clock).build();
    }

    @Test
    void cachedTokenIsReturnedWithoutAnotherLogin() {
        try (CachingTokenService s = service()) {
            AccessToken first = s.accessToken();
            for (int i = 0; i < 1000; i++) {
                assertSame(first, s.accessToken());
            }
            assertEquals(1, login.calls.get());
        }
    }

    @Test
    void tokenIsReplacedOnceLessThanTheMarginIsLeft() {
        try (CachingTokenService s = service()) {
            AccessToken first = s.accessToken();
            clock.advance(Duration.ofHours(10).minusMinutes(5).minusMillis(1));
            assertSame(first, s.accessToken(), "5 min + 1 ms left: still usable");
            clock.advance(Duration.ofMillis(1));
            AccessToken second = s.accessToken();
            assertNotEquals(first.value(), second.value(), "exactly 5 min left: replaced");
            assertEquals(2, login.calls.get());
        }
    }

    @Test
    void zeroMarginUsesTheTokenUntilItsLastMillisecond() {
        try (CachingTokenService s = CachingTokenService.builder(login).clock(clock).refreshMargin(Duration.ZERO).build()) {
            AccessToken first = s.accessToken();
            clock.advance(Duration.ofHours(10).minusMillis(1));
            assertSame(first, s.accessToken());
            clock.advance(Duration.ofMillis(1));
            assertNotEquals(first.value(), s.accessToken().value());
        }
    }

    @Test
    void cachedNeverLogsIn() {
        try (CachingTokenService s = service()) {
            assertEquals(Optional.empty(), s.cached());
            assertEquals(0, login.calls.get());
            AccessToken t = s.accessToken();
            assertEquals(Optional.of(t), s.cached());
            clock.advance(Duration.ofHours(10));
            assertEquals(Optional.empty(), s.cached(), "an expired token is not offered");
            assertEquals(1, login.calls.get());
        }
    }

    @Test
    void refreshForcesANewLoginEvenWithAUsableToken() {
        try (CachingTokenService s = service()) {
            AccessToken first = s.accessToken();
            AccessToken refreshed = s.refresh();
            assertNotEquals(first.value(), refreshed.value());
            assertSame(refreshed, s.accessToken());
            assertEquals(2, login.calls.get());
            assertEquals(Optional.of(refreshed), store.load(KEY));
        }
    }

    @Test
    void invalidateDropsTheCachedAndTheStoredToken() {
        try (CachingTokenService s = service()) {
            AccessToken first = s.accessToken();
            assertTrue(store.load(KEY).isPresent());
            s.invalidate();
            assertEquals(Optional.empty(), s.cached());
            assertEquals(Optional.empty(), store.load(KEY));
            assertNotEquals(first.value(), s.accessToken().value());
            assertEquals(2, login.calls.get());
        }
    }

    @Test
    void invalidatingAStaleTokenKeepsTheNewOne() {
        try (CachingTokenService s = service()) {
            AccessToken old = s.accessToken();
            AccessToken current = s.refresh();
            assertFalse(s.invalidate(old), "a thread late with its 401 must not throw away the new token");
            assertSame(current, s.accessToken());
            assertTrue(s.invalidate(current));
            assertFalse(s.invalidate(current), "only once");
            assertEquals(Optional.empty(), store.load(KEY));
            assertEquals(2, login.calls.get());
        }
    }

    @Test
    void failedLoginIsNotCachedAndTheNextCallTriesAgain() {
        IllegalStateException boom = new IllegalStateException("login failed");
        login.failNextWith(boom);
        try (CachingTokenService s = service()) {
            assertSame(boom, assertThrows(IllegalStateException.class, s::accessToken));
            assertEquals(1, login.calls.get(), "no automatic retry");
            assertEquals("token-2", s.accessToken().value());
        }
    }

    @Test
    void usableStoredTokenIsAdoptedAtStart() {
        AccessToken stored = new AccessToken("stored", "ext", "U9", T0.minusSeconds(60), T0.plus(Duration.ofHours(2)));
        store.save(KEY, stored);
        try (CachingTokenService s = service()) {
            assertEquals(Optional.of(stored), s.cached());
            assertSame(stored, s.accessToken());
            assertEquals(0, login.calls.get());
        }
    }

    @Test
    void expiredStoredTokenIsIgnored() {
        store.save(KEY, new AccessToken("stale", null, "U9", T0.minus(Duration.ofHours(20)), T0.plusSeconds(60)));
        try (CachingTokenService s = service()) {
            assertEquals(Optional.empty(), s.cached(), "one minute left is inside the 5-minute margin");
            assertEquals("token-1", s.accessToken().value());
            assertEquals("token-1", store.load(KEY).orElseThrow().value(), "the new token replaces it in the store");
        }
    }

    @Test
    void aBrokenStoreCostsALoginNeverAFailure() {
        TokenStore broken = new TokenStore() {
            @Override
            public Optional<AccessToken> load(String key) {
                throw new IllegalStateException("disk on fire");
            }

            @Override
            public void save(String key, AccessToken token) {
                throw new IllegalStateException("disk on fire");
            }

            @Override
            public void remove(String key) {
                throw new IllegalStateException("disk on fire");
            }
        };
        try (CachingTokenService s = CachingTokenService.builder(login).store(broken).clock(clock).build()) {
            AccessToken t = s.accessToken();
            assertSame(t, s.accessToken());
            s.invalidate();
            assertEquals(1, login.calls.get());
        }
    }

    @Test
    void listenersHearEveryNewTokenAndTheirFailuresAreSwallowed() {
        List<String> heard = new ArrayList<>();
        try (CachingTokenService s = service()) {
            s.addListener(t -> {
                throw new IllegalStateException("listener bug");
            });
            Registration reg = s.addListener(t -> heard.add(t.value()));
            AccessToken first = s.accessToken();
            s.accessToken();
            s.refresh();
            reg.close();
            reg.close();
            s.refresh();
            assertEquals(List.of(first.value(), "token-2"), heard, "one call per new token, none for cache hits or after close");
        }
    }

    @Test
    void tokenAlreadyExpiredFromTheLoginFails() {
        TokenSource skewed = () -> new AccessToken("old", null, "U", T0.minusSeconds(7200), T0.minusSeconds(1));
        try (CachingTokenService s = CachingTokenService.builder(skewed).clock(clock).build()) {
            ProtocolException e = assertThrows(ProtocolException.class, s::accessToken);
            assertTrue(e.getMessage().contains("clock"), e.getMessage());
            assertFalse(e.getMessage().contains("old"), "no token value in messages");
        }
    }

    @Test
    void tokenShorterThanTheMarginIsUsedUntilItExpiresNotReLoggedEachCall() {
        FakeLogin shortLived = new FakeLogin(clock, Duration.ofMinutes(2));
        try (CachingTokenService s = CachingTokenService.builder(shortLived).clock(clock).build()) {
            AccessToken t = s.accessToken();
            clock.advance(Duration.ofSeconds(119));
            assertSame(t, s.accessToken());
            assertEquals(1, shortLived.calls.get());
            clock.advance(Duration.ofSeconds(1));
            s.accessToken();
            assertEquals(2, shortLived.calls.get());
        }
    }

    @Test
    void builderRejectsNonsense() {
        CachingTokenService.Builder b = CachingTokenService.builder(login);
        assertThrows(IllegalArgumentException.class, () -> b.refreshMargin(Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> b.storeKey(" "));
        assertThrows(NullPointerException.class, () -> CachingTokenService.builder(null));
    }

    @Test
    void toStringShowsNoTokenValue() {
        try (CachingTokenService s = service()) {
            String v = s.accessToken().value();
            assertFalse(s.toString().contains(v), s.toString());
        }
    }
}

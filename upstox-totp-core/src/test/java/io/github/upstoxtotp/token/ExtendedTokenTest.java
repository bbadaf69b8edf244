package io.github.upstoxtotp.token;

import io.github.upstoxtotp.testing.MutableClock;
import io.github.upstoxtotp.model.AccessToken;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link TokenService#extendedToken()}: outlives the day's token, ends with its own expiry, never logs in. */
class ExtendedTokenTest {
    static final Instant T0 = Instant.parse("2026-03-10T04:00:00Z");
    static final String EXTENDED = "ext-SECRET-1";

    final MutableClock clock = new MutableClock(T0);
    final InMemoryTokenStore store = new InMemoryTokenStore();
    int logins;

    AccessToken token(String extended) {
        logins++;
        Instant now = clock.instant();
        return new AccessToken("access-" + logins, extended, "U1", now, now.plus(Duration.ofHours(18)));
    }

    CachingTokenService service(String extended) {
        return CachingTokenService.builder(() -> token(extended)).clock(clock).store(store).build();
    }

    @Test
    void presentWithTheTokenAndAfterItExpiredWithoutALogin() {
        CachingTokenService s = service(EXTENDED);
        assertEquals(Optional.empty(), s.extendedToken(), "nothing known yet, and asking does not log in");
        assertEquals(0, logins);
        s.accessToken();
        assertEquals(Optional.of(EXTENDED), s.extendedToken());
        clock.advance(Duration.ofDays(3));
        assertTrue(s.cached().isEmpty(), "the day's token has expired");
        assertEquals(Optional.of(EXTENDED), s.extendedToken(), "the extended one has not");
        assertEquals(1, logins);
    }

    @Test
    void withoutAJwtExpItLastsAYearFromIssue() {
        CachingTokenService s = service(EXTENDED);
        s.accessToken();
        clock.set(T0.plus(Duration.ofDays(365)).minusMillis(1));
        assertEquals(Optional.of(EXTENDED), s.extendedToken());
        clock.set(T0.plus(Duration.ofDays(365)));
        assertEquals(Optional.empty(), s.extendedToken());
    }

    @Test
    void aJwtExpIsHonoured() {
        Instant exp = T0.plus(Duration.ofDays(10));
        String jwtShaped = "hdr.eyJ4IjoxfQ.sig"; // payload {"x":1}; the reader below supplies exp
        CachingTokenService s = CachingTokenService.builder(() -> token(jwtShaped)).clock(clock)
                .extendedTokenExpiry(TokenExpiry.withExpReader(payload -> Optional.of(exp))).build();
        s.accessToken();
        clock.set(exp.minusSeconds(1));
        assertTrue(s.extendedToken().isPresent());
        clock.set(exp);
        assertTrue(s.extendedToken().isEmpty());
    }

    @Test
    void anExpiredStoredTokenStillLendsItsExtendedTokenAfterARestart() {
        service(EXTENDED).accessToken();
        clock.advance(Duration.ofDays(2));
        CachingTokenService restarted = service("other");
        assertTrue(restarted.cached().isEmpty());
        assertEquals(Optional.of(EXTENDED), restarted.extendedToken());
        assertEquals(1, logins, "reused without a login");
        restarted.accessToken();
        assertEquals(Optional.of("other"), restarted.extendedToken(), "a login brings the current one");
    }

    @Test
    void invalidateForgetsItAndATokenWithoutOneHasNone() {
        CachingTokenService s = service(EXTENDED);
        AccessToken t = s.accessToken();
        s.invalidate(t);
        assertEquals(Optional.empty(), s.extendedToken());
        CachingTokenService plain = CachingTokenService.builder(() -> token(null)).clock(clock).build();
        plain.accessToken();
        assertEquals(Optional.empty(), plain.extendedToken());
    }

    @Test
    void theInterfaceDefaultIsTheCachedTokens() {
        CachingTokenService real = service(EXTENDED);
        TokenService minimal = new TokenService() {
            // only what the default needs; the rest delegates
            @Override
            public AccessToken accessToken() {
                return real.accessToken();
            }

            @Override
            public java.util.concurrent.CompletableFuture<AccessToken> accessTokenAsync() {
                return real.accessTokenAsync();
            }

            @Override
            public java.util.concurrent.CompletableFuture<AccessToken> accessTokenAsync(java.util.concurrent.Executor e) {
                return real.accessTokenAsync(e);
            }

            @Override
            public AccessToken refresh() {
                return real.refresh();
            }

            @Override
            public void invalidate() {
                real.invalidate();
            }

            @Override
            public boolean invalidate(AccessToken rejected) {
                return real.invalidate(rejected);
            }

            @Override
            public Optional<AccessToken> cached() {
                return real.cached();
            }

            @Override
            public Registration addListener(TokenListener listener) {
                return real.addListener(listener);
            }

            @Override
            public void close() {
                real.close();
            }
        };
        assertEquals(Optional.empty(), minimal.extendedToken());
        minimal.accessToken();
        assertEquals(Optional.of(EXTENDED), minimal.extendedToken());
        clock.advance(Duration.ofDays(1));
        assertEquals(Optional.empty(), minimal.extendedToken());
    }

    @Test
    void neverInToString() {
        CachingTokenService s = service(EXTENDED);
        AccessToken t = s.accessToken();
        assertFalse(t.toString().contains("SECRET"), t.toString());
        assertFalse(s.toString().contains("SECRET"), s.toString());
    }
}

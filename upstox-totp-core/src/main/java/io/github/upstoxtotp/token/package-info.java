/**
 * The day's access token, cached and shared: {@link io.github.upstoxtotp.token.TokenService} and
 * its implementation {@link io.github.upstoxtotp.token.CachingTokenService} (lock-free reads,
 * single-flight login), the expiry rule {@link io.github.upstoxtotp.token.TokenExpiry} (JWT
 * {@code exp}, else 03:30 Asia/Kolkata), and the token stores
 * ({@link io.github.upstoxtotp.token.InMemoryTokenStore}, {@link io.github.upstoxtotp.token.FileTokenStore}).
 *
 * <p>This package does not log in by itself: the service is given a
 * {@link io.github.upstoxtotp.token.TokenSource}. No token value is ever logged.
 */
package io.github.upstoxtotp.token;

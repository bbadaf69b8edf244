/**
 * The day's access token, cached and shared: {@link io.github.upstoxtotp.token.TokenService} and
 * its implementation {@link io.github.upstoxtotp.token.CachingTokenService} (lock-free reads,
 * single-flight login), the expiry rule {@link io.github.upstoxtotp.token.TokenExpiry} (JWT
 * {@code exp}, else 03:30 Asia/Kolkata), and the token stores
 * ({@link io.github.upstoxtotp.token.InMemoryTokenStore}, {@link io.github.upstoxtotp.token.FileTokenStore}).
 *
 * <p>The service also keeps the year-long, read-only extended token
 * ({@link io.github.upstoxtotp.token.TokenService#extendedToken()}), and
 * {@link io.github.upstoxtotp.token.ScheduledRefresher} can log in ahead of need once a day.
 *
 * <p>The service does not log in by itself: it is given a
 * {@link io.github.upstoxtotp.token.TokenSource}, and logs in when asked (or when the refresher,
 * if one was started, asks). No token value is ever logged.
 */
package io.github.upstoxtotp.token;

/**
 * An in-memory simulated Upstox login service for tests: {@link io.github.upstoxtotp.testing.SimulatedUpstox}
 * is an {@link io.github.upstoxtotp.port.HttpPort} that speaks the six-step login protocol
 * faithfully (cookies, headers, TOTP, PIN lock, OTP block, single-use codes, JWT-shaped
 * tokens expiring at 03:30 Asia/Kolkata).
 *
 * <h2>Using the simulator in your tests</h2>
 * Build one with {@code SimulatedUpstox.builder(jsonPort)}, hand it to the client wherever an
 * {@code HttpPort} goes (OkHttp's or Apache's in production), and log in with the credentials
 * of {@link io.github.upstoxtotp.testing.SimulatedAccount#DEMO} (mobile {@code 9999999999},
 * PIN {@code 123456}, TOTP secret {@code JBSWY3DPEHPK3PXP}, client {@code sandbox-client} /
 * {@code sandbox-secret}, redirect URI {@code http://127.0.0.1/callback}) or your own
 * {@link io.github.upstoxtotp.testing.SimulatedAccount}s. Then assert on what the simulator saw:
 * {@code requestCount(SimulatorEndpoint.PIN_2FA)}, {@code requests()}, {@code isLocked(mobile)},
 * {@code isValidAccessToken(token)}; or make it misbehave with {@code failNext},
 * {@code failNextWith}, {@code expireCodes()} and {@code lockAccount}. See
 * {@link io.github.upstoxtotp.testing.SimulatedUpstox} for a full example.
 *
 * <p>Only {@code SimulatedUpstox}, {@code SimulatedUpstoxBuilder}, {@code SimulatedAccount},
 * {@code SimulatorEndpoint} and {@code SimulatedRequest} are public; the handlers (one per
 * step), the state and the token signer are package-private.
 */
package io.github.upstoxtotp.testing;

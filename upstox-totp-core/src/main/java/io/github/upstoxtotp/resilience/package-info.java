/**
 * Pacing and retry around the login's HTTP exchanges: {@link io.github.upstoxtotp.resilience.ResilientStepTransport}
 * (the {@code auth.StepTransport} the login flow sends through) and its
 * {@link io.github.upstoxtotp.resilience.ResiliencePolicy}.
 *
 * <p>The only package that imports Resilience4j. It retries only what cannot hurt the account: a
 * request that never reached the server, and the idempotent authorization dialog; a rejected PIN
 * or OTP request is never re-sent.
 */
package io.github.upstoxtotp.resilience;

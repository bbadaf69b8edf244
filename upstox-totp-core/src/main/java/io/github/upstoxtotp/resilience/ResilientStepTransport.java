package io.github.upstoxtotp.resilience;

import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.upstoxtotp.auth.StepTransport;
import io.github.upstoxtotp.error.LoginStep;
import io.github.upstoxtotp.port.HttpPort;
import io.github.upstoxtotp.port.HttpRequest;
import io.github.upstoxtotp.port.HttpResponse;
import io.github.upstoxtotp.port.TransportException;

import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A {@link StepTransport} that paces the login's requests and retries only what cannot hurt the
 * account: a Resilience4j {@code RateLimiter} inside a Resilience4j {@code Retry}, so every
 * attempt, retries included, waits for its turn, and the request factory is called afresh for
 * every attempt, after all waiting is done (a retried TOTP step sends the TOTP of that moment).
 *
 * <h2>What is retried</h2>
 * <table>
 *   <caption>Outcome of one attempt → what happens, per step</caption>
 *   <tr><th>outcome</th><th>authorization dialog (GET)</th><th>OTP, TOTP, PIN, authorize, token (POST)</th></tr>
 *   <tr><td>{@link TransportException} with {@link TransportException#neverReachedServer()} (refused,
 *       unknown host, connect timeout)</td>
 *       <td colspan="2">retried, up to {@link ResiliencePolicy#maxConnectAttempts()} attempts in all, with backoff</td></tr>
 *   <tr><td>{@code TransportException} of kind {@code TIMEOUT} or {@code IO} (the server may have acted)</td>
 *       <td>retried up to {@link ResiliencePolicy#dialog5xxRetries()} times, with backoff</td>
 *       <td><b>never</b>: a PIN may have been judged, a single-use code consumed</td></tr>
 *   <tr><td>HTTP 5xx</td>
 *       <td>retried up to {@code dialog5xxRetries} times (shared with the row above), with backoff</td>
 *       <td><b>never</b> (returned as is)</td></tr>
 *   <tr><td>HTTP 429, or a body carrying {@code "UDAPI10005"}</td>
 *       <td colspan="2">retried up to {@link ResiliencePolicy#max429Retries()} times after {@code Retry-After}
 *       (delta-seconds, capped at {@link ResiliencePolicy#retryAfterCap()}), else after the backoff;
 *       <b>except</b> OTP generation (each request may count towards the 10-minute OTP block) and the
 *       PIN (a throttled PIN might count as one of the five attempts): those are never re-sent</td></tr>
 *   <tr><td>any other response: 2xx, 3xx, 4xx, and every error envelope (wrong PIN {@code 1017106},
 *       OTP blocked {@code 1017069}, wrong TOTP, invalid credentials…)</td>
 *       <td colspan="2"><b>never</b>: returned as is; the auth layer turns it into an exception</td></tr>
 *   <tr><td>any other exception (from the request factory or the port)</td>
 *       <td colspan="2"><b>never</b>: rethrown as is</td></tr>
 * </table>
 * The backoff is {@code backoffInitial × backoffMultiplier^(n-1)} before the n-th retry of a call,
 * capped at {@code backoffMax}. When the retries a rule allows are used up, the last outcome is
 * surfaced unchanged: the response is returned, the {@code TransportException} rethrown (never
 * wrapped in a Resilience4j type). An interrupt ends the call the same way (the interrupt flag stays
 * set); interrupted before anything was sent, it throws a {@code TransportException} of kind
 * {@code CONNECT}.
 *
 * <h2>Pacing</h2>
 * With a positive {@link ResiliencePolicy#sleepTime()}, the moments at which consecutive requests
 * through this transport are released (their wait ends and the request is built and sent at once,
 * on the same thread) are <em>more than</em> {@code sleepTime} apart, measured on the monotonic
 * clock, and requests that come back to back are released at most {@code sleepTime × 1.1} apart.
 * The first request, and any request after a quiet spell of {@code sleepTime × 1.1}, goes at once;
 * nothing waits after the last request. {@code sleepTime} zero disables pacing: no limiter, no
 * wait. Pacing spans all callers of one instance, so share one instance per account.
 *
 * <p>Thread-safe. Waiting goes through the {@link Sleeper}, so tests can observe it without sleeping.
 */
public final class ResilientStepTransport implements StepTransport {
    private final HttpPort port;
    private final ResiliencePolicy policy;
    private final Sleeper sleeper;
    private final Pacer pacer;
    private final Retry retry;

    /** Paces and retries {@code port}'s exchanges by {@code policy}, sleeping for real. */
    public ResilientStepTransport(HttpPort port, ResiliencePolicy policy) {
        this(builder(port).policy(policy));
    }

    private ResilientStepTransport(Builder b) {
        this.port = b.port;
        this.policy = b.policy;
        this.sleeper = b.sleeper;
        this.pacer = new Pacer(policy.sleepTime(), sleeper, b.nanoTime);
        // Waits are done by the Sleeper inside the attempt (Resilience4j's own sleep is a global,
        // not injectable), so the interval Resilience4j sees is zero. The rules count retries per
        // kind (RetryBudget); maxAttempts is only their sum, a backstop.
        RetryConfig config = RetryConfig.<RetryBudget.Outcome>custom()
                .maxAttempts(policy.maxTotalAttempts())
                .retryOnResult(RetryBudget.Outcome::retry)
                .retryOnException(e -> false)
                .intervalBiFunction((attempt, outcome) -> 0L)
                .failAfterMaxAttempts(false)
                .build();
        this.retry = Retry.of("upstox-login", config);
    }

    /** A builder for a transport over {@code port}; defaults: {@link ResiliencePolicy#defaults()}, real sleeping. */
    public static Builder builder(HttpPort port) {
        return new Builder(port);
    }

    /** The policy in force. */
    public ResiliencePolicy policy() {
        return policy;
    }

    /** The transport underneath. */
    public HttpPort port() {
        return port;
    }

    @Override
    public HttpResponse send(LoginStep step, Supplier<HttpRequest> request) {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(request, "request");
        RetryBudget budget = new RetryBudget(step, policy);
        RetryBudget.Outcome last = retry.executeSupplier(() -> attempt(step, request, budget));
        return last.responseOrThrow();
    }

    private RetryBudget.Outcome attempt(LoginStep step, Supplier<HttpRequest> request, RetryBudget budget) {
        RetryBudget.Outcome previous = budget.last();
        try {
            if (previous != null && previous.waitNanos() > 0) {
                sleeper.sleepNanos(previous.waitNanos());
            }
            if (step.onLoginService()) {
                // DESIGN.md: pacing spaces login-service calls; the dialog's GET (and the browser-speed
                // redirect hops behind it) and the token exchange go to the API host
                pacer.awaitTurn();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (previous != null) {
                return budget.stop();
            }
            throw new TransportException(TransportException.Kind.CONNECT,
                    step.label() + ": interrupted while waiting to send; the request was not sent", e);
        }
        HttpResponse response;
        try {
            response = port.execute(request.get());
        } catch (TransportException e) {
            return budget.judge(e);
        }
        return budget.judge(response);
    }

    @Override
    public String toString() {
        return "ResilientStepTransport[" + port.name() + ", " + policy + "]";
    }

    /** Builds a {@link ResilientStepTransport}. Not thread-safe. */
    public static final class Builder {
        private final HttpPort port;
        private ResiliencePolicy policy = ResiliencePolicy.defaults();
        private Sleeper sleeper = Sleeper.system();
        private LongSupplier nanoTime = System::nanoTime;

        private Builder(HttpPort port) {
            this.port = Objects.requireNonNull(port, "port");
        }

        public Builder policy(ResiliencePolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** How to wait; tests pass one that records the waits. */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * The monotonic clock pacing is measured on ({@code System::nanoTime} by default); tests pass
         * one that their {@link Sleeper} advances.
         */
        public Builder nanoTime(LongSupplier nanoTime) {
            this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
            return this;
        }

        public ResilientStepTransport build() {
            return new ResilientStepTransport(this);
        }
    }
}

package io.github.upstoxtotp.resilience;

import io.github.upstoxtotp.error.LoginStep;
import io.github.upstoxtotp.port.HttpResponse;
import io.github.upstoxtotp.port.TransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The retry rules for one {@code send}: judges each attempt's outcome and counts what each kind
 * of retry has used. One instance per call, confined to the calling thread.
 */
final class RetryBudget {
    private static final Logger LOG = LoggerFactory.getLogger(ResilientStepTransport.class);
    /** The API's "too many requests" code as a JSON string value; quoted so UDAPI100050 never matches. */
    private static final String TOO_MANY_REQUESTS_CODE = "\"UDAPI10005\"";
    /** The same, as the body's bytes hold it (ASCII, so searching bytes finds exactly what searching the decoded text would). */
    private static final byte[] TOO_MANY_REQUESTS_BYTES = TOO_MANY_REQUESTS_CODE.getBytes(StandardCharsets.US_ASCII);
    private static final Pattern SECONDS = Pattern.compile("\\d{1,9}");
    private static final long MAX_NANOS = Long.MAX_VALUE / 4;

    /**
     * What one attempt came to.
     *
     * @param response the response, or null when {@code failure} is set
     * @param failure the transport failure, or null when {@code response} is set
     * @param waitNanos the wait before the next attempt, or -1 when this outcome is final
     */
    record Outcome(HttpResponse response, TransportException failure, long waitNanos) {
        boolean retry() {
            return waitNanos >= 0;
        }

        Outcome asFinal() {
            return new Outcome(response, failure, -1);
        }

        /** The response as it came, or the transport failure rethrown as it came. */
        HttpResponse responseOrThrow() {
            if (failure != null) {
                throw failure;
            }
            return response;
        }
    }

    private final LoginStep step;
    private final ResiliencePolicy policy;
    private int connectRetries;
    private int dialogRetries;
    private int rateLimitRetries;
    private Outcome last;

    RetryBudget(LoginStep step, ResiliencePolicy policy) {
        this.step = step;
        this.policy = policy;
    }

    /** The previous attempt's outcome, null before the first. */
    Outcome last() {
        return last;
    }

    Outcome judge(TransportException e) {
        if (e.neverReachedServer()) {
            if (connectRetries + 1 < policy.maxConnectAttempts()) {
                connectRetries++;
                return retry(new Outcome(null, e, backoffNanos()), "connection not made (" + e.kind() + ")");
            }
        } else if (step == LoginStep.AUTHORIZATION_DIALOG && dialogRetries < policy.dialog5xxRetries()) {
            dialogRetries++;
            return retry(new Outcome(null, e, backoffNanos()), "transport failure (" + e.kind() + ") on a GET");
        }
        return done(new Outcome(null, e, -1));
    }

    Outcome judge(HttpResponse r) {
        if (isTooManyRequests(r)) {
            if (rateLimitRetries < policy.max429Retries() && mayRetryTooManyRequests(step)) {
                rateLimitRetries++;
                long wait = retryAfterNanos(r).orElseGet(this::backoffNanos);
                return retry(new Outcome(r, null, wait), "too many requests (HTTP " + r.status() + ")");
            }
        } else if (r.status() >= 500 && r.status() <= 599 && step == LoginStep.AUTHORIZATION_DIALOG
                && dialogRetries < policy.dialog5xxRetries()) {
            dialogRetries++;
            return retry(new Outcome(r, null, backoffNanos()), "HTTP " + r.status() + " on a GET");
        }
        return done(new Outcome(r, null, -1));
    }

    /** Ends the call with the previous outcome, e.g. when the wait before a retry was interrupted. */
    Outcome stop() {
        return done(last.asFinal());
    }

    /**
     * Not OTP generation: every OTP request, throttled or not, may count towards the 10-minute
     * block (1017069). Not the PIN: whether a throttled PIN counts as an attempt is unknown, and
     * five attempts lock the account. Both come back to the caller with the 429 as it is.
     */
    static boolean mayRetryTooManyRequests(LoginStep step) {
        return step != LoginStep.OTP_GENERATE && step != LoginStep.PIN_2FA;
    }

    static boolean isTooManyRequests(HttpResponse r) {
        // every answer of every login passes here: search the bytes rather than decode a copy of each body
        return r.status() == 429 || r.bodyContains(TOO_MANY_REQUESTS_BYTES);
    }

    private Outcome retry(Outcome o, String reason) {
        if (Thread.currentThread().isInterrupted()) {
            // An interrupted caller wants out, not another attempt.
            return done(o.asFinal());
        }
        LOG.info("{} (step {}/{}): {}; retrying in {} ms", step.label(), step.number(), LoginStep.count(), reason,
                o.waitNanos() / 1_000_000L);
        last = o;
        return o;
    }

    private Outcome done(Outcome o) {
        last = o;
        return o;
    }

    /** Exponential in the number of retries this call has made, capped at {@code backoffMax}. */
    private long backoffNanos() {
        int previousRetries = connectRetries + dialogRetries + rateLimitRetries - 1;
        double nanos = policy.backoffInitial().toNanos() * Math.pow(policy.backoffMultiplier(), Math.max(0, previousRetries));
        return (long) Math.min(nanos, Math.min(policy.backoffMax().toNanos(), MAX_NANOS));
    }

    /** {@code Retry-After} in delta-seconds, capped; the HTTP-date form is not trusted (clock skew) and falls back to backoff. */
    private Optional<Long> retryAfterNanos(HttpResponse r) {
        return r.header("Retry-After").map(String::trim).filter(v -> SECONDS.matcher(v).matches())
                .map(v -> Math.min(Long.parseLong(v) * 1_000_000_000L, policy.retryAfterCap().toNanos()));
    }
}

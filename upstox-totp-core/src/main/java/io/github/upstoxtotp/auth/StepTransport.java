package io.github.upstoxtotp.auth;

import io.github.upstoxtotp.error.LoginStep;
import io.github.upstoxtotp.port.HttpPort;
import io.github.upstoxtotp.port.HttpRequest;
import io.github.upstoxtotp.port.HttpResponse;

import java.util.function.Supplier;

/**
 * How the login flow sends one step's request: the seam where pacing and retry policy plug
 * in (see {@code io.github.upstoxtotp.resilience}).
 *
 * <p>The request comes as a factory, not a value, so that a policy that sends again builds
 * each attempt afresh (a new TOTP, current cookies). Implementations must be thread-safe and
 * must never re-send a request that the server may have acted on unless the step is safe
 * to repeat; the PIN step in particular is sent at most once.
 */
@FunctionalInterface
public interface StepTransport {

    /**
     * Sends the request for {@code step} and returns the response.
     *
     * @throws io.github.upstoxtotp.port.TransportException if no response could be had
     */
    HttpResponse send(LoginStep step, Supplier<HttpRequest> request);

    /** Sends every request once through {@code port}: no pacing, no retry. */
    static StepTransport direct(HttpPort port) {
        return (step, request) -> port.execute(request.get());
    }
}

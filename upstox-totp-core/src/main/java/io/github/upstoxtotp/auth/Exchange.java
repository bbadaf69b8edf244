package io.github.upstoxtotp.auth;

import io.github.upstoxtotp.error.LoginStep;
import io.github.upstoxtotp.port.HttpRequest;
import io.github.upstoxtotp.port.HttpResponse;

import java.util.function.Supplier;

/**
 * The machine's way of sending one request of a step: through the {@link StepTransport}, with
 * the session's cookies added (when {@code session}) and every {@code Set-Cookie} kept.
 */
@FunctionalInterface
interface Exchange {
    HttpResponse send(LoginStep step, Supplier<HttpRequest> request, boolean session);
}

package io.github.upstoxtotp.resilience;

import io.github.upstoxtotp.error.LoginStep;
import io.github.upstoxtotp.port.HttpRequest;
import io.github.upstoxtotp.port.HttpResponse;
import io.github.upstoxtotp.port.TransportException;
import io.github.upstoxtotp.port.TransportException.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static io.github.upstoxtotp.resilience.ScriptedPort.failure;
import static io.github.upstoxtotp.resilience.ScriptedPort.json;
import static io.github.upstoxtotp.resilience.ScriptedPort.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What is retried, on which step, and how long it waits: no real sleeping, no wall clock. */
class ResilientStepTransportTest {
    private static final String WRONG_PIN = "{\"success\":false,\"data\":null,\"error\":{\"code\":\"1017106\",\"message\":\"You have entered an incorrect PIN\"}}";
    private static final String OTP_BLOCKED = "{\"success\":false,\"data\":null,\"error\":{\"code\":\"1017069\",\"message\":\"blocked\"}}";
    private static final List<LoginStep> POST_STEPS = List.of(LoginStep.OTP_GENERATE, LoginStep.TOTP_VERIFY,
            LoginStep.PIN_2FA, LoginStep.OAUTH_AUTHORIZE, LoginStep.TOKEN_EXCHANGE);

    private final FakeTime time = new FakeTime();
    private final ScriptedPort port = new ScriptedPort(time::nanoTime);
    private final AtomicInteger requestsBuilt = new AtomicInteger();

    private ResilientStepTransport transport(ResiliencePolicy policy) {
        return ResilientStepTransport.builder(port).policy(policy).sleeper(time).nanoTime(time::nanoTime).build();
    }

    /** Retry rules alone: pacing off. */
    private ResilientStepTransport unpaced() {
        return transport(ResiliencePolicy.builder().sleepTime(Duration.ZERO).build());
    }

    private Supplier<HttpRequest> request(String method) {
        return () -> {
            requestsBuilt.incrementAndGet();
            return HttpRequest.newBuilder(method, URI.create("https://service.example/x")).build();
        };
    }

    private HttpResponse send(ResilientStepTransport t, LoginStep step) {
        return t.send(step, request(step == LoginStep.AUTHORIZATION_DIALOG ? "GET" : "POST"));
    }

    @ParameterizedTest
    @EnumSource(LoginStep.class)
    void refusedConnectionIsRetriedWithBackoffThenSucceeds(LoginStep step) {
        port.then(failure(Kind.CONNECT), 2).then(status(200));
        HttpResponse r = send(unpaced(), step);
        assertEquals(200, r.status());
        assertEquals(3, port.calls());
        assertEquals(List.of(500_000_000L, 1_000_000_000L), time.waits, "backoff 500 ms, then x2");
    }

    @Test
    void connectFailuresStopAfterMaxAttemptsAndTheLastOneIsThrownUnwrapped() {
        TransportException last = failure(Kind.CONNECT);
        port.then(failure(Kind.CONNECT), 2).then(last).then(status(200));
        TransportException thrown = assertThrows(TransportException.class, () -> send(unpaced(), LoginStep.PIN_2FA));
        assertSame(last, thrown);
        assertEquals(3, port.calls());
    }

    @Test
    void eachAttemptBuildsItsRequestAfresh() {
        port.then(failure(Kind.CONNECT)).then(status(200));
        send(unpaced(), LoginStep.TOTP_VERIFY);
        assertEquals(2, requestsBuilt.get());
    }

    @Test
    void rejectedPinIsNeverResent() {
        port.then(json(200, WRONG_PIN));
        HttpResponse r = send(unpaced(), LoginStep.PIN_2FA);
        assertEquals(WRONG_PIN, r.bodyText());
        assertEquals(1, port.calls());
        assertEquals(List.of(), time.waits);
    }

    @Test
    void rejectedPinWithAnErrorStatusIsNeverResentEither() {
        port.then(json(400, WRONG_PIN)).then(json(500, WRONG_PIN));
        assertEquals(400, send(unpaced(), LoginStep.PIN_2FA).status());
        assertEquals(1, port.calls());
    }

    @Test
    void blockedOtpGenerationIsNeverResent() {
        port.then(json(200, OTP_BLOCKED));
        send(unpaced(), LoginStep.OTP_GENERATE);
        assertEquals(1, port.calls());
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"TIMEOUT", "IO"})
    void postStepThatMayHaveReachedTheServerIsNeverResent(Kind kind) {
        for (LoginStep step : POST_STEPS) {
            ScriptedPort p = new ScriptedPort(time::nanoTime);
            TransportException e = failure(kind);
            p.then(e).then(status(200));
            ResilientStepTransport t = ResilientStepTransport.builder(p)
                    .policy(ResiliencePolicy.builder().sleepTime(Duration.ZERO).build()).sleeper(time).build();
            assertSame(e, assertThrows(TransportException.class, () -> t.send(step, request("POST"))), step.name());
            assertEquals(1, p.calls(), step.name());
        }
    }

    @Test
    void post5xxIsNeverResent() {
        for (LoginStep step : POST_STEPS) {
            ScriptedPort p = new ScriptedPort(time::nanoTime).then(status(503)).then(status(200));
            ResilientStepTransport t = ResilientStepTransport.builder(p)
                    .policy(ResiliencePolicy.builder().sleepTime(Duration.ZERO).build()).sleeper(time).build();
            assertEquals(503, t.send(step, request("POST")).status(), step.name());
            assertEquals(1, p.calls(), step.name());
        }
    }

    @Test
    void dialog5xxIsRetried() {
        port.then(status(503)).then(status(502)).then(status(302));
        assertEquals(302, send(unpaced(), LoginStep.AUTHORIZATION_DIALOG).status());
        assertEquals(3, port.calls());
    }

    @Test
    void dialog5xxRetriesAreBoundedAndTheLastResponseIsReturned() {
        port.then(status(500), 2).then(status(504)).then(status(200));
        assertEquals(504, send(unpaced(), LoginStep.AUTHORIZATION_DIALOG).status());
        assertEquals(3, port.calls(), "1 + dialog5xxRetries(2)");
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"TIMEOUT", "IO"})
    void dialogReadTimeoutOrBrokenConnectionIsRetried(Kind kind) {
        port.then(failure(kind)).then(status(302));
        assertEquals(302, send(unpaced(), LoginStep.AUTHORIZATION_DIALOG).status());
        assertEquals(2, port.calls());
    }

    @Test
    void tooManyRequestsHonoursRetryAfterUpToTheCap() {
        port.then(json(429, "", "Retry-After", "120")).then(json(429, "", "Retry-After", " 3 ")).then(status(200));
        assertEquals(200, send(unpaced(), LoginStep.OAUTH_AUTHORIZE).status());
        assertEquals(3, port.calls());
        assertEquals(List.of(30_000_000_000L, 3_000_000_000L), time.waits, "120 s capped at 30 s, then 3 s");
    }

    @Test
    void tooManyRequestsWithoutUsableRetryAfterBacksOff() {
        port.then(status(429)).then(json(429, "", "Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT")).then(status(200));
        send(unpaced(), LoginStep.TOKEN_EXCHANGE);
        assertEquals(List.of(500_000_000L, 1_000_000_000L), time.waits);
    }

    @ParameterizedTest
    @EnumSource(value = LoginStep.class, names = {"OTP_GENERATE", "PIN_2FA"})
    void tooManyRequestsIsNeverResentForOtpGenerationOrThePin(LoginStep step) {
        HttpResponse throttled = json(429, "", "Retry-After", "1");
        port.then(throttled).then(status(200));
        assertSame(throttled, send(unpaced(), step));
        assertEquals(1, port.calls(), "an OTP request may count towards the block; a PIN towards the lock");
        assertEquals(List.of(), time.waits);
    }

    @Test
    void tooManyRequestsRetriesAreBoundedAndTheLast429IsReturned() {
        HttpResponse last = json(429, "", "Retry-After", "1", "x-last", "yes");
        port.then(status(429), 2).then(last).then(status(200));
        assertSame(last, send(unpaced(), LoginStep.TOTP_VERIFY));
        assertEquals(3, port.calls(), "1 + max429Retries(2)");
    }

    @Test
    void udapi10005InTheBodyCountsAsTooManyRequests() {
        port.then(json(200, "{\"status\":\"error\",\"errors\":[{\"errorCode\":\"UDAPI10005\",\"message\":\"Too Many Request Sent\"}]}"))
                .then(status(200));
        assertEquals(200, send(unpaced(), LoginStep.TOKEN_EXCHANGE).status());
        assertEquals(2, port.calls());
    }

    @Test
    void invalidTokenCodeSharingThePrefixIsNotTooManyRequests() {
        port.then(json(401, "{\"status\":\"error\",\"errors\":[{\"errorCode\":\"UDAPI100050\"}]}"));
        assertEquals(401, send(unpaced(), LoginStep.TOKEN_EXCHANGE).status());
        assertEquals(1, port.calls());
    }

    @Test
    void retryBudgetsAreCountedPerKind() {
        port.then(failure(Kind.CONNECT)).then(status(429)).then(failure(Kind.CONNECT)).then(status(429)).then(status(200));
        assertEquals(200, send(unpaced(), LoginStep.OAUTH_AUTHORIZE).status());
        assertEquals(5, port.calls());
    }

    @Test
    void otherExceptionsPassThroughUntouchedAndUnretried() {
        IllegalStateException boom = new IllegalStateException("factory failed");
        ResilientStepTransport t = unpaced();
        assertSame(boom, assertThrows(IllegalStateException.class, () -> t.send(LoginStep.TOTP_VERIFY, () -> {
            throw boom;
        })));
        assertEquals(0, port.calls());
    }

    @Test
    void interruptedBeforeAnythingWasSentThrowsConnectAndKeepsTheFlag() throws Exception {
        ResilientStepTransport t = ResilientStepTransport.builder(port).policy(ResiliencePolicy.defaults())
                .nanoTime(time::nanoTime).sleeper(nanos -> {
                    throw new InterruptedException();
                }).build();
        t.send(LoginStep.OTP_GENERATE, request("GET")); // first paced request: no wait
        try {
            TransportException e = assertThrows(TransportException.class, () -> send(t, LoginStep.TOTP_VERIFY));
            assertTrue(e.neverReachedServer());
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
        assertEquals(1, port.calls());
    }

    @Test
    void interruptedWhileBackingOffSurfacesTheLastOutcome() {
        TransportException first = failure(Kind.CONNECT);
        port.then(first).then(status(200));
        ResilientStepTransport t = ResilientStepTransport.builder(port)
                .policy(ResiliencePolicy.builder().sleepTime(Duration.ZERO).build())
                .sleeper(nanos -> {
                    throw new InterruptedException();
                }).build();
        try {
            assertSame(first, assertThrows(TransportException.class, () -> send(t, LoginStep.PIN_2FA)));
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
        assertEquals(1, port.calls());
    }

    @Test
    void policyRejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> ResiliencePolicy.builder().sleepTime(Duration.ofMillis(-1)).build());
        assertThrows(IllegalArgumentException.class, () -> ResiliencePolicy.builder().maxConnectAttempts(0).build());
        assertThrows(IllegalArgumentException.class, () -> ResiliencePolicy.builder().max429Retries(-1).build());
        assertThrows(IllegalArgumentException.class,
                () -> ResiliencePolicy.builder().backoff(Duration.ofSeconds(2), 0.5, Duration.ofSeconds(10)).build());
        assertThrows(IllegalArgumentException.class,
                () -> ResiliencePolicy.builder().backoff(Duration.ofSeconds(2), 2, Duration.ofSeconds(1)).build());
        assertEquals(ResiliencePolicy.defaults(), ResiliencePolicy.defaults().toBuilder().build());
    }
}

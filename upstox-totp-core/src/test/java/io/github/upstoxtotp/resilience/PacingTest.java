package io.github.upstoxtotp.resilience;

import io.github.upstoxtotp.error.LoginStep;
import io.github.upstoxtotp.port.HttpRequest;
import io.github.upstoxtotp.port.TransportException.Kind;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import static io.github.upstoxtotp.resilience.ScriptedPort.failure;
import static io.github.upstoxtotp.resilience.ScriptedPort.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pacing on a fake monotonic clock that only the (recording) sleeper moves: consecutive requests
 * start more than sleepTime apart, at most sleepTime × 1.1 when back to back, and nothing waits
 * after the last one.
 */
class PacingTest {
    private static final long SLEEP_NANOS = Duration.ofMillis(1000).toNanos();
    private static final Supplier<HttpRequest> GET = () -> HttpRequest.get(URI.create("https://api.example/dialog")).build();

    private final FakeTime time = new FakeTime();
    private final ScriptedPort port = new ScriptedPort(time::nanoTime);

    private ResilientStepTransport paced(Duration sleepTime) {
        return ResilientStepTransport.builder(port)
                .policy(ResiliencePolicy.builder().sleepTime(sleepTime).build())
                .sleeper(time).nanoTime(time::nanoTime).build();
    }

    private void assertSpacing(List<Long> sentAt) {
        for (int i = 1; i < sentAt.size(); i++) {
            long gap = sentAt.get(i) - sentAt.get(i - 1);
            assertTrue(gap >= SLEEP_NANOS, "gap " + i + " was " + gap + " ns, less than sleepTime");
            assertTrue(gap <= SLEEP_NANOS + SLEEP_NANOS / Pacer.SUBDIVISIONS, "gap " + i + " was " + gap + " ns, over 1.01 x sleepTime");
        }
    }

    @Test
    void backToBackLoginServiceRequestsAreSpacedBySleepTime() {
        ResilientStepTransport t = paced(Duration.ofMillis(1000));
        for (LoginStep step : List.of(LoginStep.OTP_GENERATE, LoginStep.TOTP_VERIFY, LoginStep.PIN_2FA,
                LoginStep.OAUTH_AUTHORIZE)) {
            t.send(step, GET);
        }
        assertEquals(4, port.calls());
        assertSpacing(port.sentAtNanos);
    }

    @Test
    void theDialogAndTheTokenExchangeGoToTheApiHostAndAreNotPaced() {
        ResilientStepTransport t = paced(Duration.ofMillis(1000));
        t.send(LoginStep.AUTHORIZATION_DIALOG, GET);
        t.send(LoginStep.AUTHORIZATION_DIALOG, GET); // a redirect hop, at browser speed
        t.send(LoginStep.OTP_GENERATE, GET);
        t.send(LoginStep.OAUTH_AUTHORIZE, GET);
        t.send(LoginStep.TOKEN_EXCHANGE, GET);
        assertEquals(1, time.waits.size(), "only the second login-service call waits: " + time.waits);
        assertSpacing(port.sentAtNanos.subList(2, 4));
    }

    @Test
    void aFullLoginWaitsForThreeGapsNotSix() {
        ResilientStepTransport t = paced(Duration.ofMillis(1000));
        for (LoginStep step : LoginStep.values()) {
            t.send(step, GET);
        }
        long waited = time.totalWaitMillis();
        assertTrue(waited >= 3000 && waited <= 3030, "waited " + waited + " ms; the Python SDK sleeps 6 x 1000 ms");
    }

    @Test
    void spacingHoldsWhateverTheLimiterCyclePhase() {
        // The trap of a plain limiter: a request late in one cycle and the next early in the following one.
        for (long offsetMillis : new long[] {0, 1, 99, 100, 450, 999, 1001, 1099}) {
            FakeTime t0 = new FakeTime();
            ScriptedPort p = new ScriptedPort(t0::nanoTime);
            ResilientStepTransport t = ResilientStepTransport.builder(p)
                    .policy(ResiliencePolicy.builder().sleepTime(Duration.ofMillis(1000)).build())
                    .sleeper(t0).nanoTime(t0::nanoTime).build();
            t0.advanceMillis(offsetMillis);
            t.send(LoginStep.OTP_GENERATE, GET);
            t.send(LoginStep.TOTP_VERIFY, GET);
            t0.advanceMillis(offsetMillis % 7);
            t.send(LoginStep.PIN_2FA, GET);
            long gap1 = p.sentAtNanos.get(1) - p.sentAtNanos.get(0);
            long gap2 = p.sentAtNanos.get(2) - p.sentAtNanos.get(1);
            assertTrue(gap1 >= SLEEP_NANOS && gap2 >= SLEEP_NANOS, "offset " + offsetMillis + ": " + gap1 + ", " + gap2);
        }
    }

    @Test
    void firstRequestAndNothingAfterTheLastWait() {
        ResilientStepTransport t = paced(Duration.ofMillis(1000));
        t.send(LoginStep.OTP_GENERATE, GET);
        assertEquals(List.of(), time.waits, "the first request goes at once, and nothing waits after it");
        t.send(LoginStep.TOTP_VERIFY, GET);
        assertEquals(1, time.waits.size(), "one wait, before the second request; none after it");
    }

    @Test
    void slowResponsesCountTowardsTheSpacing() {
        ResilientStepTransport t = paced(Duration.ofMillis(1000));
        t.send(LoginStep.OTP_GENERATE, GET);
        time.advanceMillis(400); // the exchange itself took 400 ms
        t.send(LoginStep.TOTP_VERIFY, GET);
        assertTrue(time.totalWaitMillis() <= 700, "waited " + time.totalWaitMillis() + " ms; 600-700 expected");
        assertSpacing(port.sentAtNanos);
    }

    @Test
    void requestAfterAQuietSpellGoesAtOnce() {
        ResilientStepTransport t = paced(Duration.ofMillis(1000));
        t.send(LoginStep.OTP_GENERATE, GET);
        time.advanceMillis(1100);
        t.send(LoginStep.TOTP_VERIFY, GET);
        assertEquals(List.of(), time.waits);
    }

    @Test
    void zeroSleepTimeNeverWaits() {
        ResilientStepTransport t = paced(Duration.ZERO);
        for (LoginStep step : LoginStep.values()) {
            t.send(step, GET);
        }
        assertEquals(6, port.calls());
        assertEquals(List.of(), time.waits);
    }

    @Test
    void retriesWaitForTheirTurnToo() {
        port.then(failure(Kind.CONNECT)).then(status(200));
        ResilientStepTransport t = ResilientStepTransport.builder(port)
                .policy(ResiliencePolicy.builder().sleepTime(Duration.ofMillis(1000))
                        .backoff(Duration.ofMillis(100), 2, Duration.ofSeconds(1)).build())
                .sleeper(time).nanoTime(time::nanoTime).build();
        t.send(LoginStep.PIN_2FA, GET);
        assertEquals(2, port.calls());
        assertSpacing(port.sentAtNanos);
        assertEquals(100_000_000L, time.waits.get(0), "the backoff comes first, then the rest of the pacing interval");
    }
}

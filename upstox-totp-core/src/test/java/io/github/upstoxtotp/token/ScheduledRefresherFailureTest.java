package io.github.upstoxtotp.token;

import io.github.upstoxtotp.testing.MutableClock;
import io.github.upstoxtotp.error.LoginStep;
import io.github.upstoxtotp.error.ProtocolException;
import io.github.upstoxtotp.error.UpstoxApiException;
import io.github.upstoxtotp.model.AccessToken;
import io.github.upstoxtotp.port.TransportException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.github.upstoxtotp.token.ScheduledRefresherTest.AT;
import static io.github.upstoxtotp.token.ScheduledRefresherTest.IST;
import static io.github.upstoxtotp.token.ScheduledRefresherTest.ist;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Failed scheduled logins: bounded retries, never a loop, and no retry at all after a credential rejection. */
@Timeout(30)
class ScheduledRefresherFailureTest {
    final MutableClock clock = new MutableClock(ist(2026, 3, 10, 6, 30));
    final ManualScheduler scheduler = new ManualScheduler(clock);
    final FakeLogin login = new FakeLogin(clock, Duration.ofHours(18));
    final CachingTokenService service = CachingTokenService.builder(login).clock(clock).build();
    final List<String> heard = new CopyOnWriteArrayList<>();

    final RefreshListener listener = new RefreshListener() {
        @Override
        public void onRefreshed(AccessToken token) {
            heard.add("ok " + clock.instant());
        }

        @Override
        public void onFailure(RuntimeException failure, Instant nextAttempt, boolean retry) {
            heard.add((retry ? "retry " : "give up ") + clock.instant() + " -> " + nextAttempt);
        }

        @Override
        public void onRejected(RuntimeException rejection, Instant nextAttempt) {
            heard.add("rejected " + clock.instant() + " -> " + nextAttempt);
        }
    };

    @AfterEach
    void closeService() {
        service.close();
    }

    ScheduledRefresher start() {
        return ScheduledRefresher.builder(service).at(AT).zone(IST).maxJitter(Duration.ZERO).clock(clock)
                .scheduler(scheduler).listener(listener).start();
    }

    static UpstoxApiException api(LoginStep step, int status, String code) {
        return new UpstoxApiException(step, status, code, "rejected", null);
    }

    @Test
    void aFailureIsRetriedTwiceWithBackoffThenWaitsForTheNextDay() {
        Instant slot = ist(2026, 3, 10, 8, 45);
        login.failNextWith(new TransportException(TransportException.Kind.IO, "connection reset"))
                .failNextWith(new TransportException(TransportException.Kind.IO, "connection reset"))
                .failNextWith(new ProtocolException(LoginStep.TOKEN_EXCHANGE, "access_token", "missing"));
        try (ScheduledRefresher r = start()) {
            scheduler.advanceTo(ist(2026, 3, 11, 8, 0));
            assertEquals(3, login.calls.get(), "one run and two retries, no more");
            assertEquals(List.of(
                    "retry " + slot + " -> " + slot.plus(Duration.ofMinutes(1)),
                    "retry " + slot.plus(Duration.ofMinutes(1)) + " -> " + slot.plus(Duration.ofMinutes(3)),
                    "give up " + slot.plus(Duration.ofMinutes(3)) + " -> " + ist(2026, 3, 11, 8, 45)), heard);
            scheduler.advanceTo(ist(2026, 3, 11, 9, 0));
            assertEquals(4, login.calls.get(), "the next day starts afresh");
            assertEquals(ist(2026, 3, 12, 8, 45), r.nextRun().orElseThrow());
            assertEquals("ok " + ist(2026, 3, 11, 8, 45), heard.get(3));
        }
    }

    @Test
    void aRetryThatSucceedsEndsTheDay() {
        login.failNextWith(new TransportException(TransportException.Kind.IO, "timeout"));
        try (ScheduledRefresher r = start()) {
            scheduler.advanceTo(ist(2026, 3, 10, 9, 0));
            assertEquals(2, login.calls.get());
            assertEquals(ist(2026, 3, 11, 8, 45), r.nextRun().orElseThrow());
            assertTrue(service.cached().isPresent());
            scheduler.advanceTo(ist(2026, 3, 11, 8, 0));
            assertEquals(2, login.calls.get());
        }
    }

    @Test
    void retriesCanBeFewerButNeverMore() {
        for (int i = 0; i < 5; i++) {
            login.failNextWith(new TransportException(TransportException.Kind.IO, "down"));
        }
        try (ScheduledRefresher r = ScheduledRefresher.builder(service).at(AT).zone(IST).maxJitter(Duration.ZERO)
                .clock(clock).scheduler(scheduler).retries(1, Duration.ofSeconds(30)).listener(listener).start()) {
            scheduler.advanceTo(ist(2026, 3, 11, 8, 0));
            assertEquals(2, login.calls.get());
            assertEquals(ist(2026, 3, 11, 8, 45), r.nextRun().orElseThrow());
        }
    }

    @Test
    void aWrongPinStopsTheRefresherUntilTheNextDayAndIsReported() {
        UpstoxApiException wrongPin = api(LoginStep.PIN_2FA, 200, "1017106");
        login.failNextWith(wrongPin);
        RuntimeException[] reported = new RuntimeException[1];
        try (ScheduledRefresher r = ScheduledRefresher.builder(service).at(AT).zone(IST).maxJitter(Duration.ZERO)
                .clock(clock).scheduler(scheduler).listener(new RefreshListener() {
                    @Override
                    public void onRejected(RuntimeException rejection, Instant nextAttempt) {
                        reported[0] = rejection;
                    }
                }).start()) {
            scheduler.advanceTo(ist(2026, 3, 11, 8, 0));
            assertEquals(1, login.calls.get(), "never retried the same day");
            assertSame(wrongPin, reported[0]);
            assertEquals(ist(2026, 3, 11, 8, 45), r.nextRun().orElseThrow());
        }
    }

    @Test
    void everyKindOfCredentialRejectionStopsAtOnce() {
        login.failNextWith(api(LoginStep.TOTP_VERIFY, 400, "1017069"))
                .failNextWith(api(LoginStep.OTP_GENERATE, 200, "1017069"))
                .failNextWith(api(LoginStep.PIN_2FA, 401, null));
        try (ScheduledRefresher r = start()) {
            scheduler.advanceTo(ist(2026, 3, 13, 8, 0));
            assertEquals(3, login.calls.get(), "one attempt a day");
            assertEquals(ist(2026, 3, 13, 8, 45), r.nextRun().orElseThrow());
            assertTrue(heard.stream().allMatch(h -> h.startsWith("rejected")), heard.toString());
        }
    }

    @Test
    void whatCountsAsACredentialRejection() {
        assertTrue(ScheduledRefresher.isCredentialRejection(api(LoginStep.PIN_2FA, 200, "1017106")));
        assertTrue(ScheduledRefresher.isCredentialRejection(api(LoginStep.TOTP_VERIFY, 400, "1017042")));
        assertTrue(ScheduledRefresher.isCredentialRejection(api(LoginStep.OTP_GENERATE, 200, "1017069")));
        assertTrue(ScheduledRefresher.isCredentialRejection(api(LoginStep.OAUTH_AUTHORIZE, 200, "1017106")));
        assertFalse(ScheduledRefresher.isCredentialRejection(api(LoginStep.PIN_2FA, 429, "UDAPI10005")));
        assertFalse(ScheduledRefresher.isCredentialRejection(api(LoginStep.TOTP_VERIFY, 503, null)));
        assertFalse(ScheduledRefresher.isCredentialRejection(api(LoginStep.TOKEN_EXCHANGE, 401, "UDAPI100016")));
        assertFalse(ScheduledRefresher.isCredentialRejection(new TransportException(TransportException.Kind.IO, "reset")));
        assertFalse(ScheduledRefresher.isCredentialRejection(null));
    }

    @Test
    void aThrowingListenerIsIgnoredAndTheScheduleGoesOn() {
        try (ScheduledRefresher r = ScheduledRefresher.builder(service).at(AT).zone(IST).maxJitter(Duration.ZERO)
                .clock(clock).scheduler(scheduler).listener(new RefreshListener() {
                    @Override
                    public void onRefreshed(AccessToken token) {
                        throw new IllegalStateException("listener bug");
                    }
                }).start()) {
            scheduler.advanceTo(ist(2026, 3, 12, 9, 0));
            assertEquals(3, login.calls.get());
            assertEquals(ist(2026, 3, 13, 8, 45), r.nextRun().orElseThrow());
        }
    }

    @Test
    void aWiderStopPredicateIsHonoured() {
        login.failNextWith(new TransportException(TransportException.Kind.IO, "down"));
        try (ScheduledRefresher r = ScheduledRefresher.builder(service).at(AT).zone(IST).maxJitter(Duration.ZERO)
                .clock(clock).scheduler(scheduler).listener(listener).stopWhen(e -> true).start()) {
            scheduler.advanceTo(ist(2026, 3, 11, 8, 0));
            assertEquals(1, login.calls.get());
            assertTrue(heard.get(0).startsWith("rejected"), heard.toString());
            assertEquals(ist(2026, 3, 11, 8, 45), r.nextRun().orElseThrow());
        }
    }
}

package io.github.upstoxtotp.token;

import io.github.upstoxtotp.testing.MutableClock;
import io.github.upstoxtotp.model.AccessToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The daily refresher, driven by a fake clock and a thread-less scheduler: no wall-clock waits. */
@Timeout(30)
class ScheduledRefresherTest {
    static final ZoneId IST = ZoneId.of("Asia/Kolkata");
    static final LocalTime AT = LocalTime.of(8, 45);

    /** 06:30 IST on 10 March 2026. */
    final MutableClock clock = new MutableClock(ist(2026, 3, 10, 6, 30));
    final ManualScheduler scheduler = new ManualScheduler(clock);
    final FakeLogin login = new FakeLogin(clock, Duration.ofHours(18));
    final CachingTokenService service = CachingTokenService.builder(login).clock(clock).build();
    final List<Instant> tokensAt = new CopyOnWriteArrayList<>();

    ScheduledRefresherTest() {
        service.addListener(t -> tokensAt.add(clock.instant()));
    }

    @AfterEach
    void closeService() {
        service.close();
    }

    static Instant ist(int y, int m, int d, int h, int min) {
        return ZonedDateTime.of(y, m, d, h, min, 0, 0, IST).toInstant();
    }

    ScheduledRefresherBuilder refresher() {
        return ScheduledRefresher.builder(service).at(AT).zone(IST).maxJitter(Duration.ZERO).clock(clock).scheduler(scheduler);
    }

    /** A generator that always draws the largest (or smallest) value below the bound. */
    static RandomGenerator extreme(boolean max) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public long nextLong(long bound) {
                return max ? bound - 1 : 0;
            }
        };
    }

    @Test
    void firstRunIsTodaysSlotWhenStillAheadElseTomorrows() {
        try (ScheduledRefresher r = refresher().start()) {
            assertEquals(ist(2026, 3, 10, 8, 45), r.nextRun().orElseThrow());
        }
        clock.set(ist(2026, 3, 10, 8, 45)); // exactly at the slot: strictly after, so tomorrow
        try (ScheduledRefresher r = refresher().start()) {
            assertEquals(ist(2026, 3, 11, 8, 45), r.nextRun().orElseThrow());
        }
        clock.set(ist(2026, 3, 10, 23, 59)); // late evening: across midnight to tomorrow morning
        try (ScheduledRefresher r = refresher().start()) {
            assertEquals(ist(2026, 3, 11, 8, 45), r.nextRun().orElseThrow());
        }
        assertEquals(0, login.calls.get(), "starting never logs in at once");
    }

    @Test
    void refreshesOnceADayAtTheSlotAndListenersHear() {
        try (ScheduledRefresher r = refresher().start()) {
            scheduler.advanceTo(ist(2026, 3, 15, 8, 0));
            assertEquals(5, login.calls.get());
            assertEquals(List.of(ist(2026, 3, 10, 8, 45), ist(2026, 3, 11, 8, 45), ist(2026, 3, 12, 8, 45),
                    ist(2026, 3, 13, 8, 45), ist(2026, 3, 14, 8, 45)), tokensAt);
            assertEquals(ist(2026, 3, 15, 8, 45), r.nextRun().orElseThrow());
            assertEquals(1, scheduler.live(), "one pending wake-up, never a pile");
        }
    }

    @Test
    void refreshReplacesAUsableCachedToken() {
        AccessToken early = service.accessToken(); // logged in at 06:30 on demand
        try (ScheduledRefresher r = refresher().start()) {
            scheduler.advanceTo(ist(2026, 3, 10, 9, 0));
            assertEquals(2, login.calls.get());
            assertFalse(service.cached().orElseThrow().equals(early));
            assertEquals(ist(2026, 3, 11, 8, 45), r.nextRun().orElseThrow());
        }
    }

    @Test
    void neverSleepsMoreThanAnHourSoTheClockIsReReadOften() {
        clock.set(ist(2026, 3, 10, 9, 0));
        try (ScheduledRefresher r = refresher().start()) {
            assertEquals(ist(2026, 3, 10, 10, 0), scheduler.nextDue().orElseThrow());
            scheduler.advance(Duration.ofHours(1));
            assertEquals(0, login.calls.get());
            clock.set(ist(2026, 3, 11, 8, 50)); // the machine slept through the slot
            scheduler.advance(Duration.ZERO);
            assertEquals(1, login.calls.get(), "a late wake-up runs once");
            assertEquals(ist(2026, 3, 12, 8, 45), r.nextRun().orElseThrow());
        }
    }

    @Test
    void jitterIsWithinItsBoundAndSpreads() {
        Duration max = Duration.ofMinutes(2);
        try (ScheduledRefresher r = refresher().maxJitter(max).random(new Random(42)).start()) {
            scheduler.advanceTo(ist(2026, 9, 1, 0, 0)); // ~175 days
            assertEquals(1, scheduler.live(), r.toString());
        }
        assertTrue(tokensAt.size() > 170, String.valueOf(tokensAt.size()));
        long distinct = tokensAt.stream().map(t -> Duration.between(slotOf(t), t)).distinct().count();
        for (Instant t : tokensAt) {
            Duration offset = Duration.between(slotOf(t), t);
            assertFalse(offset.isNegative(), t.toString());
            assertTrue(offset.compareTo(max) <= 0, t.toString());
        }
        assertTrue(distinct > 100, "jitter spreads the runs: " + distinct);
    }

    @Test
    void jitterEdgesAreTheSlotAndTheSlotPlusTheBound() {
        try (ScheduledRefresher r = refresher().maxJitter(Duration.ofMinutes(2)).random(extreme(false)).start()) {
            assertEquals(ist(2026, 3, 10, 8, 45), r.nextRun().orElseThrow());
        }
        try (ScheduledRefresher r = refresher().maxJitter(Duration.ofMinutes(2)).random(extreme(true)).start()) {
            assertEquals(ist(2026, 3, 10, 8, 47), r.nextRun().orElseThrow());
        }
    }

    @Test
    void jitterPastMidnightDoesNotSkipOrRepeatADay() {
        clock.set(ist(2026, 3, 10, 12, 0));
        try (ScheduledRefresher r = refresher().at(LocalTime.of(23, 59)).maxJitter(Duration.ofMinutes(2))
                .random(extreme(true)).start()) {
            scheduler.advanceTo(ist(2026, 3, 13, 12, 0));
            assertEquals(List.of(ist(2026, 3, 11, 0, 1), ist(2026, 3, 12, 0, 1), ist(2026, 3, 13, 0, 1)), tokensAt);
            assertEquals(ist(2026, 3, 14, 0, 1), r.nextRun().orElseThrow());
        }
    }

    @Test
    void anyZoneWorksAcrossDaylightSavingChanges() {
        ZoneId ny = ZoneId.of("America/New_York");
        clock.set(Instant.parse("2026-03-07T12:00:00Z"));
        try (ScheduledRefresher r = refresher().at(LocalTime.of(2, 30)).zone(ny).start()) {
            scheduler.advanceTo(Instant.parse("2026-03-10T00:00:00Z"));
            assertEquals(Instant.parse("2026-03-10T06:30:00Z"), r.nextRun().orElseThrow());
        }
        // 7 March 02:30 EST is past; 8 March 02:30 does not exist (clocks jump to 03:00): 03:30 EDT; 9 March 02:30 EDT
        assertEquals(List.of(Instant.parse("2026-03-08T07:30:00Z"), Instant.parse("2026-03-09T06:30:00Z")), tokensAt);
        tokensAt.clear();
        clock.set(Instant.parse("2026-10-31T12:00:00Z"));
        try (ScheduledRefresher r = refresher().at(LocalTime.of(1, 30)).zone(ny).start()) {
            scheduler.advanceTo(Instant.parse("2026-11-02T12:00:00Z"));
            assertEquals(Instant.parse("2026-11-03T06:30:00Z"), r.nextRun().orElseThrow());
        }
        // 1 November 01:30 happens twice: the first (EDT, 05:30Z) only; 2 November 01:30 EST
        assertEquals(List.of(Instant.parse("2026-11-01T05:30:00Z"), Instant.parse("2026-11-02T06:30:00Z")), tokensAt);
    }

    static Instant slotOf(Instant run) {
        ZonedDateTime local = run.atZone(IST);
        ZonedDateTime slot = local.toLocalDate().atTime(AT).atZone(IST);
        return (slot.isAfter(local) ? slot.minusDays(1) : slot).toInstant();
    }

    @Test
    void closeCancelsIsIdempotentAndForbidsARestart() {
        ScheduledRefresher r = refresher().start();
        assertEquals(1, scheduler.live());
        r.close();
        r.close();
        assertTrue(r.isClosed());
        assertTrue(r.nextRun().isEmpty());
        assertEquals(0, scheduler.live(), "the pending run is cancelled");
        assertFalse(scheduler.isShutdown(), "a scheduler passed in is not the refresher's to shut down");
        scheduler.advanceTo(ist(2026, 3, 13, 9, 0));
        assertEquals(0, login.calls.get());
        assertThrows(IllegalStateException.class, r::start);
        assertFalse(r.toString().contains("token-"), r.toString());
    }

    @Test
    void closedWhileALoginRunsItDoesNotReArm() {
        ScheduledRefresher[] self = new ScheduledRefresher[1];
        CachingTokenService closing = CachingTokenService.builder(() -> {
            self[0].close();
            return login.login();
        }).clock(clock).build();
        self[0] = ScheduledRefresher.builder(closing).at(AT).zone(IST).maxJitter(Duration.ZERO).clock(clock)
                .scheduler(scheduler).start();
        scheduler.advanceTo(ist(2026, 3, 12, 9, 0));
        assertEquals(1, login.calls.get());
        assertEquals(0, scheduler.live());
        assertTrue(self[0].nextRun().isEmpty());
    }

    @Test
    void ownSchedulerRunsOnADaemonThreadAndIsShutDownByClose() throws InterruptedException {
        ScheduledRefresher r = ScheduledRefresher.builder(service).clock(clock).start();
        List<Thread> threads = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("upstox-totp-refresh-") && t.isAlive()).toList();
        assertFalse(threads.isEmpty());
        threads.forEach(t -> assertTrue(t.isDaemon(), t.getName()));
        r.close();
        for (Thread t : threads) {
            t.join(10_000);
        }
        assertTrue(threads.stream().noneMatch(Thread::isAlive), "close shuts the owned scheduler down");
    }

    @Test
    void builderRejectsNonsense() {
        ScheduledRefresherBuilder b = ScheduledRefresher.builder(service);
        assertThrows(IllegalArgumentException.class, () -> b.maxJitter(Duration.ofMillis(-1)));
        assertThrows(IllegalArgumentException.class, () -> b.maxJitter(Duration.ofMinutes(61)));
        assertThrows(IllegalArgumentException.class, () -> b.retries(3, Duration.ofMinutes(1)));
        assertThrows(IllegalArgumentException.class, () -> b.retries(-1, Duration.ofMinutes(1)));
        assertThrows(IllegalArgumentException.class, () -> b.retries(1, Duration.ZERO));
        assertThrows(NullPointerException.class, () -> b.at(null));
        assertThrows(NullPointerException.class, () -> ScheduledRefresher.builder(null));
    }
}

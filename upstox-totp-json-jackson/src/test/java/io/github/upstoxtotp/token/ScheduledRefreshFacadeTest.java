package io.github.upstoxtotp.token;

import io.github.upstoxtotp.testing.MutableClock;
import io.github.upstoxtotp.UpstoxTotp;
import io.github.upstoxtotp.config.UpstoxTotpConfig;
import io.github.upstoxtotp.error.UpstoxApiException;
import io.github.upstoxtotp.json.jackson.JacksonJsonPort;
import io.github.upstoxtotp.model.AccessToken;
import io.github.upstoxtotp.testing.SimulatedAccount;
import io.github.upstoxtotp.testing.SimulatedUpstox;
import io.github.upstoxtotp.testing.SimulatorEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code UpstoxTotp.builder().scheduledRefresh(...)}: wired to the client's token service and clock, closed with the client. */
@Timeout(60)
class ScheduledRefreshFacadeTest {
    static final JacksonJsonPort JSON = new JacksonJsonPort();
    static final ZoneId IST = ZoneId.of("Asia/Kolkata");
    static final LocalTime AT = LocalTime.of(8, 45);

    final MutableClock clock = new MutableClock(ist(23, 6, 30));
    final ManualScheduler scheduler = new ManualScheduler(clock);
    final SimulatedUpstox sim = SimulatedUpstox.builder(JSON).clock(clock).build();

    static Instant ist(int day, int hour, int minute) {
        return ZonedDateTime.of(2026, 11, day, hour, minute, 0, 0, IST).toInstant();
    }

    UpstoxTotp client(UpstoxTotpConfig config, RefreshListener listener) {
        return UpstoxTotp.builder().config(config).http(sim).json(JSON).clock(clock)
                .scheduledRefresh(r -> r.at(AT).zone(IST).maxJitter(Duration.ZERO).scheduler(scheduler).listener(listener))
                .build();
    }

    long exchanges() {
        return sim.requestCount(SimulatorEndpoint.TOKEN_EXCHANGE);
    }

    @Test
    void logsInAtTheSlotEveryDayListenersHearAndCloseStopsIt() {
        List<AccessToken> heard = new CopyOnWriteArrayList<>();
        UpstoxTotp c = client(sim.configFor(SimulatedAccount.DEMO).build(), RefreshListener.NONE);
        c.tokenService().addListener(heard::add);
        ScheduledRefresher refresher = c.scheduledRefresher().orElseThrow();
        assertEquals(ist(23, 8, 45), refresher.nextRun().orElseThrow());
        scheduler.advanceTo(ist(23, 9, 0));
        assertEquals(1, heard.size());
        assertEquals(1, exchanges());
        assertTrue(sim.isValidAccessToken(heard.get(0).value()));
        assertSame(heard.get(0), c.accessToken(), "the day's first call finds the token waiting");
        scheduler.advanceTo(ist(24, 9, 0));
        assertEquals(2, exchanges());
        c.close();
        assertTrue(refresher.isClosed());
        assertTrue(refresher.nextRun().isEmpty());
        assertEquals(0, scheduler.live());
        scheduler.advanceTo(ist(28, 9, 0));
        assertEquals(2, exchanges(), "nothing runs after close");
    }

    @Test
    void offByDefault() {
        try (UpstoxTotp c = UpstoxTotp.builder().config(sim.configFor(SimulatedAccount.DEMO).build()).http(sim).json(JSON)
                .clock(clock).build()) {
            assertTrue(c.scheduledRefresher().isEmpty());
        }
    }

    @Test
    void theShortFormUsesItsOwnDaemonSchedulerAndClosesWithTheClient() {
        UpstoxTotp c = UpstoxTotp.builder().config(sim.configFor(SimulatedAccount.DEMO).build()).http(sim).json(JSON)
                .clock(clock).scheduledRefresh(AT, IST, Duration.ofMinutes(2)).build();
        ScheduledRefresher refresher = c.scheduledRefresher().orElseThrow();
        Instant next = refresher.nextRun().orElseThrow();
        assertTrue(!next.isBefore(ist(23, 8, 45)) && !next.isAfter(ist(23, 8, 47)), next.toString());
        c.close();
        c.close();
        assertTrue(refresher.isClosed());
        assertEquals(0, exchanges());
    }

    @Test
    void badSettingsFailTheBuilder() {
        UpstoxTotp.Builder b = UpstoxTotp.builder().config(sim.configFor(SimulatedAccount.DEMO).build()).http(sim).json(JSON);
        assertThrows(IllegalArgumentException.class, () -> b.scheduledRefresh(AT, IST, Duration.ofHours(2)));
        assertThrows(IllegalArgumentException.class, () -> b.scheduledRefresh(AT, IST, Duration.ofSeconds(-1)));
        assertThrows(NullPointerException.class, () -> b.scheduledRefresh(null, IST, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> b.scheduledRefresh(r -> r.retries(5, Duration.ofMinutes(1))).build());
    }

    @Test
    void aWrongPinIsTriedOnceAndNeverAgainUntilTheSessionIsReset() {
        List<RuntimeException> rejections = new CopyOnWriteArrayList<>();
        UpstoxTotpConfig wrongPin = sim.configFor(SimulatedAccount.DEMO).pinCode("654321").build();
        try (UpstoxTotp c = client(wrongPin, new RefreshListener() {
            @Override
            public void onRejected(RuntimeException rejection, Instant nextAttempt) {
                rejections.add(rejection);
            }
        })) {
            scheduler.advanceTo(ist(23, 12, 0));
            assertEquals(1, rejections.size());
            assertTrue(rejections.get(0) instanceof UpstoxApiException, String.valueOf(rejections.get(0)));
            assertEquals(1, sim.wrongPinCount(SimulatedAccount.DEMO.mobileNumber()));
            assertEquals(ist(24, 8, 45), c.scheduledRefresher().orElseThrow().nextRun().orElseThrow());
            scheduler.advanceTo(ist(25, 12, 0));
            assertEquals(3, rejections.size(), "reported each day");
            assertEquals(1, sim.requestCount(SimulatorEndpoint.PIN_2FA), "the login guard keeps the wrong PIN unsent");
        }
    }
}

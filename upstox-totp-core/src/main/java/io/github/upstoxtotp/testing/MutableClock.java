package io.github.upstoxtotp.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Clock} a test moves by hand: hand the same instance to the simulator and the client
 * (both take a {@code Clock}) and step across a TOTP window or a token's 03:30 expiry without
 * waiting. Thread-safe; {@link #withZone} views share the same time.
 *
 * <pre>{@code
 * MutableClock clock = new MutableClock(Instant.parse("2026-11-23T04:00:00Z"));
 * SimulatedUpstox upstox = SimulatedUpstox.builder(json).clock(clock).build();
 * UpstoxTotp client = UpstoxTotp.builder().config(upstox.configFor(SimulatedAccount.DEMO).build())
 *         .http(upstox).json(json).clock(clock).build();
 * client.accessToken();                      // logs in
 * clock.advance(Duration.ofDays(1));         // past 03:30 IST: the next call logs in again
 * }</pre>
 */
public final class MutableClock extends Clock {
    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    /** A clock reading {@code start}, in UTC. */
    public MutableClock(Instant start) {
        this(new AtomicReference<>(Objects.requireNonNull(start, "start")), ZoneOffset.UTC);
    }

    private MutableClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /** Moves the time forward (or back, for a negative duration). */
    public void advance(Duration duration) {
        now.updateAndGet(t -> t.plus(duration));
    }

    /** Sets the time. */
    public void set(Instant instant) {
        now.set(Objects.requireNonNull(instant, "instant"));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public long millis() {
        return now.get().toEpochMilli();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new MutableClock(now, Objects.requireNonNull(zone, "zone"));
    }

    @Override
    public String toString() {
        return "MutableClock[" + now.get() + ", " + zone + "]";
    }
}

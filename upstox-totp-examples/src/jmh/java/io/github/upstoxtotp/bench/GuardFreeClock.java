package io.github.upstoxtotp.bench;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The system clock, except in the last {@value #GUARD_SECONDS} seconds of each 30 s TOTP window,
 * where it reads {@value #GUARD_SECONDS} s earlier. The login's TOTP guard (which otherwise waits
 * up to 3 s for the next window, one login in ten) then never fires; the code sent is still one
 * the server accepts (the current window or the one before). Benchmarks measure the flow, not that
 * deliberate wait.
 */
final class GuardFreeClock extends Clock {
    static final int GUARD_SECONDS = 3;

    @Override
    public Instant instant() {
        Instant now = Instant.now();
        long intoWindow = Math.floorMod(now.getEpochSecond(), 30L);
        return intoWindow >= 30 - GUARD_SECONDS ? now.minusSeconds(GUARD_SECONDS) : now;
    }

    @Override
    public long millis() {
        return instant().toEpochMilli();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }
}

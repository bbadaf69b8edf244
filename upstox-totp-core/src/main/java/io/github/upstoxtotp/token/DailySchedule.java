package io.github.upstoxtotp.token;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.random.RandomGenerator;

/**
 * When a {@link ScheduledRefresher} runs: a local time of day in a zone, plus a random jitter.
 *
 * <p>The day's slot is {@code date.atTime(at).atZone(zone)}, so zones with daylight saving are
 * handled as {@link java.time.LocalDateTime#atZone} does: a time that falls in a gap (clocks
 * jump forward) moves later by the gap's length; one that occurs twice (clocks go back) is the
 * earlier of the two. Asia/Kolkata has neither. Immutable; thread-safe if the random generator is.
 */
final class DailySchedule {
    private final LocalTime at;
    private final ZoneId zone;
    private final long maxJitterMillis;
    private final RandomGenerator random;

    DailySchedule(LocalTime at, ZoneId zone, Duration maxJitter, RandomGenerator random) {
        this.at = at;
        this.zone = zone;
        this.maxJitterMillis = maxJitter.toMillis();
        this.random = random;
    }

    /** The first slot (without jitter) strictly after {@code after}. */
    Instant nextSlot(Instant after) {
        ZonedDateTime local = after.atZone(zone);
        ZonedDateTime slot = local.toLocalDate().atTime(at).atZone(zone);
        if (!slot.toInstant().isAfter(after)) {
            slot = local.toLocalDate().plusDays(1).atTime(at).atZone(zone);
        }
        return slot.toInstant();
    }

    /** {@code slot} plus a jitter drawn uniformly from {@code [0, maxJitter]} (whole milliseconds). */
    Instant jittered(Instant slot) {
        if (maxJitterMillis == 0) {
            return slot;
        }
        long jitter = random.nextLong(maxJitterMillis + 1);
        if (jitter < 0 || jitter > maxJitterMillis) { // a misbehaving generator must not break the bound
            jitter = Math.floorMod(jitter, maxJitterMillis + 1);
        }
        return slot.plusMillis(jitter);
    }

    @Override
    public String toString() {
        return at + " " + zone + (maxJitterMillis == 0 ? "" : " + up to " + Duration.ofMillis(maxJitterMillis));
    }
}

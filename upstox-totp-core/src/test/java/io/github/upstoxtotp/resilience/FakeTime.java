package io.github.upstoxtotp.resilience;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** A monotonic clock that only moves when the code under test "sleeps" (or the test says so), and a record of the waits. */
final class FakeTime implements Sleeper {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    final List<Long> waits = new CopyOnWriteArrayList<>();

    long nanoTime() {
        return nanos.get();
    }

    void advanceMillis(long millis) {
        nanos.addAndGet(millis * 1_000_000L);
    }

    @Override
    public void sleepNanos(long wait) {
        waits.add(wait);
        if (wait > 0) {
            nanos.addAndGet(wait);
        }
    }

    long totalWaitMillis() {
        return waits.stream().mapToLong(Long::longValue).sum() / 1_000_000L;
    }
}

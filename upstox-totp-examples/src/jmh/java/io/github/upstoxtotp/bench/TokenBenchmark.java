package io.github.upstoxtotp.bench;

import io.github.upstoxtotp.model.AccessToken;
import io.github.upstoxtotp.token.CachingTokenService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Benchmark 2: {@code TokenService.accessToken()} while the cached token is valid — the call an
 * application makes before every API request. One service shared by all benchmark threads
 * ({@link Scope#Benchmark}), the system clock, a token valid for a day; the setup checks that
 * exactly one login happened, so every measured call was a cache hit.
 */
@State(Scope.Benchmark)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class TokenBenchmark {
    private final AtomicInteger logins = new AtomicInteger();
    private final Clock clock = Clock.systemUTC(); // the service's default clock
    private CachingTokenService tokens;

    @Setup
    public void setUp() {
        tokens = CachingTokenService.builder(() -> {
            logins.incrementAndGet();
            Instant now = Instant.now();
            return new AccessToken("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJiZW5jaCJ9.c2ln", null, "BENCH1", now,
                    now.plus(Duration.ofDays(1)));
        }).build();
        tokens.accessToken();
    }

    @TearDown
    public void tearDown() {
        if (logins.get() != 1) {
            throw new IllegalStateException("expected one login, saw " + logins.get());
        }
        tokens.close();
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @Threads(1)
    public AccessToken cachedNsPerOp() {
        return tokens.accessToken();
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Threads(1)
    public AccessToken cachedThroughput1Thread() {
        return tokens.accessToken();
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Threads(2)
    public AccessToken cachedThroughput2Threads() {
        return tokens.accessToken();
    }

    // Reference points, not targets: the hot path is one volatile read, one clock.millis() and a
    // compare; these show what the clock alone costs, and how a call that touches no shared state
    // at all scales from one thread to two on this machine.

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @Threads(1)
    public long clockOnlyNsPerOp() {
        return clock.millis();
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Threads(1)
    public long clockOnlyThroughput1Thread() {
        return clock.millis();
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Threads(2)
    public long clockOnlyThroughput2Threads() {
        return clock.millis();
    }
}

package io.github.upstoxtotp.bench;

import io.github.upstoxtotp.UpstoxTotp;
import io.github.upstoxtotp.examples.sandbox.SandboxServer;
import io.github.upstoxtotp.port.HttpPort;
import io.github.upstoxtotp.port.JsonPort;
import io.github.upstoxtotp.resilience.ResiliencePolicy;
import io.github.upstoxtotp.resilience.ResilientStepTransport;
import io.github.upstoxtotp.resilience.Sleeper;
import io.github.upstoxtotp.testing.SimulatedAccount;
import io.github.upstoxtotp.testing.SimulatedUpstox;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmark 6, the measured half: logins with the default pacing ({@code sleepTime} 1000 ms)
 * through the sandbox over loopback (OkHttp, Jackson), timing each login and the time the pacer
 * actually slept. Prints {@code key=value} lines that {@link BenchReport} reads:
 * {@code pacing.exchanges}, {@code pacing.sleptMs}, {@code pacing.wallMs} (per login, the mean of
 * {@value #LOGINS}) and {@code pacing.sleepTimeMs}.
 *
 * <p>The Python SDK sleeps {@code sleep_time} after each of its six requests, the last one too:
 * 6 × 1000 ms per login, whatever the requests took.
 */
public final class PacingFloor {
    static final int LOGINS = 2;
    static final Duration SLEEP_TIME = ResiliencePolicy.DEFAULT_SLEEP_TIME;

    private PacingFloor() {
    }

    public static void main(String[] args) throws Exception {
        Adapters.sandboxWithNoDelay();
        JsonPort json = Adapters.json("jackson");
        AtomicLong slept = new AtomicLong();
        Sleeper counting = nanos -> {
            long start = System.nanoTime();
            try {
                Sleeper.system().sleepNanos(nanos);
            } finally {
                slept.addAndGet(System.nanoTime() - start);
            }
        };
        try (SandboxServer sandbox = SandboxServer.builder()
                .backend((api, service) -> SimulatedUpstox.builder(json)
                        .apiBaseUrl(api.toString()).serviceBaseUrl(service.toString())
                        .account(SimulatedAccount.DEMO).otpRequestLimit(1_000).build())
                .start();
             HttpPort http = Adapters.http("okhttp")) {
            SimulatedUpstox simulator = (SimulatedUpstox) sandbox.backend();
            var config = simulator.configFor(SimulatedAccount.DEMO).sleepTime(SLEEP_TIME).build();
            ResilientStepTransport paced = ResilientStepTransport.builder(http)
                    .policy(ResiliencePolicy.builder().sleepTime(SLEEP_TIME).build())
                    .sleeper(counting)
                    .build();
            // warm-up without pacing: classes loaded, connections open
            try (UpstoxTotp warm = UpstoxTotp.builder().config(simulator.configFor(SimulatedAccount.DEMO).build())
                    .http(http).json(json).clock(new GuardFreeClock()).build()) {
                for (int i = 0; i < 50; i++) {
                    warm.tokenService().refresh();
                }
            }
            try (UpstoxTotp client = UpstoxTotp.builder().config(config).http(http).json(json)
                    .clock(new GuardFreeClock()).stepTransport(paced).build()) {
                long requestsBefore = simulator.totalRequestCount();
                slept.set(0);
                long wall = 0;
                for (int i = 0; i < LOGINS; i++) {
                    long start = System.nanoTime();
                    client.tokenService().refresh();
                    wall += System.nanoTime() - start;
                    if (i + 1 < LOGINS) {
                        // outside the pacer and the timing: the next login starts on an idle limiter
                        Thread.sleep(SLEEP_TIME.toMillis() + SLEEP_TIME.toMillis() / 10 + 10);
                    }
                }
                long exchanges = (simulator.totalRequestCount() - requestsBefore) / LOGINS;
                System.out.println("pacing.sleepTimeMs=" + SLEEP_TIME.toMillis());
                System.out.println("pacing.exchanges=" + exchanges);
                System.out.printf("pacing.sleptMs=%.1f%n", slept.get() / 1e6 / LOGINS);
                System.out.printf("pacing.wallMs=%.1f%n", wall / 1e6 / LOGINS);
            }
        }
    }
}

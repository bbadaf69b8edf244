package io.github.upstoxtotp.bench;

import io.github.upstoxtotp.UpstoxTotp;
import io.github.upstoxtotp.port.HttpPort;
import io.github.upstoxtotp.port.HttpRequest;
import io.github.upstoxtotp.port.HttpResponse;
import io.github.upstoxtotp.port.JsonPort;
import io.github.upstoxtotp.testing.SimulatedAccount;
import io.github.upstoxtotp.testing.SimulatedUpstox;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Benchmark 3's explanation: where a login's time goes without any network. The simulator is the
 * {@link HttpPort} itself (no HTTP); a timing wrapper splits each login into the time inside the
 * port (the simulator answering) and outside it (the flow: facade, token service, resilient
 * transport, login machine, cookies, JSON, binding). The same replay as the benchmark's baseline
 * runs beside it. Prints {@code key=value} lines (medians of {@value #ROUNDS} rounds of
 * {@value #LOGINS} logins, after {@value #WARMUP} warm-up logins).
 */
public final class LoginBreakdown {
    static final int WARMUP = 5_000;
    static final int ROUNDS = 7;
    static final int LOGINS = 1_000;

    private LoginBreakdown() {
    }

    /** Times every exchange it passes on. Single-threaded use. */
    static final class TimingPort implements HttpPort {
        final HttpPort delegate;
        long nanos;

        TimingPort(HttpPort delegate) {
            this.delegate = delegate;
        }

        @Override
        public HttpResponse execute(HttpRequest request) {
            long start = System.nanoTime();
            try {
                return delegate.execute(request);
            } finally {
                nanos += System.nanoTime() - start;
            }
        }
    }

    public static void main(String[] args) {
        for (String codec : List.of("jackson", "moshi")) {
            JsonPort json = Adapters.json(codec);
            SimulatedUpstox simulator = SimulatedUpstox.builder(json)
                    .otpRequestLimit(Integer.MAX_VALUE).otpWindow(Duration.ofMillis(1))
                    .maxWrongPins(Integer.MAX_VALUE).totpAttempts(Integer.MAX_VALUE)
                    .build();
            TimingPort port = new TimingPort(simulator);
            var config = simulator.configFor(SimulatedAccount.DEMO).build();
            RecordingPort recorder = new RecordingPort(simulator);
            try (UpstoxTotp once = UpstoxTotp.builder().config(config).http(recorder).json(json)
                    .clock(new GuardFreeClock()).build()) {
                once.tokenService().accessToken();
            }
            List<HttpRequest> replay = List.copyOf(recorder.requests);
            try (UpstoxTotp client = UpstoxTotp.builder().config(config).http(port).json(json)
                    .clock(new GuardFreeClock()).build()) {
                for (int i = 0; i < WARMUP; i++) {
                    client.tokenService().refresh();
                    replay.forEach(port::execute);
                }
                double[] flow = new double[ROUNDS];
                double[] flowInside = new double[ROUNDS];
                double[] base = new double[ROUNDS];
                for (int r = 0; r < ROUNDS; r++) {
                    port.nanos = 0;
                    long start = System.nanoTime();
                    for (int i = 0; i < LOGINS; i++) {
                        client.tokenService().refresh();
                    }
                    flow[r] = (System.nanoTime() - start) / 1e3 / LOGINS;
                    flowInside[r] = port.nanos / 1e3 / LOGINS;
                    start = System.nanoTime();
                    for (int i = 0; i < LOGINS; i++) {
                        replay.forEach(port::execute);
                    }
                    base[r] = (System.nanoTime() - start) / 1e3 / LOGINS;
                }
                System.out.printf("breakdown.%s.flowUs=%.1f%n", codec, median(flow));
                System.out.printf("breakdown.%s.flowSimulatorUs=%.1f%n", codec, median(flowInside));
                System.out.printf("breakdown.%s.flowClientUs=%.1f%n", codec, median(flow) - median(flowInside));
                System.out.printf("breakdown.%s.replayUs=%.1f%n", codec, median(base));
            }
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}

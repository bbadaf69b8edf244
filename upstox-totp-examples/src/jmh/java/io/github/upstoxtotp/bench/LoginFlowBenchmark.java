package io.github.upstoxtotp.bench;

import io.github.upstoxtotp.UpstoxTotp;
import io.github.upstoxtotp.examples.sandbox.SandboxServer;
import io.github.upstoxtotp.model.AccessToken;
import io.github.upstoxtotp.port.HttpPort;
import io.github.upstoxtotp.port.HttpRequest;
import io.github.upstoxtotp.port.HttpResponse;
import io.github.upstoxtotp.port.JsonPort;
import io.github.upstoxtotp.testing.SimulatedAccount;
import io.github.upstoxtotp.testing.SimulatedUpstox;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Benchmark 3: the login flow's own cost. A full login ({@code tokenService().refresh()} on the
 * facade: token service, resilient transport with {@code sleepTime} 0, login machine, cookies,
 * JSON binding) through the sandbox over loopback HTTP, against a baseline that sends the same
 * exchanges — the requests of one real login, recorded in the setup and replayed as they are —
 * straight through the same {@link HttpPort}, with no flow logic at all. The sandbox serves the
 * simulator with the same codec in both.
 *
 * <p>Every login is timed (sample mode) and the ratio is taken between the medians: on a shared
 * machine a few logins that wait for a busy CPU move a mean far more than the median.
 *
 * <p>The sandbox's JDK HTTP server runs with TCP_NODELAY ({@link Adapters#sandboxWithNoDelay()}),
 * as the {@code ./upstox-totp} launcher runs it: without it every answer waits ~40 ms for a
 * delayed ACK and both sides measure that wait, not the flow.
 *
 * <p>The simulator's OTP limit is lifted (window 1 ms) so that thousands of logins in a row are
 * not blocked, and PIN locking is out of reach; otherwise it checks everything. Replayed requests
 * are mostly answered with error envelopes (the OTP token, the code and the session were used);
 * those answers are cheaper for the simulator than successes, which makes the baseline, if
 * anything, faster and the ratio stricter.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class LoginFlowBenchmark {
    @Param({"apache", "okhttp"})
    public String transport;

    @Param({"jackson", "moshi"})
    public String codec;

    private SandboxServer sandbox;
    private HttpPort http;
    private UpstoxTotp client;
    private List<HttpRequest> replay;

    @Setup
    public void setUp() {
        Adapters.sandboxWithNoDelay();
        JsonPort json = Adapters.json(codec);
        sandbox = SandboxServer.builder()
                .backend((api, service) -> SimulatedUpstox.builder(json)
                        .apiBaseUrl(api.toString())
                        .serviceBaseUrl(service.toString())
                        .account(SimulatedAccount.DEMO)
                        .otpRequestLimit(Integer.MAX_VALUE)
                        .otpWindow(Duration.ofMillis(1))
                        .maxWrongPins(Integer.MAX_VALUE)
                        .totpAttempts(Integer.MAX_VALUE)
                        .build())
                .start();
        SimulatedUpstox simulator = (SimulatedUpstox) sandbox.backend();
        http = Adapters.http(transport);
        var config = simulator.configFor(SimulatedAccount.DEMO).sleepTime(Duration.ZERO).build();
        client = UpstoxTotp.builder().config(config).http(http).json(json).clock(new GuardFreeClock()).build();

        // one real login, recorded: the baseline's requests
        RecordingPort recorder = new RecordingPort(http);
        try (UpstoxTotp recorded = UpstoxTotp.builder().config(config).http(recorder).json(json)
                .clock(new GuardFreeClock()).build()) {
            recorded.tokenService().accessToken();
        }
        replay = List.copyOf(recorder.requests);
        System.out.println("one login = " + replay.size() + " exchanges");
        client.tokenService().refresh(); // the flow works before it is measured
    }

    @TearDown
    public void tearDown() {
        client.close();
        http.close();
        sandbox.close();
    }

    /** A full login. */
    @Benchmark
    public AccessToken flow() {
        return client.tokenService().refresh();
    }

    /** The same exchanges, replayed through the same port: the floor the flow is measured against. */
    @Benchmark
    public void baseline(Blackhole bh) {
        for (HttpRequest request : replay) {
            HttpResponse response = http.execute(request);
            bh.consume(response);
        }
    }
}

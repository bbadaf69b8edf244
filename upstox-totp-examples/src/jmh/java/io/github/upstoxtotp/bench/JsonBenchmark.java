package io.github.upstoxtotp.bench;

import io.github.upstoxtotp.UpstoxTotp;
import io.github.upstoxtotp.auth.LoginProtocol;
import io.github.upstoxtotp.port.HttpResponse;
import io.github.upstoxtotp.port.JsonObject;
import io.github.upstoxtotp.port.JsonPort;
import io.github.upstoxtotp.port.JsonValue;
import io.github.upstoxtotp.testing.SimulatedAccount;
import io.github.upstoxtotp.testing.SimulatedUpstox;
import java.nio.charset.StandardCharsets;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Benchmark 4: the codecs on the login's own bodies, Jackson against Moshi — parsing the OTP
 * generation answer and the token answer ({@link JsonPort#parse(byte[])}, as the flow does), and
 * writing the TOTP-verify request body ({@link JsonPort#writeBytes}). The answers are the ones the
 * simulator gives in a real login, captured in the setup.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class JsonBenchmark {
    @Param({"jackson", "moshi"})
    public String codec;

    private JsonPort json;
    private byte[] otpAnswer;
    private byte[] tokenAnswer;
    private JsonObject totpVerifyBody;

    @Setup
    public void setUp() {
        json = Adapters.json(codec);
        SimulatedUpstox simulator = SimulatedUpstox.builder(json).build();
        RecordingPort recorder = new RecordingPort(simulator);
        try (UpstoxTotp client = UpstoxTotp.builder().config(simulator.configFor(SimulatedAccount.DEMO).build())
                .http(recorder).json(json).clock(new GuardFreeClock()).build()) {
            client.tokenService().accessToken();
        }
        otpAnswer = answerTo(LoginProtocol.SEED.otpGeneratePath(), recorder);
        tokenAnswer = answerTo(LoginProtocol.SEED.tokenPath(), recorder);
        // the TOTP verify body's shape (PROTOCOL.md): {"data":{"otp":…,"validateOtpToken":…}}
        totpVerifyBody = JsonObject.builder().put("data", JsonObject.builder()
                .put("otp", "123456")
                .put("validateOtpToken", "6f1c0d4e-6a4b-4d1e-9f0e-3c2b1a098765")
                .build()).build();
        // both codecs must read what the simulator wrote
        json.parse(otpAnswer);
        json.parse(tokenAnswer);
    }

    private static byte[] answerTo(String pathEnd, RecordingPort recorder) {
        for (int i = 0; i < recorder.requests.size(); i++) {
            if (recorder.requests.get(i).uri().getPath().endsWith(pathEnd)) {
                HttpResponse r = recorder.responses.get(i);
                if (r.status() != 200) {
                    throw new IllegalStateException(pathEnd + " answered " + r.status() + ": "
                            + new String(r.body(), StandardCharsets.UTF_8));
                }
                return r.body();
            }
        }
        throw new IllegalStateException("no request to …" + pathEnd + " in " + recorder.requests);
    }

    @Benchmark
    public JsonValue parseOtpAnswer() {
        return json.parse(otpAnswer);
    }

    @Benchmark
    public JsonValue parseTokenAnswer() {
        return json.parse(tokenAnswer);
    }

    @Benchmark
    public byte[] writeTotpVerifyBody() {
        return json.writeBytes(totpVerifyBody);
    }
}

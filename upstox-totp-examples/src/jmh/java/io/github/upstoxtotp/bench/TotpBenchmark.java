package io.github.upstoxtotp.bench;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import io.github.upstoxtotp.totp.TotpGenerator;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Benchmark 1: one TOTP code (HMAC-SHA1, 6 digits, 30 s) as a String, ours against
 * {@code com.eatthepath:java-otp} and {@code dev.samstevens.totp:totp}, same key, same instants.
 *
 * <p>Each library is used the way its documentation shows: java-otp with a {@link Key} and an
 * {@link Instant}, samstevens with the Base32 secret and the counter. {@code javaOtpInt} is
 * java-otp's int result (no formatting), for a comparison that leaves its {@code String.format} out;
 * {@code oursBeforeTuning} is our implementation before the tuning of issue #7.
 * The setup checks that all of them agree on every instant.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class TotpBenchmark {
    /** RFC 6238's SHA-1 test key, "12345678901234567890", in Base32. */
    static final String SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    static final byte[] KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final int INSTANTS = 1024; // a power of two

    private TotpGenerator ours;
    private ClonedDigestTotp oursBefore;
    private TimeBasedOneTimePasswordGenerator javaOtp;
    private Key javaOtpKey;
    private DefaultCodeGenerator samstevens;
    private Instant[] instants;
    private long[] counters;
    private int next;

    @Setup
    public void setUp() throws Exception {
        ours = TotpGenerator.forBase32Secret(SECRET.toCharArray());
        oursBefore = new ClonedDigestTotp(KEY);
        javaOtp = new TimeBasedOneTimePasswordGenerator(Duration.ofSeconds(30), 6, "HmacSHA1");
        javaOtpKey = new SecretKeySpec(KEY, "HmacSHA1");
        samstevens = new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6);
        SplittableRandom random = new SplittableRandom(6238);
        instants = new Instant[INSTANTS];
        counters = new long[INSTANTS];
        for (int i = 0; i < INSTANTS; i++) {
            instants[i] = Instant.ofEpochSecond(random.nextLong(1, 4_000_000_000L));
            counters[i] = instants[i].getEpochSecond() / 30;
            String a = ours.generate(instants[i]);
            String b = javaOtp.generateOneTimePasswordString(javaOtpKey, instants[i]);
            String c = samstevens.generate(SECRET, counters[i]);
            String d = oursBefore.generate(instants[i].getEpochSecond());
            if (!a.equals(b) || !a.equals(c) || !a.equals(d)) {
                throw new IllegalStateException("libraries disagree at " + instants[i] + ": " + a + " " + b + " " + c);
            }
        }
    }

    private int nextIndex() {
        return next = (next + 1) & (INSTANTS - 1);
    }

    @Benchmark
    public String ours() {
        return ours.generate(instants[nextIndex()]);
    }

    /** The pre-tuning implementation (see {@link ClonedDigestTotp}), for before/after in one run. */
    @Benchmark
    public String oursBeforeTuning() {
        return oursBefore.generate(instants[nextIndex()].getEpochSecond());
    }

    @Benchmark
    public String javaOtp() throws Exception {
        return javaOtp.generateOneTimePasswordString(javaOtpKey, instants[nextIndex()]);
    }

    @Benchmark
    public int javaOtpInt() throws Exception {
        return javaOtp.generateOneTimePassword(javaOtpKey, instants[nextIndex()]);
    }

    @Benchmark
    public String samstevens() throws CodeGenerationException {
        return samstevens.generate(SECRET, counters[nextIndex()]);
    }
}

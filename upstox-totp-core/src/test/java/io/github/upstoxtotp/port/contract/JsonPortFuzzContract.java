package io.github.upstoxtotp.port.contract;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.upstoxtotp.port.JsonException;
import io.github.upstoxtotp.port.JsonPort;
import io.github.upstoxtotp.port.JsonValue;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A seeded mutation fuzzer for {@link JsonPort} adapters: it starts from realistic Upstox answers
 * ({@link JsonPortContractSamples}) and mutates their bytes — bit flips, random bytes, inserted
 * structural characters, deletions, truncations, splices, deep nesting, huge numbers, invalid
 * UTF-8, broken unicode escapes, raw control characters — and proves that {@code parse} only ever
 * returns a tree or throws {@link JsonException}: never another exception, never an
 * {@link Error} such as {@link StackOverflowError}, never a hang (each input is bounded by
 * {@link #PER_INPUT_LIMIT_MS}), and never an error message quoting the input. A tree it accepts
 * must also write and read back without any other exception.
 *
 * <p>An adapter's test extends this class and implements {@link #createPort()}. The run is
 * reproducible: {@code -Dupstox.fuzz.seed=N} and {@code -Dupstox.fuzz.inputs=N} change the seed
 * (default {@value #DEFAULT_SEED}) and the number of inputs (default {@value #DEFAULT_INPUTS}).
 * A failure names the seed, the input's index and its bytes in hex.
 */
public abstract class JsonPortFuzzContract {
    static final long DEFAULT_SEED = 20250602L;
    static final int DEFAULT_INPUTS = 12_000;
    /** Generous: a parse takes microseconds; this only catches a hang or a runaway. */
    static final long PER_INPUT_LIMIT_MS = 5_000;

    private static final byte[] STRUCTURAL = "{}[]\",:\\ \t\n\r-+.eE0".getBytes(UTF_8);
    private static final String[] NUMBERS = {
        "1e999999999", "-1E-2147483648", "123456789012345678901234567890123456789012345678901234567890",
        "0." + "0".repeat(400) + "1", "9".repeat(1200), "1e+", "-", "01", "1.", ".5", "NaN", "Infinity", "-0", "0x1F",
        "9223372036854775808", "-9223372036854775809", "1E400", "4.9e-325", "1" + "0".repeat(5000) + "e-5000"};
    private static final String[] ESCAPES = {
        "\\u", "\\u0", "\\u00", "\\u00e", "\\uD800", "\\uDC00", "\\uDBFF\\uDFFF", "\\uDC00\\uD800", "\\u0000",
        "\\uZZZZ", "\\x41", "\\", "\\'", "\\U0001F600", "\\uFFFF", "\\uFEFF"};
    private static final byte[][] BAD_UTF8 = {
        {(byte) 0xC0, (byte) 0x80}, {(byte) 0xFF}, {(byte) 0xFE}, {(byte) 0x80}, {(byte) 0xE2, (byte) 0x82},
        {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
        {(byte) 0xF0, (byte) 0x9F, (byte) 0x98}, {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, {0}, {(byte) 0xC3}};

    /** The port under test. */
    protected abstract JsonPort createPort();

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void onlyJsonExceptionEverEscapes() throws Exception {
        long seed = Long.getLong("upstox.fuzz.seed", DEFAULT_SEED);
        int inputs = Integer.getInteger("upstox.fuzz.inputs", DEFAULT_INPUTS);
        assertTrue(inputs >= 1);
        JsonPort port = createPort();
        List<byte[]> corpus = corpus();
        Run run = new Run(port, corpus, seed, inputs);
        Thread worker = new Thread(run, "json-fuzz-" + port.name());
        worker.setDaemon(true); // a hung parse must not keep the JVM alive
        long started = System.nanoTime();
        worker.start();
        while (worker.isAlive()) {
            worker.join(50);
            long since = run.inputStartedNanos;
            if (worker.isAlive() && since != 0 && System.nanoTime() - since > TimeUnit.MILLISECONDS.toNanos(PER_INPUT_LIMIT_MS)) {
                worker.interrupt();
                fail("input " + run.index + " (seed " + seed + ") ran over " + PER_INPUT_LIMIT_MS + " ms: a hang; input "
                        + hex(run.current));
            }
        }
        if (run.failure != null) {
            throw run.failure;
        }
        assertEquals(inputs, run.done, "every input was tried");
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        // the figure RELIABILITY.md quotes
        System.out.printf("json fuzz [%s]: %d inputs (seed %d), %d parse calls: %d accepted, %d JsonException, 0 other;"
                        + " slowest input %.2f ms; %d ms in all%n", port.name(), run.done, seed, run.parses, run.accepted,
                run.rejected, run.slowestNanos / 1e6, tookMs);
    }

    /** The Upstox answers of the contract's corpus, plus envelopes the login meets. */
    private static List<byte[]> corpus() {
        List<byte[]> out = new ArrayList<>();
        for (String s : JsonPortContractSamples.corpus()) {
            out.add(s.getBytes(UTF_8));
        }
        out.add("{\"status\":\"error\",\"errors\":[{\"error_code\":\"UDAPI10005\",\"message\":\"Too Many Request Sent\"}]}"
                .getBytes(UTF_8));
        out.add("{\"success\":true,\"data\":{\"status\":\"error\",\"code\":\"UDAPI100500\"}}".getBytes(UTF_8));
        return out;
    }

    /** The fuzzing loop, on its own thread so that the test thread can watch it for hangs. */
    private static final class Run implements Runnable {
        private final JsonPort port;
        private final List<byte[]> corpus;
        private final long seed;
        private final int inputs;
        private final Random random;
        volatile long inputStartedNanos;
        volatile int index;
        volatile byte[] current;
        volatile AssertionError failure;
        int done;
        long parses;
        long accepted;
        long rejected;
        long slowestNanos;

        Run(JsonPort port, List<byte[]> corpus, long seed, int inputs) {
            this.port = port;
            this.corpus = corpus;
            this.seed = seed;
            this.inputs = inputs;
            this.random = new Random(seed);
        }

        @Override
        public void run() {
            for (int i = 0; i < inputs && !Thread.currentThread().isInterrupted(); i++) {
                byte[] input = mutate(corpus.get(random.nextInt(corpus.size())));
                index = i;
                current = input;
                long t0 = System.nanoTime();
                inputStartedNanos = t0;
                try {
                    check(input);
                } catch (AssertionError e) {
                    failure = e;
                    return;
                } catch (Throwable t) {
                    failure = new AssertionError("input " + i + " (seed " + seed + ") made " + port.name() + " throw "
                            + t.getClass().getName() + ", not JsonException; input " + hex(input), t);
                    return;
                }
                inputStartedNanos = 0;
                slowestNanos = Math.max(slowestNanos, System.nanoTime() - t0);
                done++;
            }
        }

        /** Parses the bytes, and the same text as a string; accepted trees must write and re-read. */
        private void check(byte[] input) {
            outcome(input, () -> port.parse(input));
            String text = new String(input, UTF_8); // lenient: bad bytes become U+FFFD, as a caller's decoding would
            outcome(input, () -> port.parse(text));
        }

        private void outcome(byte[] input, java.util.function.Supplier<JsonValue> parse) {
            parses++;
            JsonValue tree;
            try {
                tree = parse.get();
            } catch (JsonException e) {
                rejected++;
                String secret = JsonPortContractSamples.SECRET;
                if (new String(input, UTF_8).contains(secret) && String.valueOf(e.getMessage()).contains(secret)) {
                    throw new AssertionError("input " + index + " (seed " + seed + "): the error message quotes the input");
                }
                return;
            }
            if (tree == null) {
                throw new AssertionError("input " + index + " (seed " + seed + "): parse returned null");
            }
            accepted++;
            String written;
            try {
                written = port.write(tree);
            } catch (JsonException e) {
                return; // a tree it cannot write is allowed to say so
            }
            try {
                port.parse(written);
            } catch (JsonException e) {
                throw new AssertionError("input " + index + " (seed " + seed + "): an accepted tree, once written, does not"
                        + " parse again: " + e.getMessage());
            }
        }

        private byte[] mutate(byte[] seedInput) {
            byte[] b = seedInput;
            int rounds = 1 + random.nextInt(4);
            for (int r = 0; r < rounds; r++) {
                b = mutateOnce(b);
            }
            return b;
        }

        private byte[] mutateOnce(byte[] b) {
            int at = b.length == 0 ? 0 : random.nextInt(b.length + 1);
            switch (random.nextInt(12)) {
                case 0: // flip one bit
                    if (b.length > 0) {
                        byte[] c = b.clone();
                        int i = random.nextInt(c.length);
                        c[i] ^= (byte) (1 << random.nextInt(8));
                        return c;
                    }
                    return b;
                case 1: // any byte
                    if (b.length > 0) {
                        byte[] c = b.clone();
                        c[random.nextInt(c.length)] = (byte) random.nextInt(256);
                        return c;
                    }
                    return b;
                case 2: // structural characters
                    byte[] s = new byte[1 + random.nextInt(3)];
                    for (int i = 0; i < s.length; i++) {
                        s[i] = STRUCTURAL[random.nextInt(STRUCTURAL.length)];
                    }
                    return insert(b, at, s);
                case 3: // delete a range
                    if (b.length > 0) {
                        int from = random.nextInt(b.length);
                        int to = Math.min(b.length, from + 1 + random.nextInt(16));
                        return concat(Arrays.copyOfRange(b, 0, from), Arrays.copyOfRange(b, to, b.length));
                    }
                    return b;
                case 4: // truncate
                    return Arrays.copyOf(b, b.length == 0 ? 0 : random.nextInt(b.length));
                case 5: // splice with another sample
                    byte[] other = corpus.get(random.nextInt(corpus.size()));
                    int from = random.nextInt(other.length + 1);
                    return insert(b, at, Arrays.copyOfRange(other, from, Math.min(other.length, from + 1 + random.nextInt(64))));
                case 6: // deep nesting, closed or not
                    return nest(b);
                case 7: // huge or malformed numbers
                    return insert(b, at, NUMBERS[random.nextInt(NUMBERS.length)].getBytes(UTF_8));
                case 8: // invalid UTF-8
                    return insert(b, at, BAD_UTF8[random.nextInt(BAD_UTF8.length)]);
                case 9: // broken or odd unicode escapes, ideally inside a string
                    return insert(b, insideString(b, at), ESCAPES[random.nextInt(ESCAPES.length)].getBytes(UTF_8));
                case 10: // raw control characters
                    return insert(b, insideString(b, at), new byte[] {(byte) random.nextInt(32)});
                default: // repeat a slice (long keys, duplicate members)
                    if (b.length > 0) {
                        int f = random.nextInt(b.length);
                        byte[] slice = Arrays.copyOfRange(b, f, Math.min(b.length, f + 1 + random.nextInt(32)));
                        ByteArrayOutputStream out = new ByteArrayOutputStream();
                        for (int i = 0, n = 1 + random.nextInt(8); i < n; i++) {
                            out.writeBytes(slice);
                        }
                        return insert(b, at, out.toByteArray());
                    }
                    return b;
            }
        }

        private byte[] nest(byte[] b) {
            // around the limit, well past it, and now and then deep enough to overflow a recursive parser's stack
            int kind = random.nextInt(20);
            int depth = kind < 5 ? JsonPort.MAX_DEPTH - 2 + random.nextInt(5)
                    : kind < 19 ? 1 + random.nextInt(1_000) : 10_000 + random.nextInt(40_000);
            boolean objects = random.nextBoolean();
            boolean close = random.nextBoolean();
            String open = objects ? "{\"a\":" : "[";
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int i = 0; i < depth; i++) {
                out.writeBytes(open.getBytes(UTF_8));
            }
            out.writeBytes(b);
            if (close) {
                byte[] end = (objects ? "}" : "]").getBytes(UTF_8);
                for (int i = 0; i < depth; i++) {
                    out.writeBytes(end);
                }
            }
            return out.toByteArray();
        }

        /** A position just after a quote, when there is one near {@code at}. */
        private static int insideString(byte[] b, int at) {
            for (int i = Math.min(at, b.length - 1); i >= 0; i--) {
                if (b[i] == '"') {
                    return i + 1;
                }
            }
            return at;
        }

        private static byte[] insert(byte[] b, int at, byte[] s) {
            int pos = Math.min(at, b.length);
            return concat(concat(Arrays.copyOfRange(b, 0, pos), s), Arrays.copyOfRange(b, pos, b.length));
        }

        private static byte[] concat(byte[] a, byte[] c) {
            byte[] out = Arrays.copyOf(a, a.length + c.length);
            System.arraycopy(c, 0, out, a.length, c.length);
            return out;
        }
    }

    private static String hex(byte[] input) {
        if (input == null) {
            return "(none)";
        }
        byte[] head = input.length > 2_000 ? Arrays.copyOf(input, 2_000) : input;
        return HexFormat.of().formatHex(head) + (head.length < input.length ? "... (" + input.length + " bytes)" : "");
    }
}

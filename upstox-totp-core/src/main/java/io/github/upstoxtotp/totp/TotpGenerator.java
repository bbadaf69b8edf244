package io.github.upstoxtotp.totp;

import java.nio.CharBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * RFC 6238 time-based one-time passwords, and the RFC 4226 HOTP they are built on.
 *
 * <p>Codes are always ASCII digits with their leading zeros, whatever the default locale.
 * The counter for an instant is {@code floor((epochSeconds - t0) / step)}; an instant before
 * {@code t0} gives a negative counter, used as its 64-bit two's complement.
 *
 * <p>Immutable and thread-safe: one generator may serve any number of threads. It keeps no copy
 * of the key itself, only the hash states derived from it, and {@link #toString()} shows the
 * settings but never the key.
 */
public final class TotpGenerator {
    private static final int[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};
    /** Leading zeros by count, 0 to 7. */
    private static final String[] ZEROS = {"", "0", "00", "000", "0000", "00000", "000000", "0000000"};

    /** The digits setting when none is given. */
    public static final int DEFAULT_DIGITS = 6;
    /** The step setting when none is given. */
    public static final Duration DEFAULT_STEP = Duration.ofSeconds(30);

    private final Hmac hmac;
    private final int digits;
    private final long stepSeconds;
    private final long t0;

    private TotpGenerator(Hmac hmac, int digits, long stepSeconds, long t0) {
        this.hmac = hmac;
        this.digits = digits;
        this.stepSeconds = stepSeconds;
        this.t0 = t0;
    }

    /** A builder; only the key is required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The generator authenticator apps (and Upstox) use: HMAC-SHA1, 6 digits, 30 s, t0 = 0,
     * keyed with the Base32-decoded {@code secret}.
     *
     * @throws Base32Exception if the secret is not Base32 (the message never quotes it)
     * @throws IllegalArgumentException if the secret decodes to no bytes at all
     * <p>The array is read, not kept: the caller may wipe it afterwards. (It takes a
     * {@code char[]} rather than a {@code config.Secret} so that {@code totp} stays below
     * {@code config} without a package cycle; {@code UpstoxTotpConfig#totpGenerator()} is the
     * convenient way in.)
     */
    public static TotpGenerator forBase32Secret(char[] secret) {
        return builder().secret(secret).build();
    }

    /** The code for the time step containing {@code at}. */
    public String generate(Instant at) {
        return hotp(counterAt(at));
    }

    /** The code for the time step containing {@code epochSeconds} (seconds since 1970-01-01T00:00Z). */
    public String generate(long epochSeconds) {
        return hotp(counterAt(epochSeconds));
    }

    /** The code for the time step containing {@code clock.instant()}. */
    public String generate(Clock clock) {
        return generate(clock.instant());
    }

    /** The RFC 4226 HOTP code for {@code counter}, with this generator's key, algorithm and digits. */
    public String hotp(long counter) {
        return format(truncatedValue(counter));
    }

    /** The RFC 6238 counter T of the time step containing {@code at}. */
    public long counterAt(Instant at) {
        return counterAt(at.getEpochSecond());
    }

    /**
     * Seconds from {@code at} until the next time step starts: {@code step} at the first second
     * of a step, 1 in its last second.
     */
    public int secondsLeft(Instant at) {
        return (int) (stepSeconds - Math.floorMod(sinceT0(at.getEpochSecond()), stepSeconds));
    }

    /** The first instant of the time step containing {@code at}. */
    public Instant windowStart(Instant at) {
        return Instant.ofEpochSecond(t0 + counterAt(at) * stepSeconds);
    }

    /**
     * Whether {@code code} is the code for the step containing {@code at} or for one of the
     * {@code windowsEitherSide} steps before or after it.
     *
     * <p>The comparison takes the same time wherever the code differs and whichever step
     * matches: every step in the range is computed and compared in full.
     *
     * @param code the code to check; null or a code of the wrong length is simply wrong
     * @param windowsEitherSide how many steps of clock skew to allow each way; 0 for none
     * @throws IllegalArgumentException if {@code windowsEitherSide} is negative
     */
    public boolean verify(String code, Instant at, int windowsEitherSide) {
        Objects.requireNonNull(at, "at");
        if (windowsEitherSide < 0) {
            throw new IllegalArgumentException("windowsEitherSide must be 0 or more, was " + windowsEitherSide);
        }
        if (code == null || code.length() != digits) {
            return false; // the length is the public digits setting, so leaving early reveals nothing
        }
        long counter = counterAt(at);
        boolean matched = false;
        char[] expected = new char[digits];
        for (long c = counter - windowsEitherSide; c <= counter + windowsEitherSide; c++) {
            writeDigits(truncatedValue(c), expected);
            int diff = 0;
            for (int i = 0; i < digits; i++) {
                diff |= code.charAt(i) ^ expected[i];
            }
            matched |= diff == 0;
        }
        return matched;
    }

    /** The hash function. */
    public HmacAlgorithm algorithm() {
        return hmac.algorithm();
    }

    /** The number of digits in a code, 6 to 8. */
    public int digits() {
        return digits;
    }

    /** The length of a time step. */
    public Duration step() {
        return Duration.ofSeconds(stepSeconds);
    }

    /** The instant counting starts from (RFC 6238's T0). */
    public Instant t0() {
        return Instant.ofEpochSecond(t0);
    }

    /** The settings, never the key. */
    @Override
    public String toString() {
        return "TotpGenerator[algorithm=" + algorithm() + ", digits=" + digits + ", step=" + step()
                + ", t0=" + t0() + "]";
    }

    private long counterAt(long epochSeconds) {
        return Math.floorDiv(sinceT0(epochSeconds), stepSeconds);
    }

    private long sinceT0(long epochSeconds) {
        return Math.subtractExact(epochSeconds, t0);
    }

    /** RFC 4226 5.3: HMAC, dynamic truncation, modulo 10^digits. */
    private int truncatedValue(long counter) {
        return hmac.truncatedOfCounter(counter) % POWERS_OF_TEN[digits];
    }

    /**
     * {@code value} as exactly {@code digits} ASCII digits. Integer-to-text is the JDK's own
     * (locale-independent) and the concatenation allocates the result and nothing else: no
     * scratch array to copy from.
     */
    private String format(int value) {
        int length = 1;
        while (length < digits && value >= POWERS_OF_TEN[length]) {
            length++;
        }
        return ZEROS[digits - length] + value;
    }

    // by hand rather than String.format: a default locale with other digits (Arabic, Devanagari) must not leak in
    private static void writeDigits(int value, char[] into) {
        for (int i = into.length - 1; i >= 0; i--) {
            into[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /**
     * Settings for a {@link TotpGenerator}. Not thread-safe; {@link #build()} may be called more
     * than once.
     */
    public static final class Builder {
        private byte[] key;
        private HmacAlgorithm algorithm = HmacAlgorithm.SHA1;
        private int digits = DEFAULT_DIGITS;
        private long stepSeconds = DEFAULT_STEP.getSeconds();
        private long t0;

        private Builder() {
        }

        /**
         * The shared secret as raw bytes (required). The array is copied; the caller may wipe it.
         *
         * @throws IllegalArgumentException if empty
         */
        public Builder key(byte[] key) {
            Objects.requireNonNull(key, "key");
            if (key.length == 0) {
                throw new IllegalArgumentException("the TOTP key is empty");
            }
            wipeKey();
            this.key = key.clone();
            return this;
        }

        /**
         * The shared secret as Base32 text, as authenticator apps show it (an alternative to
         * {@link #key(byte[])}).
         *
         * @throws Base32Exception if the secret is not Base32 (the message never quotes it)
         * @throws IllegalArgumentException if the secret decodes to no bytes at all
         */
        public Builder secret(char[] secret) {
            Objects.requireNonNull(secret, "secret");
            char[] chars = secret.clone();
            byte[] decoded = null;
            try {
                decoded = Base32.decode(CharBuffer.wrap(chars));
                if (decoded.length == 0) {
                    throw new IllegalArgumentException("the TOTP secret is empty");
                }
                return key(decoded);
            } finally {
                Arrays.fill(chars, '\0');
                if (decoded != null) {
                    Arrays.fill(decoded, (byte) 0);
                }
            }
        }

        /** The hash function; {@link HmacAlgorithm#SHA1} unless set. */
        public Builder algorithm(HmacAlgorithm algorithm) {
            this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
            return this;
        }

        /**
         * Digits per code, 6 to 8 (RFC 4226 requires at least 6, and more than 8 would exceed
         * what the 31-bit truncated value can fill); 6 unless set.
         */
        public Builder digits(int digits) {
            if (digits < 6 || digits > 8) {
                throw new IllegalArgumentException("digits must be 6, 7 or 8, was " + digits);
            }
            this.digits = digits;
            return this;
        }

        /** The time step, a positive whole number of seconds; 30 s unless set. */
        public Builder step(Duration step) {
            Objects.requireNonNull(step, "step");
            if (step.isNegative() || step.isZero() || step.getNano() != 0 || step.getSeconds() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(
                        "step must be a whole number of seconds from 1 to " + Integer.MAX_VALUE + ", was " + step);
            }
            this.stepSeconds = step.getSeconds();
            return this;
        }

        /** The instant counting starts from, a whole second; the Unix epoch unless set. */
        public Builder t0(Instant t0) {
            Objects.requireNonNull(t0, "t0");
            if (t0.getNano() != 0) {
                throw new IllegalArgumentException("t0 must be a whole second, was " + t0);
            }
            this.t0 = t0.getEpochSecond();
            return this;
        }

        /** The instant counting starts from, in seconds since the Unix epoch; 0 unless set. */
        public Builder t0(long epochSeconds) {
            return t0(Instant.ofEpochSecond(epochSeconds));
        }

        /**
         * A generator with these settings.
         *
         * @throws IllegalStateException if no key was set
         */
        public TotpGenerator build() {
            if (key == null) {
                throw new IllegalStateException("a TOTP key is required: call key(...) or secret(...)");
            }
            return new TotpGenerator(new Hmac(algorithm, key), digits, stepSeconds, t0);
        }

        private void wipeKey() {
            if (key != null) {
                Arrays.fill(key, (byte) 0);
            }
        }
    }
}

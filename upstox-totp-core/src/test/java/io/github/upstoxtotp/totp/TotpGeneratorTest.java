package io.github.upstoxtotp.totp;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TotpGeneratorTest {
    static final String SECRET = "JBSWY3DPEHPK3PXP";
    static final byte[] KEY = Base32.decode(SECRET);

    private final TotpGenerator totp = TotpGenerator.builder().key(KEY).build();

    @Test
    void defaultsAreSha1SixDigitsThirtySecondsFromTheEpoch() {
        assertEquals(HmacAlgorithm.SHA1, totp.algorithm());
        assertEquals(6, totp.digits());
        assertEquals(Duration.ofSeconds(30), totp.step());
        assertEquals(Instant.EPOCH, totp.t0());
    }

    @Test
    void forBase32SecretDecodesTheSecretAndUsesTheDefaults() {
        TotpGenerator fromSecret = TotpGenerator.forBase32Secret("jbsw y3dp-ehpk 3pxp".toCharArray());
        for (long t = 0; t < 3_000; t += 7) {
            assertEquals(totp.generate(t), fromSecret.generate(t));
            assertEquals(reference(KEY, "HmacSHA1", 6, t / 30), fromSecret.generate(t));
        }
    }

    @Test
    void aBadSecretNamesThePositionButNotTheSecret() {
        Base32Exception e = assertThrows(Base32Exception.class,
                () -> TotpGenerator.forBase32Secret("JBSWY3DPEHPK3PX1".toCharArray()));
        assertEquals(16, e.position());
        assertFalse(e.getMessage().contains("JBSW"), e.getMessage());
        assertFalse(e.getMessage().contains("PX1"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "----"})
    void anEmptySecretIsRejected(String secret) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TotpGenerator.forBase32Secret(secret.toCharArray()));
        assertEquals("the TOTP secret is empty", e.getMessage());
    }

    @Test
    void keepsLeadingZeros() {
        int found = 0;
        for (long counter = 0; counter < 2_000; counter++) {
            String code = totp.hotp(counter);
            assertEquals(6, code.length());
            assertEquals(reference(KEY, "HmacSHA1", 6, counter), code);
            if (code.charAt(0) == '0') {
                found++;
            }
        }
        assertTrue(found > 50, "expected about a tenth of codes to start with 0, found " + found);
        assertEquals("07081804", TotpGenerator.builder().key("12345678901234567890".getBytes(US_ASCII))
                .digits(8).build().generate(1111111109L));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ar-SA-u-nu-arab", "ar-EG", "hi-IN-u-nu-deva", "th-TH-u-nu-thai", "fa-IR", "bn-BD-u-nu-beng"})
    void codesAreAsciiDigitsWhateverTheDefaultLocale(String tag) {
        Locale saved = Locale.getDefault();
        Locale savedFormat = Locale.getDefault(Locale.Category.FORMAT);
        try {
            Locale.setDefault(Locale.forLanguageTag(tag));
            for (int digits = 6; digits <= 8; digits++) {
                TotpGenerator generator = TotpGenerator.builder().key(KEY).digits(digits).build();
                for (long counter = 0; counter < 200; counter++) {
                    String code = generator.hotp(counter);
                    assertTrue(code.matches("[0-9]{" + digits + "}"), tag + ": " + code);
                    assertEquals(reference(KEY, "HmacSHA1", digits, counter), code);
                }
            }
        } finally {
            Locale.setDefault(saved);
            Locale.setDefault(Locale.Category.FORMAT, savedFormat);
        }
    }

    @Test
    void theLocaleTestIsMeaningful() {
        // if the JDK formats Devanagari digits for this locale, String.format would have been a bug
        String devanagari = String.format(Locale.forLanguageTag("hi-IN-u-nu-deva"), "%06d", 42);
        assertNotEquals("000042", devanagari);
    }

    @ParameterizedTest(name = "t={0}s -> {1}s left, window starts {2}")
    @CsvSource({
        "0,  30, 0",
        "1,  29, 0",
        "29, 1,  0",
        "30, 30, 30",
        "59, 1,  30",
        "60, 30, 60",
        "-1, 1,  -30",
        "-30, 30, -30",
    })
    void secondsLeftAndWindowStartAtTheBoundaries(long t, int left, long start) {
        assertEquals(left, totp.secondsLeft(Instant.ofEpochSecond(t)));
        assertEquals(Instant.ofEpochSecond(start), totp.windowStart(Instant.ofEpochSecond(t)));
        assertEquals(Instant.ofEpochSecond(start), totp.windowStart(Instant.ofEpochSecond(t, 999_999_999)));
        assertEquals(left, totp.secondsLeft(Instant.ofEpochSecond(t, 999_999_999)));
    }

    @Test
    void t0AndStepShiftTheWindows() {
        TotpGenerator shifted = TotpGenerator.builder().key(KEY).step(Duration.ofSeconds(60)).t0(10).build();
        assertEquals(0, shifted.counterAt(Instant.ofEpochSecond(10)));
        assertEquals(0, shifted.counterAt(Instant.ofEpochSecond(69)));
        assertEquals(1, shifted.counterAt(Instant.ofEpochSecond(70)));
        assertEquals(-1, shifted.counterAt(Instant.ofEpochSecond(9)));
        assertEquals(60, shifted.secondsLeft(Instant.ofEpochSecond(70)));
        assertEquals(1, shifted.secondsLeft(Instant.ofEpochSecond(69)));
        assertEquals(Instant.ofEpochSecond(70), shifted.windowStart(Instant.ofEpochSecond(100)));
        assertEquals(totp.hotp(1), shifted.generate(Instant.ofEpochSecond(70)));
        assertEquals(reference(KEY, "HmacSHA1", 6, -1), shifted.generate(9));
    }

    @Test
    void generateWithAClockUsesItsInstant() {
        Clock clock = Clock.fixed(Instant.ofEpochSecond(1_234_567_890), ZoneOffset.UTC);
        assertEquals(totp.generate(1_234_567_890L), totp.generate(clock));
    }

    @Test
    void verifyAcceptsTheCurrentWindowAndTheAllowedSkew() {
        Instant now = Instant.ofEpochSecond(1_700_000_015);
        long counter = totp.counterAt(now);
        assertTrue(totp.verify(totp.hotp(counter), now, 0));
        assertTrue(totp.verify(totp.hotp(counter), now, 1));
        assertTrue(totp.verify(totp.hotp(counter - 1), now, 1));
        assertTrue(totp.verify(totp.hotp(counter + 1), now, 1));
        assertFalse(totp.verify(totp.hotp(counter - 1), now, 0));
        assertFalse(totp.verify(totp.hotp(counter + 1), now, 0));
        assertFalse(totp.verify(totp.hotp(counter - 2), now, 1));
        assertFalse(totp.verify(totp.hotp(counter + 2), now, 1));
        assertTrue(totp.verify(totp.hotp(counter + 2), now, 2));
    }

    @Test
    void verifyRejectsMalformedCodes() {
        Instant now = Instant.ofEpochSecond(1_700_000_015);
        String good = totp.generate(now);
        assertFalse(totp.verify(null, now, 1));
        assertFalse(totp.verify("", now, 1));
        assertFalse(totp.verify(good.substring(1), now, 1));
        assertFalse(totp.verify(good + "0", now, 1));
        assertFalse(totp.verify(" " + good.substring(1), now, 1));
        // the same value in Devanagari digits is not the code
        StringBuilder devanagari = new StringBuilder();
        good.chars().forEach(c -> devanagari.append((char) ('\u0966' + (c - '0'))));
        assertFalse(totp.verify(devanagari.toString(), now, 1));
        assertThrows(IllegalArgumentException.class, () -> totp.verify(good, now, -1));
        assertThrows(NullPointerException.class, () -> totp.verify(good, null, 1));
    }

    @Test
    void theKeyIsCopied() {
        byte[] key = KEY.clone();
        TotpGenerator.Builder builder = TotpGenerator.builder().key(key);
        Arrays.fill(key, (byte) 0);
        TotpGenerator generator = builder.build();
        assertEquals(totp.hotp(7), generator.hotp(7));
    }

    @Test
    void toStringShowsTheSettingsButNeverTheKey() {
        String text = TotpGenerator.forBase32Secret(SECRET.toCharArray()).toString();
        assertEquals("TotpGenerator[algorithm=SHA1, digits=6, step=PT30S, t0=1970-01-01T00:00:00Z]", text);
        for (String form : new String[] {SECRET, SECRET.toLowerCase(Locale.ROOT), HexFormat.of().formatHex(KEY),
            HexFormat.of().withUpperCase().formatHex(KEY), Base64.getEncoder().encodeToString(KEY),
            Arrays.toString(KEY), new String(KEY, US_ASCII).substring(0, 5)}) {
            assertFalse(text.contains(form), form);
        }
    }

    @Test
    void builderRejectsBadSettings() {
        TotpGenerator.Builder builder = TotpGenerator.builder();
        assertThrows(IllegalStateException.class, builder::build);
        assertThrows(IllegalArgumentException.class, () -> builder.key(new byte[0]));
        assertThrows(NullPointerException.class, () -> builder.key(null));
        assertThrows(IllegalArgumentException.class, () -> builder.digits(5));
        assertThrows(IllegalArgumentException.class, () -> builder.digits(9));
        assertThrows(IllegalArgumentException.class, () -> builder.step(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> builder.step(Duration.ofSeconds(-30)));
        assertThrows(IllegalArgumentException.class, () -> builder.step(Duration.ofMillis(1500)));
        assertThrows(IllegalArgumentException.class, () -> builder.step(Duration.ofSeconds(Integer.MAX_VALUE + 1L)));
        assertThrows(IllegalArgumentException.class, () -> builder.t0(Instant.ofEpochSecond(0, 1)));
        assertThrows(NullPointerException.class, () -> builder.algorithm(null));
    }

    @ParameterizedTest
    @CsvSource({"SHA1, 6", "SHA1, 7", "SHA256, 6", "SHA256, 7", "SHA512, 6", "SHA512, 8"})
    void everyAlgorithmAndLengthMatchesAJcaMacReference(HmacAlgorithm algorithm, int digits) {
        byte[] key = new byte[algorithm.blockSize() + 17]; // longer than a block: hashed first
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (i * 31 + 7);
        }
        TotpGenerator generator = TotpGenerator.builder().key(key).algorithm(algorithm).digits(digits).build();
        for (long counter = 0; counter < 300; counter++) {
            assertEquals(reference(key, algorithm.jcaName(), digits, counter), generator.hotp(counter));
        }
    }

    /** RFC 4226 straight from the RFC's own Java sample, on {@code javax.crypto.Mac}. */
    static String reference(byte[] key, String macName, int digits, long counter) {
        try {
            Mac mac = Mac.getInstance(macName);
            mac.init(new SecretKeySpec(key, macName));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(counter).array());
            int offset = hash[hash.length - 1] & 0xf;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            int otp = binary % (int) Math.pow(10, digits);
            String text = Integer.toString(otp);
            while (text.length() < digits) {
                text = "0" + text;
            }
            return text;
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}

package io.github.upstoxtotp.totp;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The published test vectors: RFC 4226 Appendix D and RFC 6238 Appendix B. */
class RfcVectorsTest {
    private static final String SEED_20 = "12345678901234567890";
    private static final String SEED_32 = "12345678901234567890123456789012";
    private static final String SEED_64 = "1234567890123456789012345678901234567890123456789012345678901234";

    @ParameterizedTest(name = "HOTP counter {0} -> {1}")
    @CsvSource({
        "0, 755224", "1, 287082", "2, 359152", "3, 969429", "4, 338314",
        "5, 254676", "6, 287922", "7, 162583", "8, 399871", "9, 520489",
    })
    void matchesRfc4226AppendixD(long counter, String expected) {
        TotpGenerator hotp = TotpGenerator.builder().key(SEED_20.getBytes(US_ASCII)).build();
        assertEquals(expected, hotp.hotp(counter));
    }

    @ParameterizedTest(name = "{2} at {0} -> {1}")
    @CsvSource({
        "59,          94287082, SHA1",
        "59,          46119246, SHA256",
        "59,          90693936, SHA512",
        "1111111109,  07081804, SHA1",
        "1111111109,  68084774, SHA256",
        "1111111109,  25091201, SHA512",
        "1111111111,  14050471, SHA1",
        "1111111111,  67062674, SHA256",
        "1111111111,  99943326, SHA512",
        "1234567890,  89005924, SHA1",
        "1234567890,  91819424, SHA256",
        "1234567890,  93441116, SHA512",
        "2000000000,  69279037, SHA1",
        "2000000000,  90698825, SHA256",
        "2000000000,  38618901, SHA512",
        "20000000000, 65353130, SHA1",
        "20000000000, 77737706, SHA256",
        "20000000000, 47863826, SHA512",
    })
    void matchesRfc6238AppendixB(long epochSeconds, String expected, HmacAlgorithm algorithm) {
        TotpGenerator totp = TotpGenerator.builder()
                .key(seedFor(algorithm).getBytes(US_ASCII))
                .algorithm(algorithm)
                .digits(8)
                .build();
        assertEquals(expected, totp.generate(epochSeconds));
        assertEquals(expected, totp.generate(Instant.ofEpochSecond(epochSeconds)));
        assertEquals(expected, totp.generate(Instant.ofEpochSecond(epochSeconds, 999_999_999)));
        assertEquals(expected, totp.hotp(epochSeconds / 30));
        assertEquals(epochSeconds / 30, totp.counterAt(Instant.ofEpochSecond(epochSeconds)));
    }

    private static String seedFor(HmacAlgorithm algorithm) {
        switch (algorithm) {
            case SHA1:
                return SEED_20;
            case SHA256:
                return SEED_32;
            case SHA512:
                return SEED_64;
            default:
                throw new AssertionError(algorithm);
        }
    }
}

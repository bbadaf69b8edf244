package io.github.upstoxtotp.totp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.SplittableRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The hand-made HMAC must equal {@code javax.crypto.Mac} for every key length, short or over a block. */
class HmacTest {

    @ParameterizedTest
    @EnumSource(HmacAlgorithm.class)
    void equalsJcaMacForRandomKeysOf1To200Bytes(HmacAlgorithm algorithm) throws Exception {
        assertEqualsJca(algorithm, true);
    }

    @ParameterizedTest
    @EnumSource(HmacAlgorithm.class)
    void fallbackWithoutCloningEqualsJcaMacToo(HmacAlgorithm algorithm) throws Exception {
        assertEqualsJca(algorithm, false);
    }

    @ParameterizedTest
    @EnumSource(HmacAlgorithm.class)
    void macOfCounterIsTheMacOfTheBigEndianCounter(HmacAlgorithm algorithm) throws Exception {
        SplittableRandom random = new SplittableRandom(algorithm.ordinal());
        byte[] key = randomBytes(random, 20);
        Hmac hmac = new Hmac(algorithm, key);
        Mac mac = Mac.getInstance(algorithm.jcaName());
        mac.init(new SecretKeySpec(key, algorithm.jcaName()));
        for (long counter : new long[] {0, 1, 255, 256, 56_666_666L, Long.MAX_VALUE, -1, Long.MIN_VALUE}) {
            byte[] out = new byte[Math.max(8, algorithm.macLength())];
            hmac.macOfCounter(counter, out);
            byte[] expected = mac.doFinal(ByteBuffer.allocate(8).putLong(counter).array());
            assertArrayEquals(expected, Arrays.copyOf(out, algorithm.macLength()), "counter " + counter);
        }
    }

    @ParameterizedTest
    @EnumSource(HmacAlgorithm.class)
    void truncatedOfCounterIsRfc4226sDynamicTruncationOfTheJcaMac(HmacAlgorithm algorithm) throws Exception {
        // for SHA-1 this is the allocation-free path (Sha1's own compressions), so: every key
        // length, below, at and above a block, and counters with every truncation offset
        SplittableRandom random = new SplittableRandom(4226 + algorithm.ordinal());
        Mac mac = Mac.getInstance(algorithm.jcaName());
        int[] offsetsSeen = new int[16];
        for (int keyLength = 1; keyLength <= 200; keyLength++) {
            byte[] key = randomBytes(random, keyLength);
            Hmac hmac = new Hmac(algorithm, key);
            mac.init(new SecretKeySpec(key, algorithm.jcaName()));
            for (long counter : new long[] {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE, random.nextLong(),
                    random.nextLong(), random.nextLong(1L << 32), random.nextLong(1L << 32)}) {
                byte[] expected = mac.doFinal(ByteBuffer.allocate(8).putLong(counter).array());
                int offset = expected[expected.length - 1] & 0x0f;
                offsetsSeen[offset]++;
                int truncated = ByteBuffer.wrap(expected, offset, 4).getInt() & 0x7fffffff;
                assertEquals(truncated, hmac.truncatedOfCounter(counter),
                        algorithm + " key " + keyLength + " bytes, counter " + counter);
            }
        }
        for (int offset = 0; offset < 16; offset++) {
            assertTrue(offsetsSeen[offset] > 0, "offset " + offset + " never exercised");
        }
    }

    @ParameterizedTest
    @EnumSource(HmacAlgorithm.class)
    void knowsTheJcaNameAndSizes(HmacAlgorithm algorithm) throws Exception {
        assertEquals(algorithm.macLength(), Mac.getInstance(algorithm.jcaName()).getMacLength());
        assertEquals(algorithm.macLength(),
                java.security.MessageDigest.getInstance(algorithm.digestName()).getDigestLength());
        assertEquals("Hmac" + algorithm.name(), algorithm.jcaName());
    }

    private static void assertEqualsJca(HmacAlgorithm algorithm, boolean cloneStates) throws Exception {
        SplittableRandom random = new SplittableRandom(42 + algorithm.ordinal());
        Mac mac = Mac.getInstance(algorithm.jcaName());
        for (int keyLength = 1; keyLength <= 200; keyLength++) {
            byte[] key = randomBytes(random, keyLength);
            Hmac hmac = new Hmac(algorithm, key, cloneStates);
            mac.init(new SecretKeySpec(key, algorithm.jcaName()));
            for (int messageLength : new int[] {0, 8, random.nextInt(1, 300)}) {
                byte[] message = randomBytes(random, messageLength);
                byte[] out = new byte[algorithm.macLength()];
                hmac.mac(message, message.length, out);
                assertArrayEquals(mac.doFinal(message), out,
                        algorithm + " key " + keyLength + " bytes, message " + messageLength + " bytes");
            }
        }
    }

    private static byte[] randomBytes(SplittableRandom random, int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) random.nextInt(256);
        }
        return bytes;
    }
}

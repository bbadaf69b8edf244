package io.github.upstoxtotp.totp;

/**
 * SHA-1 compression (FIPS 180-4, 6.1.2) for HMAC-SHA1 of an 8-byte counter, the whole of an
 * RFC 4226 HOTP computation, without allocating anything and without {@code MessageDigest}.
 *
 * <p>HMAC-SHA1 of a counter is two SHA-1 compressions after the key blocks: the inner one over
 * the 8-byte counter and its padding, the outer one over the 20-byte inner hash and its padding.
 * The key blocks' own compressions are done once per key ({@link #compress(int[], byte[])}), and
 * their resulting states kept; per code, only the two message blocks are compressed here, with
 * the sixteen message-schedule words and the five working variables in local variables (the
 * rounds written out, variables renamed round by round instead of moved), so nothing is cloned
 * and nothing reaches the heap. Each message block is known but for its first words, so most
 * schedule words start as constants.
 *
 * <p>The 80 rounds of each block are written out (generated, then checked): round {@code t} is
 * {@code e = e + w[t mod 16] + K + f(b, c, d) + rotl(a, 5); b = rotl(b, 30)}, after which the
 * names shift ({@code e, a, b, c, d} play {@code a, b, c, d, e} in round {@code t + 1}) instead of
 * the values moving; from round 16, {@code w[t mod 16]} is first replaced by
 * {@code rotl(w[t-3] ^ w[t-8] ^ w[t-14] ^ w[t-16], 1)}. The known terms are added first and
 * {@code rotl(a, 5)}, the newest value, last, which keeps each round's dependency chain short.
 * {@code HmacTest} checks the result against {@code javax.crypto.Mac} for keys of every length
 * and counters with every truncation offset.
 *
 * <p>Why not {@code MessageDigest}: its only way to copy a state is {@code clone()}, an allocation
 * per code; this path allocates nothing. The JDK's SHA-1 is faster per block on CPUs with SHA
 * instructions (see BENCHMARKS.md, benchmark 1).
 */
final class Sha1 {
    /** The SHA-1 initial hash value H(0). */
    static final int[] INITIAL_STATE = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0};
    /** Bits hashed by the inner hash: the key block and the 8-byte counter. */
    private static final int INNER_BITS = (64 + 8) * 8;
    /** Bits hashed by the outer hash: the key block and the 20-byte inner hash. */
    private static final int OUTER_BITS = (64 + 20) * 8;

    private Sha1() {
    }

    /**
     * One compression of a whole 64-byte block into a copy of {@code state}: for the key blocks,
     * once per key. Straightforward rather than fast.
     */
    static int[] compress(int[] state, byte[] block) {
        int[] w = new int[80];
        for (int t = 0; t < 16; t++) {
            w[t] = (block[4 * t] & 0xff) << 24 | (block[4 * t + 1] & 0xff) << 16
                    | (block[4 * t + 2] & 0xff) << 8 | (block[4 * t + 3] & 0xff);
        }
        for (int t = 16; t < 80; t++) {
            w[t] = Integer.rotateLeft(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1);
        }
        int a = state[0];
        int b = state[1];
        int c = state[2];
        int d = state[3];
        int e = state[4];
        for (int t = 0; t < 80; t++) {
            int f;
            int k;
            if (t < 20) {
                f = (b & c) | (~b & d);
                k = 0x5a827999;
            } else if (t < 40) {
                f = b ^ c ^ d;
                k = 0x6ed9eba1;
            } else if (t < 60) {
                f = (b & c) | (b & d) | (c & d);
                k = 0x8f1bbcdc;
            } else {
                f = b ^ c ^ d;
                k = 0xca62c1d6;
            }
            int temp = Integer.rotateLeft(a, 5) + f + e + k + w[t];
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = temp;
        }
        return new int[] {state[0] + a, state[1] + b, state[2] + c, state[3] + d, state[4] + e};
    }

    /**
     * RFC 4226 5.3 for HMAC-SHA1: the HMAC of {@code counter} (8 bytes, big-endian), dynamically
     * truncated to 31 bits. {@code inner} and {@code outer} are the states after the key XOR
     * ipad and the key XOR opad blocks; neither is changed.
     */
    static int truncatedHmacOfCounter(int[] inner, int[] outer, long counter) {
        int a = inner[0];
        int b = inner[1];
        int c = inner[2];
        int d = inner[3];
        int e = inner[4];
        // the block: the counter, the 0x80 end marker, zeros, the length in bits
        int w0 = (int) (counter >>> 32);
        int w1 = (int) counter;
        int w2 = 0x80000000;
        int w3 = 0;
        int w4 = 0;
        int w5 = 0;
        int w6 = 0;
        int w7 = 0;
        int w8 = 0;
        int w9 = 0;
        int w10 = 0;
        int w11 = 0;
        int w12 = 0;
        int w13 = 0;
        int w14 = 0;
        int w15 = INNER_BITS;
        e = e + w0 + 0x5a827999 + (d ^ (b & (c ^ d))) + Integer.rotateLeft(a, 5);
        b = Integer.rotateLeft(b, 30);
        d = d + w1 + 0x5a827999 + (c ^ (a & (b ^ c))) + Integer.rotateLeft(e, 5);
        a = Integer.rotateLeft(a, 30);
        c = c + w2 + 0x5a827999 + (b ^ (e & (a ^ b))) + Integer.rotateLeft(d, 5);
        e = Integer.rotateLeft(e, 30);
        b = b + w3 + 0x5a827999 + (a ^ (d & (e ^ a))) + Integer.rotateLeft(c, 5);
        d = Integer.rotateLeft(d, 30);
        a = a + w4 + 0x5a827999 + (e ^ (c & (d ^ e))) + Integer.rotateLeft(b, 5);
        c = Integer.rotateLeft(c, 30);
        e = e + w5 + 0x5a827999 + (d ^ (b & (c ^ d))) + Integer.rotateLeft(a, 5);
        b = Integer.rotateLeft(b, 30);
        d = d + w6 + 0x5a827999 + (c ^ (a & (b ^ c))) + Integer.rotateLeft(e, 5);
        a = Integer.rotateLeft(a, 30);
        c = c + w7 + 0x5a827999 + (b ^ (e & (a ^ b))) + Integer.rotateLeft(d, 5);
        e = Integer.rotateLeft(e, 30);
        b = b + w8 + 0x5a827999 + (a ^ (d & (e ^ a))) + Integer.rotateLeft(c, 5);
        d = Integer.rotateLeft(d, 30);
        a = a + w9 + 0x5a827999 + (e ^ (c & (d ^ e))) + Integer.rotateLeft(b, 5);
        c = Integer.rotateLeft(c, 30);
        e = e + w10 + 0x5a827999 + (d ^ (b & (c ^ d))) + Integer.rotateLeft(a, 5);
        b = Integer.rotateLeft(b, 30);
        d = d + w11 + 0x5a827999 + (c ^ (a & (b ^ c))) + Integer.rotateLeft(e, 5);
        a = Integer.rotateLeft(a, 30);
        c = c + w12 + 0x5a827999 + (b ^ (e & (a ^ b))) + Integer.rotateLeft(d, 5);
        e = Integer.rotateLeft(e, 30);
        b = b + w13 + 0x5a827999 + (a ^ (d & (e ^ a))) + Integer.rotateLeft(c, 5);
        d = Integer.rotateLeft(d, 30);
        a = a + w14 + 0x5a827999 + (e ^ (c & (d ^ e))) + Integer.rotateLeft(b, 5);
        c = Integer.rotateLeft(c, 30);
        e = e + w15 + 0x5a827999 + (d ^ (b & (c ^ d))) + Integer.rotateLeft(a, 5);
        b = Integer.rotateLeft(b, 30);
        w0 = Integer.rotateLeft(w13 ^ w8 ^ w2 ^ w0, 1);
        d = d + w0 + 0x5a827999 + (c ^ (a & (b ^ c))) + Integer.rotateLeft(e, 5);
        a = Integer.rotateLeft(a, 30);
        w1 = Integer.rotateLeft(w14 ^ w9 ^ w3 ^ w1, 1);
        c = c + w1 + 0x5a827999 + (b ^ (e & (a ^ b))) + Integer.rotateLeft(d, 5);
        e = Integer.rotateLeft(e, 30);
        w2 = Integer.rotateLeft(w15 ^ w10 ^ w4 ^ w2, 1);
        b = b + w2 + 0x5a827999 + (a ^ (d & (e ^ a))) + Integer.rotateLeft(c, 5);
        d = Integer.rotateLeft(d, 30);
        w3 = Integer.rotateLeft(w0 ^ w11 ^ w5 ^ w3, 1);
        a = a + w3 + 0x5a827999 + (e ^ (c & (d ^ e))) + Integer.rotateLeft(b, 5);
        c = Integer.rotateLeft(c, 30);
        w4 = Integer.rotateLeft(w1 ^ w12 ^ w6 ^ w4, 1);
        e = e + w4 + 0x6ed9eba1 + (b ^ c ^ d) + Integer.rotateLeft(a, 5);
        b = Integer.rotateLeft(b, 30);
        w5 = Integer.rotateLeft(w2 ^ w13 ^ w7 ^ w5, 1);
        d = d + w5 + 0x6ed9eba1 + (a ^ b ^ c) + Integer.rotateLeft(e, 5);
        a = Integer.rotateLeft(a, 30);
        w6 = Integer.rotateLeft(w3 ^ w14 ^ w8 ^ w6, 1);
        c = c + w6 + 0x6ed9eba1 + (e ^ a ^ b) + Integer.rotateLeft(d, 5);
        e = Integer.rotateLeft(e, 30);
        w7 = Integer.rotateLeft(w4 ^ w15 ^ w9 ^ w7, 1);
        b = b + w7 + 0x6ed9eba1 + (d ^ e ^ a) + Integer.rotateLeft(c, 5);
        d = Integer.rotateLeft(d, 30);
        w8 = Integer.rotateLeft(w5 ^ w0 ^ w10 ^ w8, 1);
        a = a + w8 + 0x6ed9eba1 + (c ^ d ^ e) + Integer.rotateLeft(b, 5);
        c = Integer.rotateLeft(c, 30);
        w9 = Integer.rotateLeft(w6 ^ w1 ^ w11 ^ w9, 1);
        e = e + w9 + 0x6ed9eba1 + (b ^ c ^ d) + Integer.rotateLeft(a, 5);
        b = Integer.rotateLeft(b, 30);
        w10 = Integer.rotateLeft(w7 ^ w2 ^ w12 ^ w10, 1);
        d = d + w10 + 0x6ed9eba1 + (a ^ b ^ c) + Integer.rotateLeft(e, 5);
        a = Integer.rotateLeft(a, 30);
        w11 = Integer.rotateLeft(w8 ^ w3 ^ w13 ^ w11, 1);
        c = c + w11 + 0x6ed9eba1 + (e ^ a ^ b) + Integer.rotateLeft(d, 5);
        e = Integer.rotateLeft(e, 30);
        w12 = Integer.rotateLeft(w9 ^ w4 ^ w14 ^ w12, 1);
        b = b + w12 + 0x6ed9eba1 + (d ^ e ^ a) + Integer.rotateLeft(c, 5);
        d = Integer.rotateLeft(d, 30);
        w13 = Integer.rotateLeft(w10 ^ w5 ^ w15 ^ w13, 1);
        a = a + w13 + 0x6ed9eba1 + (c ^ d ^ e) + Integer.rotateLeft(b, 5);
        c = Integer.rotateLeft(c, 30);
        w14 = Integer.rotateLeft(w11 ^ w6 ^ w0 ^ w14, 1);
        e = e + w14 + 0x6ed9eba1 + (b ^ c ^ d) + Integer.rotateLeft(a, 5);
        b = Integer.rotateLeft(b, 30);
        w15 = Integer.rotateLeft(w12 ^ w7 ^ w1 ^ w15, 1);
        d = d + w15 + 0x6ed9eba1 + (a ^ b ^ c) + Integer.rotateLeft(e, 5);
        a = Integer.rotateLeft(a, 30);
        w0 = Integer.rotateLeft(w13 ^ w8 ^ w2 ^ w0, 1);
        c = c + w0 + 0x6ed9eba1 + (e ^ a ^ b) + Integer.rotateLeft(d, 5);
        e = Integer.rotateLeft(e, 30);
        w1 = Integer.rotateLeft(w14 ^ w9 ^ w3 ^ w1, 1);
        b = b + w1 + 0x6ed9eba1 + (d ^ e ^ a) + Integer.rotateLeft(c, 5);
        d = Integer.rotateLeft(d, 30);
        w2 = Integer.rotateLeft(w15 ^ w10 ^ w4 ^ w2, 1);
        a = a + w2 + 0x6ed9eba1 + (c ^ d ^ e) + Integer.rotateLeft(b, 5);
        c = Integer.rotateLeft(c, 30);
        w3 = Integer.rotateLeft(w0 ^ w11 ^ w5 ^ w3, 1);
        e = e + w3 + 0x6ed9eba1 + (b ^ c ^ d) + Integer.rotateLeft(a, 5);
        b = Integer.rotateLeft(b, 30);
        w4 = Integer.rotateLeft(w1 ^ w12 ^ w6 ^ w4, 1);
        d = d + w4 + 0x6ed9eba1 + (a ^ b ^ c) + Integer.rotateLeft(e, 5);
        a = Integer.rotateLeft(a, 30);
        w5 = Integer.rotateLeft(w2 ^ w13 ^ w7 ^ w5, 1);
        c = c + w5 + 0x6ed9eba1 + (e ^ a ^ b) + Integer.rotateLeft(d, 5);
        e = Integer.rotateLeft(e, 30);
        w6 = Integer.rotateLeft(w3 ^ w14 ^ w8 ^ w6, 1);
        b = b + w6 + 0x6ed9eba1 + (d ^ e ^ a) + Integer.rotateLeft(c, 5);
        d = Integer.rotateLeft(d, 30);
        w7 = Integer.rotateLeft(w4 ^ w15 ^ w9 ^ w7, 1);
        a = a + w7 + 0x6ed9eba1 + (c ^ d ^ e) + Integer.rotateLeft(b, 5);
        c = Integer.rotateLeft(c, 30);
        w8 = Integer.rotateLeft(w5 ^ w0 ^ w10 ^ w8, 1);
        e = e + w8 + 0x8f1bbcdc + ((b & c) | (d & (b | c))) + Integer.rotateLeft(a, 5);
        b = Integer.rotateLeft(b, 30);
        w9 = Integer.rotateLeft(w6 ^ w1 ^ w11 ^ w9, 1);
        d = d + w9 + 0x8f1bbcdc + ((a & b) | (c & (a | b))) + Integer.rotateLeft(e, 5);
        a = Integer.rotateLeft(a, 30);
        w10 = Integer.rotateLeft(w7 ^ w2 ^ w12 ^ w10, 1);
        c = c + w10 + 0x8f1bbcdc + ((e & a) | (b & (e | a))) + Integer.rotateLeft(d, 5);
        e = Integer.rotateLeft(e, 30);
        w11 = Integer.rotateLeft(w8 ^ w3 ^ w13 ^ w11, 1);
        b = b + w11 + 0x8f1bbcdc + ((d & e) | (a & (d | e))) + Integer.rotateLeft(c, 5);
        d = Integer.rotateLeft(d, 30);
        w12 = Integer.rotateLeft(w9 ^ w4 ^ w14 ^ w12, 1);
        a = a + w12 + 0x8f1bbcdc + ((c & d) | (e & (c | d))) + Integer.rotateLeft(b, 5);
        c = Integer.rotateLeft(c, 30);
        w13 = Integer.rotateLeft(w10 ^ w5 ^ w15 ^ w13, 1);
        e = e + w13 + 0x8f1bbcdc + ((b & c) | (d & (b | c))) + Integer.rotateLeft(a, 5);
        b = Integer.rotateLeft(b, 30);
        w14 = Integer.rotateLeft(w11 ^ w6 ^ w0 ^ w14, 1);
        d = d + w14 + 0x8f1bbcdc + ((a & b) | (c & (a | b))) + Integer.rotateLeft(e, 5);
        a = Integer.rotateLeft(a, 30);
        w15 = Integer.rotateLeft(w12 ^ w7 ^ w1 ^ w15, 1);
        c = c + w15 + 0x8f1bbcdc + ((e & a) | (b & (e | a))) + Integer.rotateLeft(d, 5);
        e = Integer.rotateLeft(e, 30);
        w0 = Integer.rotateLeft(w13 ^ w8 ^ w2 ^ w0, 1);
        b = b + w0 + 0x8f1bbcdc + ((d & e) | (a & (d | e))) + Integer.rotateLeft(c, 5);
        d = Integer.rotateLeft(d, 30);
        w1 = Integer.rotateLeft(w14 ^ w9 ^ w3 ^ w1, 1);
        a = a + w1 + 0x8f1bbcdc + ((c & d) | (e & (c | d))) + Integer.rotateLeft(b, 5);
        c = Integer.rotateLeft(c, 30);
        w2 = Integer.rotateLeft(w15 ^ w10 ^ w4 ^ w2, 1);
        e = e + w2 + 0x8f1bbcdc + ((b & c) | (d & (b | c))) + Integer.rotateLeft(a, 5);
        b = Integer.rotateLeft(b, 30);
        w3 = Integer.rotateLeft(w0 ^ w11 ^ w5 ^ w3, 1);
        d = d + w3 + 0x8f1bbcdc + ((a & b) | (c & (a | b))) + Integer.rotateLeft(e, 5);
        a = Integer.rotateLeft(a, 30);
        w4 = Integer.rotateLeft(w1 ^ w12 ^ w6 ^ w4, 1);
        c = c + w4 + 0x8f1bbcdc + ((e & a) | (b & (e | a))) + Integer.rotateLeft(d, 5);
        e = Integer.rotateLeft(e, 30);
        w5 = Integer.rotateLeft(w2 ^ w13 ^ w7 ^ w5, 1);
        b = b + w5 + 0x8f1bbcdc + ((d & e) | (a & (d | e))) + Integer.rotateLeft(c, 5);
        d = Integer.rotateLeft(d, 30);
        w6 = Integer.rotateLeft(w3 ^ w14 ^ w8 ^ w6, 1);
        a = a + w6 + 0x8f1bbcdc + ((c & d) | (e & (c | d))) + Integer.rotateLeft(b, 5);
        c = Integer.rotateLeft(c, 30);
        w7 = Integer.rotateLeft(w4 ^ w15 ^ w9 ^ w7, 1);
        e = e + w7 + 0x8f1bbcdc + ((b & c) | (d & (b | c))) + Integer.rotateLeft(a, 5);
        b = Integer.rotateLeft(b, 30);
        w8 = Integer.rotateLeft(w5 ^ w0 ^ w10 ^ w8, 1);
        d = d + w8 + 0x8f1bbcdc + ((a & b) | (c & (a | b))) + Integer.rotateLeft(e, 5);
        a = Integer.rotateLeft(a, 30);
        w9 = Integer.rotateLeft(w6 ^ w1 ^ w11 ^ w9, 1);
        c = c + w9 + 0x8f1bbcdc + ((e & a) | (b & (e | a))) + Integer.rotateLeft(d, 5);
        e = Integer.rotateLeft(e, 30);
        w10 = Integer.rotateLeft(w7 ^ w2 ^ w12 ^ w10, 1);
        b = b + w10 + 0x8f1bbcdc + ((d & e) | (a & (d | e))) + Integer.rotateLeft(c, 5);
        d = Integer.rotateLeft(d, 30);
        w11 = Integer.rotateLeft(w8 ^ w3 ^ w13 ^ w11, 1);
        a = a + w11 + 0x8f1bbcdc + ((c & d) | (e & (c | d))) + Integer.rotateLeft(b, 5);
        c = Integer.rotateLeft(c, 30);
        w12 = Integer.rotateLeft(w9 ^ w4 ^ w14 ^ w12, 1);
        e = e + w12 + 0xca62c1d6 + (b ^ c ^ d) + Integer.rotateLeft(a, 5);
        b = Integer.rotateLeft(b, 30);
        w13 = Integer.rotateLeft(w10 ^ w5 ^ w15 ^ w13, 1);
        d = d + w13 + 0xca62c1d6 + (a ^ b ^ c) + Integer.rotateLeft(e, 5);
        a = Integer.rotateLeft(a, 30);
        w14 = Integer.rotateLeft(w11 ^ w6 ^ w0 ^ w14, 1);
        c = c + w14 + 0xca62c1d6 + (e ^ a ^ b) + Integer.rotateLeft(d, 5);
        e = Integer.rotateLeft(e, 30);
        w15 = Integer.rotateLeft(w12 ^ w7 ^ w1 ^ w15, 1);
        b = b + w15 + 0xca62c1d6 + (d ^ e ^ a) + Integer.rotateLeft(c, 5);
        d = Integer.rotateLeft(d, 30);
        w0 = Integer.rotateLeft(w13 ^ w8 ^ w2 ^ w0, 1);
        a = a + w0 + 0xca62c1d6 + (c ^ d ^ e) + Integer.rotateLeft(b, 5);
        c = Integer.rotateLeft(c, 30);
        w1 = Integer.rotateLeft(w14 ^ w9 ^ w3 ^ w1, 1);
        e = e + w1 + 0xca62c1d6 + (b ^ c ^ d) + Integer.rotateLeft(a, 5);
        b = Integer.rotateLeft(b, 30);
        w2 = Integer.rotateLeft(w15 ^ w10 ^ w4 ^ w2, 1);
        d = d + w2 + 0xca62c1d6 + (a ^ b ^ c) + Integer.rotateLeft(e, 5);
        a = Integer.rotateLeft(a, 30);
        w3 = Integer.rotateLeft(w0 ^ w11 ^ w5 ^ w3, 1);
        c = c + w3 + 0xca62c1d6 + (e ^ a ^ b) + Integer.rotateLeft(d, 5);
        e = Integer.rotateLeft(e, 30);
        w4 = Integer.rotateLeft(w1 ^ w12 ^ w6 ^ w4, 1);
        b = b + w4 + 0xca62c1d6 + (d ^ e ^ a) + Integer.rotateLeft(c, 5);
        d = Integer.rotateLeft(d, 30);
        w5 = Integer.rotateLeft(w2 ^ w13 ^ w7 ^ w5, 1);
        a = a + w5 + 0xca62c1d6 + (c ^ d ^ e) + Integer.rotateLeft(b, 5);
        c = Integer.rotateLeft(c, 30);
        w6 = Integer.rotateLeft(w3 ^ w14 ^ w8 ^ w6, 1);
        e = e + w6 + 0xca62c1d6 + (b ^ c ^ d) + Integer.rotateLeft(a, 5);
        b = Integer.rotateLeft(b, 30);
        w7 = Integer.rotateLeft(w4 ^ w15 ^ w9 ^ w7, 1);
        d = d + w7 + 0xca62c1d6 + (a ^ b ^ c) + Integer.rotateLeft(e, 5);
        a = Integer.rotateLeft(a, 30);
        w8 = Integer.rotateLeft(w5 ^ w0 ^ w10 ^ w8, 1);
        c = c + w8 + 0xca62c1d6 + (e ^ a ^ b) + Integer.rotateLeft(d, 5);
        e = Integer.rotateLeft(e, 30);
        w9 = Integer.rotateLeft(w6 ^ w1 ^ w11 ^ w9, 1);
        b = b + w9 + 0xca62c1d6 + (d ^ e ^ a) + Integer.rotateLeft(c, 5);
        d = Integer.rotateLeft(d, 30);
        w10 = Integer.rotateLeft(w7 ^ w2 ^ w12 ^ w10, 1);
        a = a + w10 + 0xca62c1d6 + (c ^ d ^ e) + Integer.rotateLeft(b, 5);
        c = Integer.rotateLeft(c, 30);
        w11 = Integer.rotateLeft(w8 ^ w3 ^ w13 ^ w11, 1);
        e = e + w11 + 0xca62c1d6 + (b ^ c ^ d) + Integer.rotateLeft(a, 5);
        b = Integer.rotateLeft(b, 30);
        w12 = Integer.rotateLeft(w9 ^ w4 ^ w14 ^ w12, 1);
        d = d + w12 + 0xca62c1d6 + (a ^ b ^ c) + Integer.rotateLeft(e, 5);
        a = Integer.rotateLeft(a, 30);
        w13 = Integer.rotateLeft(w10 ^ w5 ^ w15 ^ w13, 1);
        c = c + w13 + 0xca62c1d6 + (e ^ a ^ b) + Integer.rotateLeft(d, 5);
        e = Integer.rotateLeft(e, 30);
        w14 = Integer.rotateLeft(w11 ^ w6 ^ w0 ^ w14, 1);
        b = b + w14 + 0xca62c1d6 + (d ^ e ^ a) + Integer.rotateLeft(c, 5);
        d = Integer.rotateLeft(d, 30);
        w15 = Integer.rotateLeft(w12 ^ w7 ^ w1 ^ w15, 1);
        a = a + w15 + 0xca62c1d6 + (c ^ d ^ e) + Integer.rotateLeft(b, 5);
        c = Integer.rotateLeft(c, 30);
        return outer(outer, inner[0] + a, inner[1] + b, inner[2] + c, inner[3] + d, inner[4] + e);
    }

    /** The outer hash over the inner hash {@code m0..m4}, then the dynamic truncation. */
    private static int outer(int[] outer, int m0, int m1, int m2, int m3, int m4) {
        int a = outer[0];
        int b = outer[1];
        int c = outer[2];
        int d = outer[3];
        int e = outer[4];
        int w0 = m0;
        int w1 = m1;
        int w2 = m2;
        int w3 = m3;
        int w4 = m4;
        int w5 = 0x80000000;
        int w6 = 0;
        int w7 = 0;
        int w8 = 0;
        int w9 = 0;
        int w10 = 0;
        int w11 = 0;
        int w12 = 0;
        int w13 = 0;
        int w14 = 0;
        int w15 = OUTER_BITS;
        e = e + w0 + 0x5a827999 + (d ^ (b & (c ^ d))) + Integer.rotateLeft(a, 5);
        b = Integer.rotateLeft(b, 30);
        d = d + w1 + 0x5a827999 + (c ^ (a & (b ^ c))) + Integer.rotateLeft(e, 5);
        a = Integer.rotateLeft(a, 30);
        c = c + w2 + 0x5a827999 + (b ^ (e & (a ^ b))) + Integer.rotateLeft(d, 5);
        e = Integer.rotateLeft(e, 30);
        b = b + w3 + 0x5a827999 + (a ^ (d & (e ^ a))) + Integer.rotateLeft(c, 5);
        d = Integer.rotateLeft(d, 30);
        a = a + w4 + 0x5a827999 + (e ^ (c & (d ^ e))) + Integer.rotateLeft(b, 5);
        c = Integer.rotateLeft(c, 30);
        e = e + w5 + 0x5a827999 + (d ^ (b & (c ^ d))) + Integer.rotateLeft(a, 5);
        b = Integer.rotateLeft(b, 30);
        d = d + w6 + 0x5a827999 + (c ^ (a & (b ^ c))) + Integer.rotateLeft(e, 5);
        a = Integer.rotateLeft(a, 30);
        c = c + w7 + 0x5a827999 + (b ^ (e & (a ^ b))) + Integer.rotateLeft(d, 5);
        e = Integer.rotateLeft(e, 30);
        b = b + w8 + 0x5a827999 + (a ^ (d & (e ^ a))) + Integer.rotateLeft(c, 5);
        d = Integer.rotateLeft(d, 30);
        a = a + w9 + 0x5a827999 + (e ^ (c & (d ^ e))) + Integer.rotateLeft(b, 5);
        c = Integer.rotateLeft(c, 30);
        e = e + w10 + 0x5a827999 + (d ^ (b & (c ^ d))) + Integer.rotateLeft(a, 5);
        b = Integer.rotateLeft(b, 30);
        d = d + w11 + 0x5a827999 + (c ^ (a & (b ^ c))) + Integer.rotateLeft(e, 5);
        a = Integer.rotateLeft(a, 30);
        c = c + w12 + 0x5a827999 + (b ^ (e & (a ^ b))) + Integer.rotateLeft(d, 5);
        e = Integer.rotateLeft(e, 30);
        b = b + w13 + 0x5a827999 + (a ^ (d & (e ^ a))) + Integer.rotateLeft(c, 5);
        d = Integer.rotateLeft(d, 30);
        a = a + w14 + 0x5a827999 + (e ^ (c & (d ^ e))) + Integer.rotateLeft(b, 5);
        c = Integer.rotateLeft(c, 30);
        e = e + w15 + 0x5a827999 + (d ^ (b & (c ^ d))) + Integer.rotateLeft(a, 5);
        b = Integer.rotateLeft(b, 30);
        w0 = Integer.rotateLeft(w13 ^ w8 ^ w2 ^ w0, 1);
        d = d + w0 + 0x5a827999 + (c ^ (a & (b ^ c))) + Integer.rotateLeft(e, 5);
        a = Integer.rotateLeft(a, 30);
        w1 = Integer.rotateLeft(w14 ^ w9 ^ w3 ^ w1, 1);
        c = c + w1 + 0x5a827999 + (b ^ (e & (a ^ b))) + Integer.rotateLeft(d, 5);
        e = Integer.rotateLeft(e, 30);
        w2 = Integer.rotateLeft(w15 ^ w10 ^ w4 ^ w2, 1);
        b = b + w2 + 0x5a827999 + (a ^ (d & (e ^ a))) + Integer.rotateLeft(c, 5);
        d = Integer.rotateLeft(d, 30);
        w3 = Integer.rotateLeft(w0 ^ w11 ^ w5 ^ w3, 1);
        a = a + w3 + 0x5a827999 + (e ^ (c & (d ^ e))) + Integer.rotateLeft(b, 5);
        c = Integer.rotateLeft(c, 30);
        w4 = Integer.rotateLeft(w1 ^ w12 ^ w6 ^ w4, 1);
        e = e + w4 + 0x6ed9eba1 + (b ^ c ^ d) + Integer.rotateLeft(a, 5);
        b = Integer.rotateLeft(b, 30);
        w5 = Integer.rotateLeft(w2 ^ w13 ^ w7 ^ w5, 1);
        d = d + w5 + 0x6ed9eba1 + (a ^ b ^ c) + Integer.rotateLeft(e, 5);
        a = Integer.rotateLeft(a, 30);
        w6 = Integer.rotateLeft(w3 ^ w14 ^ w8 ^ w6, 1);
        c = c + w6 + 0x6ed9eba1 + (e ^ a ^ b) + Integer.rotateLeft(d, 5);
        e = Integer.rotateLeft(e, 30);
        w7 = Integer.rotateLeft(w4 ^ w15 ^ w9 ^ w7, 1);
        b = b + w7 + 0x6ed9eba1 + (d ^ e ^ a) + Integer.rotateLeft(c, 5);
        d = Integer.rotateLeft(d, 30);
        w8 = Integer.rotateLeft(w5 ^ w0 ^ w10 ^ w8, 1);
        a = a + w8 + 0x6ed9eba1 + (c ^ d ^ e) + Integer.rotateLeft(b, 5);
        c = Integer.rotateLeft(c, 30);
        w9 = Integer.rotateLeft(w6 ^ w1 ^ w11 ^ w9, 1);
        e = e + w9 + 0x6ed9eba1 + (b ^ c ^ d) + Integer.rotateLeft(a, 5);
        b = Integer.rotateLeft(b, 30);
        w10 = Integer.rotateLeft(w7 ^ w2 ^ w12 ^ w10, 1);
        d = d + w10 + 0x6ed9eba1 + (a ^ b ^ c) + Integer.rotateLeft(e, 5);
        a = Integer.rotateLeft(a, 30);
        w11 = Integer.rotateLeft(w8 ^ w3 ^ w13 ^ w11, 1);
        c = c + w11 + 0x6ed9eba1 + (e ^ a ^ b) + Integer.rotateLeft(d, 5);
        e = Integer.rotateLeft(e, 30);
        w12 = Integer.rotateLeft(w9 ^ w4 ^ w14 ^ w12, 1);
        b = b + w12 + 0x6ed9eba1 + (d ^ e ^ a) + Integer.rotateLeft(c, 5);
        d = Integer.rotateLeft(d, 30);
        w13 = Integer.rotateLeft(w10 ^ w5 ^ w15 ^ w13, 1);
        a = a + w13 + 0x6ed9eba1 + (c ^ d ^ e) + Integer.rotateLeft(b, 5);
        c = Integer.rotateLeft(c, 30);
        w14 = Integer.rotateLeft(w11 ^ w6 ^ w0 ^ w14, 1);
        e = e + w14 + 0x6ed9eba1 + (b ^ c ^ d) + Integer.rotateLeft(a, 5);
        b = Integer.rotateLeft(b, 30);
        w15 = Integer.rotateLeft(w12 ^ w7 ^ w1 ^ w15, 1);
        d = d + w15 + 0x6ed9eba1 + (a ^ b ^ c) + Integer.rotateLeft(e, 5);
        a = Integer.rotateLeft(a, 30);
        w0 = Integer.rotateLeft(w13 ^ w8 ^ w2 ^ w0, 1);
        c = c + w0 + 0x6ed9eba1 + (e ^ a ^ b) + Integer.rotateLeft(d, 5);
        e = Integer.rotateLeft(e, 30);
        w1 = Integer.rotateLeft(w14 ^ w9 ^ w3 ^ w1, 1);
        b = b + w1 + 0x6ed9eba1 + (d ^ e ^ a) + Integer.rotateLeft(c, 5);
        d = Integer.rotateLeft(d, 30);
        w2 = Integer.rotateLeft(w15 ^ w10 ^ w4 ^ w2, 1);
        a = a + w2 + 0x6ed9eba1 + (c ^ d ^ e) + Integer.rotateLeft(b, 5);
        c = Integer.rotateLeft(c, 30);
        w3 = Integer.rotateLeft(w0 ^ w11 ^ w5 ^ w3, 1);
        e = e + w3 + 0x6ed9eba1 + (b ^ c ^ d) + Integer.rotateLeft(a, 5);
        b = Integer.rotateLeft(b, 30);
        w4 = Integer.rotateLeft(w1 ^ w12 ^ w6 ^ w4, 1);
        d = d + w4 + 0x6ed9eba1 + (a ^ b ^ c) + Integer.rotateLeft(e, 5);
        a = Integer.rotateLeft(a, 30);
        w5 = Integer.rotateLeft(w2 ^ w13 ^ w7 ^ w5, 1);
        c = c + w5 + 0x6ed9eba1 + (e ^ a ^ b) + Integer.rotateLeft(d, 5);
        e = Integer.rotateLeft(e, 30);
        w6 = Integer.rotateLeft(w3 ^ w14 ^ w8 ^ w6, 1);
        b = b + w6 + 0x6ed9eba1 + (d ^ e ^ a) + Integer.rotateLeft(c, 5);
        d = Integer.rotateLeft(d, 30);
        w7 = Integer.rotateLeft(w4 ^ w15 ^ w9 ^ w7, 1);
        a = a + w7 + 0x6ed9eba1 + (c ^ d ^ e) + Integer.rotateLeft(b, 5);
        c = Integer.rotateLeft(c, 30);
        w8 = Integer.rotateLeft(w5 ^ w0 ^ w10 ^ w8, 1);
        e = e + w8 + 0x8f1bbcdc + ((b & c) | (d & (b | c))) + Integer.rotateLeft(a, 5);
        b = Integer.rotateLeft(b, 30);
        w9 = Integer.rotateLeft(w6 ^ w1 ^ w11 ^ w9, 1);
        d = d + w9 + 0x8f1bbcdc + ((a & b) | (c & (a | b))) + Integer.rotateLeft(e, 5);
        a = Integer.rotateLeft(a, 30);
        w10 = Integer.rotateLeft(w7 ^ w2 ^ w12 ^ w10, 1);
        c = c + w10 + 0x8f1bbcdc + ((e & a) | (b & (e | a))) + Integer.rotateLeft(d, 5);
        e = Integer.rotateLeft(e, 30);
        w11 = Integer.rotateLeft(w8 ^ w3 ^ w13 ^ w11, 1);
        b = b + w11 + 0x8f1bbcdc + ((d & e) | (a & (d | e))) + Integer.rotateLeft(c, 5);
        d = Integer.rotateLeft(d, 30);
        w12 = Integer.rotateLeft(w9 ^ w4 ^ w14 ^ w12, 1);
        a = a + w12 + 0x8f1bbcdc + ((c & d) | (e & (c | d))) + Integer.rotateLeft(b, 5);
        c = Integer.rotateLeft(c, 30);
        w13 = Integer.rotateLeft(w10 ^ w5 ^ w15 ^ w13, 1);
        e = e + w13 + 0x8f1bbcdc + ((b & c) | (d & (b | c))) + Integer.rotateLeft(a, 5);
        b = Integer.rotateLeft(b, 30);
        w14 = Integer.rotateLeft(w11 ^ w6 ^ w0 ^ w14, 1);
        d = d + w14 + 0x8f1bbcdc + ((a & b) | (c & (a | b))) + Integer.rotateLeft(e, 5);
        a = Integer.rotateLeft(a, 30);
        w15 = Integer.rotateLeft(w12 ^ w7 ^ w1 ^ w15, 1);
        c = c + w15 + 0x8f1bbcdc + ((e & a) | (b & (e | a))) + Integer.rotateLeft(d, 5);
        e = Integer.rotateLeft(e, 30);
        w0 = Integer.rotateLeft(w13 ^ w8 ^ w2 ^ w0, 1);
        b = b + w0 + 0x8f1bbcdc + ((d & e) | (a & (d | e))) + Integer.rotateLeft(c, 5);
        d = Integer.rotateLeft(d, 30);
        w1 = Integer.rotateLeft(w14 ^ w9 ^ w3 ^ w1, 1);
        a = a + w1 + 0x8f1bbcdc + ((c & d) | (e & (c | d))) + Integer.rotateLeft(b, 5);
        c = Integer.rotateLeft(c, 30);
        w2 = Integer.rotateLeft(w15 ^ w10 ^ w4 ^ w2, 1);
        e = e + w2 + 0x8f1bbcdc + ((b & c) | (d & (b | c))) + Integer.rotateLeft(a, 5);
        b = Integer.rotateLeft(b, 30);
        w3 = Integer.rotateLeft(w0 ^ w11 ^ w5 ^ w3, 1);
        d = d + w3 + 0x8f1bbcdc + ((a & b) | (c & (a | b))) + Integer.rotateLeft(e, 5);
        a = Integer.rotateLeft(a, 30);
        w4 = Integer.rotateLeft(w1 ^ w12 ^ w6 ^ w4, 1);
        c = c + w4 + 0x8f1bbcdc + ((e & a) | (b & (e | a))) + Integer.rotateLeft(d, 5);
        e = Integer.rotateLeft(e, 30);
        w5 = Integer.rotateLeft(w2 ^ w13 ^ w7 ^ w5, 1);
        b = b + w5 + 0x8f1bbcdc + ((d & e) | (a & (d | e))) + Integer.rotateLeft(c, 5);
        d = Integer.rotateLeft(d, 30);
        w6 = Integer.rotateLeft(w3 ^ w14 ^ w8 ^ w6, 1);
        a = a + w6 + 0x8f1bbcdc + ((c & d) | (e & (c | d))) + Integer.rotateLeft(b, 5);
        c = Integer.rotateLeft(c, 30);
        w7 = Integer.rotateLeft(w4 ^ w15 ^ w9 ^ w7, 1);
        e = e + w7 + 0x8f1bbcdc + ((b & c) | (d & (b | c))) + Integer.rotateLeft(a, 5);
        b = Integer.rotateLeft(b, 30);
        w8 = Integer.rotateLeft(w5 ^ w0 ^ w10 ^ w8, 1);
        d = d + w8 + 0x8f1bbcdc + ((a & b) | (c & (a | b))) + Integer.rotateLeft(e, 5);
        a = Integer.rotateLeft(a, 30);
        w9 = Integer.rotateLeft(w6 ^ w1 ^ w11 ^ w9, 1);
        c = c + w9 + 0x8f1bbcdc + ((e & a) | (b & (e | a))) + Integer.rotateLeft(d, 5);
        e = Integer.rotateLeft(e, 30);
        w10 = Integer.rotateLeft(w7 ^ w2 ^ w12 ^ w10, 1);
        b = b + w10 + 0x8f1bbcdc + ((d & e) | (a & (d | e))) + Integer.rotateLeft(c, 5);
        d = Integer.rotateLeft(d, 30);
        w11 = Integer.rotateLeft(w8 ^ w3 ^ w13 ^ w11, 1);
        a = a + w11 + 0x8f1bbcdc + ((c & d) | (e & (c | d))) + Integer.rotateLeft(b, 5);
        c = Integer.rotateLeft(c, 30);
        w12 = Integer.rotateLeft(w9 ^ w4 ^ w14 ^ w12, 1);
        e = e + w12 + 0xca62c1d6 + (b ^ c ^ d) + Integer.rotateLeft(a, 5);
        b = Integer.rotateLeft(b, 30);
        w13 = Integer.rotateLeft(w10 ^ w5 ^ w15 ^ w13, 1);
        d = d + w13 + 0xca62c1d6 + (a ^ b ^ c) + Integer.rotateLeft(e, 5);
        a = Integer.rotateLeft(a, 30);
        w14 = Integer.rotateLeft(w11 ^ w6 ^ w0 ^ w14, 1);
        c = c + w14 + 0xca62c1d6 + (e ^ a ^ b) + Integer.rotateLeft(d, 5);
        e = Integer.rotateLeft(e, 30);
        w15 = Integer.rotateLeft(w12 ^ w7 ^ w1 ^ w15, 1);
        b = b + w15 + 0xca62c1d6 + (d ^ e ^ a) + Integer.rotateLeft(c, 5);
        d = Integer.rotateLeft(d, 30);
        w0 = Integer.rotateLeft(w13 ^ w8 ^ w2 ^ w0, 1);
        a = a + w0 + 0xca62c1d6 + (c ^ d ^ e) + Integer.rotateLeft(b, 5);
        c = Integer.rotateLeft(c, 30);
        w1 = Integer.rotateLeft(w14 ^ w9 ^ w3 ^ w1, 1);
        e = e + w1 + 0xca62c1d6 + (b ^ c ^ d) + Integer.rotateLeft(a, 5);
        b = Integer.rotateLeft(b, 30);
        w2 = Integer.rotateLeft(w15 ^ w10 ^ w4 ^ w2, 1);
        d = d + w2 + 0xca62c1d6 + (a ^ b ^ c) + Integer.rotateLeft(e, 5);
        a = Integer.rotateLeft(a, 30);
        w3 = Integer.rotateLeft(w0 ^ w11 ^ w5 ^ w3, 1);
        c = c + w3 + 0xca62c1d6 + (e ^ a ^ b) + Integer.rotateLeft(d, 5);
        e = Integer.rotateLeft(e, 30);
        w4 = Integer.rotateLeft(w1 ^ w12 ^ w6 ^ w4, 1);
        b = b + w4 + 0xca62c1d6 + (d ^ e ^ a) + Integer.rotateLeft(c, 5);
        d = Integer.rotateLeft(d, 30);
        w5 = Integer.rotateLeft(w2 ^ w13 ^ w7 ^ w5, 1);
        a = a + w5 + 0xca62c1d6 + (c ^ d ^ e) + Integer.rotateLeft(b, 5);
        c = Integer.rotateLeft(c, 30);
        w6 = Integer.rotateLeft(w3 ^ w14 ^ w8 ^ w6, 1);
        e = e + w6 + 0xca62c1d6 + (b ^ c ^ d) + Integer.rotateLeft(a, 5);
        b = Integer.rotateLeft(b, 30);
        w7 = Integer.rotateLeft(w4 ^ w15 ^ w9 ^ w7, 1);
        d = d + w7 + 0xca62c1d6 + (a ^ b ^ c) + Integer.rotateLeft(e, 5);
        a = Integer.rotateLeft(a, 30);
        w8 = Integer.rotateLeft(w5 ^ w0 ^ w10 ^ w8, 1);
        c = c + w8 + 0xca62c1d6 + (e ^ a ^ b) + Integer.rotateLeft(d, 5);
        e = Integer.rotateLeft(e, 30);
        w9 = Integer.rotateLeft(w6 ^ w1 ^ w11 ^ w9, 1);
        b = b + w9 + 0xca62c1d6 + (d ^ e ^ a) + Integer.rotateLeft(c, 5);
        d = Integer.rotateLeft(d, 30);
        w10 = Integer.rotateLeft(w7 ^ w2 ^ w12 ^ w10, 1);
        a = a + w10 + 0xca62c1d6 + (c ^ d ^ e) + Integer.rotateLeft(b, 5);
        c = Integer.rotateLeft(c, 30);
        w11 = Integer.rotateLeft(w8 ^ w3 ^ w13 ^ w11, 1);
        e = e + w11 + 0xca62c1d6 + (b ^ c ^ d) + Integer.rotateLeft(a, 5);
        b = Integer.rotateLeft(b, 30);
        w12 = Integer.rotateLeft(w9 ^ w4 ^ w14 ^ w12, 1);
        d = d + w12 + 0xca62c1d6 + (a ^ b ^ c) + Integer.rotateLeft(e, 5);
        a = Integer.rotateLeft(a, 30);
        w13 = Integer.rotateLeft(w10 ^ w5 ^ w15 ^ w13, 1);
        c = c + w13 + 0xca62c1d6 + (e ^ a ^ b) + Integer.rotateLeft(d, 5);
        e = Integer.rotateLeft(e, 30);
        w14 = Integer.rotateLeft(w11 ^ w6 ^ w0 ^ w14, 1);
        b = b + w14 + 0xca62c1d6 + (d ^ e ^ a) + Integer.rotateLeft(c, 5);
        d = Integer.rotateLeft(d, 30);
        w15 = Integer.rotateLeft(w12 ^ w7 ^ w1 ^ w15, 1);
        a = a + w15 + 0xca62c1d6 + (c ^ d ^ e) + Integer.rotateLeft(b, 5);
        c = Integer.rotateLeft(c, 30);
        return truncate(outer[0] + a, outer[1] + b, outer[2] + c, outer[3] + d, outer[4] + e);
    }

    /**
     * Dynamic truncation (RFC 4226 5.3) of the 20-byte MAC held big-endian in {@code h0..h4}: the
     * low 4 bits of the last byte pick the offset of 4 bytes, read big-endian, top bit cleared.
     */
    private static int truncate(int h0, int h1, int h2, int h3, int h4) {
        int offset = h4 & 0x0f;
        int first = wordAt(offset >>> 2, h0, h1, h2, h3, h4);
        int shift = (offset & 3) * 8;
        int value = shift == 0 ? first
                : first << shift | wordAt((offset >>> 2) + 1, h0, h1, h2, h3, h4) >>> (32 - shift);
        return value & 0x7fffffff;
    }

    private static int wordAt(int i, int h0, int h1, int h2, int h3, int h4) {
        switch (i) {
            case 0: return h0;
            case 1: return h1;
            case 2: return h2;
            case 3: return h3;
            default: return h4;
        }
    }
}

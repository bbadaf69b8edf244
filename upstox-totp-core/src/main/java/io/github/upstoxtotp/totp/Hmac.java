package io.github.upstoxtotp.totp;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * RFC 2104 HMAC for one fixed key, built on {@link MessageDigest}.
 *
 * <p>{@code javax.crypto.Mac} hashes the padded key block again for every message; here the
 * digest states after the inner and outer key blocks are computed once and cloned per message,
 * which halves the compressions for a TOTP-sized message. If the provider cannot clone a
 * digest, the key blocks are kept and fed to a fresh digest each time instead.
 *
 * <p>For HMAC-SHA1 of a counter (every HOTP/TOTP code with the default algorithm),
 * {@link #truncatedOfCounter(long)} goes further: the two SHA-1 states after the key blocks are
 * kept as plain words, and the two remaining compressions run in {@link Sha1} on local variables,
 * so a code costs no clone and no allocation at all.
 *
 * <p>Immutable after construction and thread-safe: the template digests are only ever cloned,
 * the SHA-1 states only ever read.
 */
final class Hmac {
    private static final byte IPAD = 0x36;
    private static final byte OPAD = 0x5c;

    private final HmacAlgorithm algorithm;
    private final MessageDigest innerTemplate;
    private final MessageDigest outerTemplate;
    // only for providers whose digests cannot be cloned; null otherwise
    private final byte[] innerBlock;
    private final byte[] outerBlock;
    // HMAC-SHA1 only: the SHA-1 states after the key XOR ipad / opad blocks; null for other algorithms
    private final int[] sha1Inner;
    private final int[] sha1Outer;

    Hmac(HmacAlgorithm algorithm, byte[] key) {
        this(algorithm, key, true);
    }

    /** {@code cloneStates == false} forces the fallback, so tests can cover it. */
    Hmac(HmacAlgorithm algorithm, byte[] key, boolean cloneStates) {
        this.algorithm = algorithm;
        MessageDigest inner = newDigest(algorithm);
        MessageDigest outer = newDigest(algorithm);
        int blockSize = algorithm.blockSize();
        byte[] k = key.length > blockSize ? inner.digest(key) : key;
        byte[] ipad = new byte[blockSize];
        byte[] opad = new byte[blockSize];
        for (int i = 0; i < blockSize; i++) {
            byte b = i < k.length ? k[i] : 0;
            ipad[i] = (byte) (b ^ IPAD);
            opad[i] = (byte) (b ^ OPAD);
        }
        if (k != key) {
            Arrays.fill(k, (byte) 0);
        }
        inner.update(ipad);
        outer.update(opad);
        if (algorithm == HmacAlgorithm.SHA1) {
            this.sha1Inner = Sha1.compress(Sha1.INITIAL_STATE, ipad);
            this.sha1Outer = Sha1.compress(Sha1.INITIAL_STATE, opad);
        } else {
            this.sha1Inner = null;
            this.sha1Outer = null;
        }
        if (cloneStates && canClone(inner) && canClone(outer)) {
            Arrays.fill(ipad, (byte) 0);
            Arrays.fill(opad, (byte) 0);
            this.innerTemplate = inner;
            this.outerTemplate = outer;
            this.innerBlock = null;
            this.outerBlock = null;
        } else {
            this.innerTemplate = null;
            this.outerTemplate = null;
            this.innerBlock = ipad;
            this.outerBlock = opad;
        }
    }

    HmacAlgorithm algorithm() {
        return algorithm;
    }

    /**
     * Writes HMAC(key, {@code counter} as 8 big-endian bytes) into {@code out[0..macLength)}.
     * {@code out} must hold at least {@code max(8, macLength)} bytes; it doubles as scratch.
     */
    void macOfCounter(long counter, byte[] out) {
        for (int i = 7; i >= 0; i--) {
            out[i] = (byte) counter;
            counter >>>= 8;
        }
        mac(out, 8, out);
    }

    /**
     * RFC 4226 5.3's dynamic truncation of HMAC(key, {@code counter} as 8 big-endian bytes): a
     * 31-bit value. Allocates nothing for {@link HmacAlgorithm#SHA1}; other algorithms go through
     * {@link #macOfCounter}.
     */
    int truncatedOfCounter(long counter) {
        if (sha1Inner != null) {
            return Sha1.truncatedHmacOfCounter(sha1Inner, sha1Outer, counter);
        }
        int macLength = algorithm.macLength();
        byte[] mac = new byte[Math.max(8, macLength)];
        macOfCounter(counter, mac);
        int offset = mac[macLength - 1] & 0x0f;
        return (mac[offset] & 0x7f) << 24
                | (mac[offset + 1] & 0xff) << 16
                | (mac[offset + 2] & 0xff) << 8
                | (mac[offset + 3] & 0xff);
    }

    /** HMAC of {@code message[0..length)} into {@code out[0..macLength)}; the two may be the same array. */
    void mac(byte[] message, int length, byte[] out) {
        int macLength = algorithm.macLength();
        try {
            MessageDigest inner = startInner();
            inner.update(message, 0, length);
            inner.digest(out, 0, macLength);
            MessageDigest outer = startOuter();
            outer.update(out, 0, macLength);
            outer.digest(out, 0, macLength);
        } catch (DigestException e) {
            throw new IllegalStateException("digest did not fit its own length", e);
        }
    }

    private MessageDigest startInner() {
        return innerTemplate != null ? cloneOf(innerTemplate) : fresh(innerBlock);
    }

    private MessageDigest startOuter() {
        return outerTemplate != null ? cloneOf(outerTemplate) : fresh(outerBlock);
    }

    private MessageDigest fresh(byte[] block) {
        MessageDigest md = newDigest(algorithm);
        md.update(block);
        return md;
    }

    private static MessageDigest cloneOf(MessageDigest template) {
        try {
            return (MessageDigest) template.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("digest was cloneable at construction", e);
        }
    }

    private static boolean canClone(MessageDigest md) {
        try {
            md.clone();
            return true;
        } catch (CloneNotSupportedException e) {
            return false;
        }
    }

    private static MessageDigest newDigest(HmacAlgorithm algorithm) {
        try {
            return MessageDigest.getInstance(algorithm.digestName());
        } catch (NoSuchAlgorithmException e) {
            // every Java SE runtime must provide SHA-1 and SHA-256; SHA-512 is in every JDK
            throw new IllegalStateException(algorithm.digestName() + " is not available", e);
        }
    }
}

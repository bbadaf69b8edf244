package io.github.upstoxtotp.bench;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The "before" of benchmark 1's tuning: how {@code TotpGenerator} made a code until then (HMAC-SHA1
 * from the digest states after the key blocks, {@link MessageDigest#clone() cloned} per code — the
 * JDK's SHA-1, with its SHA-NI intrinsic — a scratch MAC array, the digits written into a
 * {@code char[]} and copied into the String). Kept here, SHA-1 and 6 digits only, so that before
 * and after are measured side by side in every run.
 */
final class ClonedDigestTotp {
    private final MessageDigest innerTemplate;
    private final MessageDigest outerTemplate;

    ClonedDigestTotp(byte[] key) {
        try {
            innerTemplate = MessageDigest.getInstance("SHA-1");
            outerTemplate = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] ipad = new byte[64];
        byte[] opad = new byte[64];
        for (int i = 0; i < 64; i++) {
            byte b = i < key.length ? key[i] : 0; // keys up to 64 bytes, as in the benchmark
            ipad[i] = (byte) (b ^ 0x36);
            opad[i] = (byte) (b ^ 0x5c);
        }
        innerTemplate.update(ipad);
        outerTemplate.update(opad);
    }

    String generate(long epochSeconds) {
        long counter = Math.floorDiv(epochSeconds, 30L);
        byte[] mac = new byte[20];
        for (int i = 7; i >= 0; i--) {
            mac[i] = (byte) counter;
            counter >>>= 8;
        }
        try {
            MessageDigest inner = (MessageDigest) innerTemplate.clone();
            inner.update(mac, 0, 8);
            inner.digest(mac, 0, 20);
            MessageDigest outer = (MessageDigest) outerTemplate.clone();
            outer.update(mac, 0, 20);
            outer.digest(mac, 0, 20);
        } catch (CloneNotSupportedException | DigestException e) {
            throw new IllegalStateException(e);
        }
        int offset = mac[19] & 0x0f;
        int binary = (mac[offset] & 0x7f) << 24 | (mac[offset + 1] & 0xff) << 16
                | (mac[offset + 2] & 0xff) << 8 | (mac[offset + 3] & 0xff);
        int value = binary % 1_000_000;
        char[] chars = new char[6];
        for (int i = 5; i >= 0; i--) {
            chars[i] = (char) ('0' + value % 10);
            value /= 10;
        }
        return new String(chars);
    }
}

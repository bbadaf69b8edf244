package io.github.upstoxtotp.totp;

/** The HMAC hash functions RFC 6238 allows, with their JCA names and HMAC block sizes. */
public enum HmacAlgorithm {
    /** HMAC-SHA1: the RFC 4226 / authenticator-app default, and what Upstox uses. */
    SHA1("HmacSHA1", "SHA-1", 64, 20),
    /** HMAC-SHA256. */
    SHA256("HmacSHA256", "SHA-256", 64, 32),
    /** HMAC-SHA512. */
    SHA512("HmacSHA512", "SHA-512", 128, 64);

    private final String jcaName;
    private final String digestName;
    private final int blockSize;
    private final int macLength;

    HmacAlgorithm(String jcaName, String digestName, int blockSize, int macLength) {
        this.jcaName = jcaName;
        this.digestName = digestName;
        this.blockSize = blockSize;
        this.macLength = macLength;
    }

    /** The {@code javax.crypto.Mac} name, e.g. {@code "HmacSHA1"}. */
    public String jcaName() {
        return jcaName;
    }

    /** The {@code java.security.MessageDigest} name of the hash, e.g. {@code "SHA-1"}. */
    public String digestName() {
        return digestName;
    }

    /** The hash's block size in bytes (RFC 2104's B). */
    public int blockSize() {
        return blockSize;
    }

    /** The length of the MAC in bytes (RFC 2104's L). */
    public int macLength() {
        return macLength;
    }
}

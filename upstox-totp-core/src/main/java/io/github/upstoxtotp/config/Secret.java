package io.github.upstoxtotp.config;

import java.util.Arrays;
import java.util.Objects;
import javax.security.auth.Destroyable;

/**
 * A credential held as a {@code char[]}: PIN, TOTP secret, client secret.
 *
 * <ul>
 *   <li>{@link #toString()} is always {@code "****"}: logging a config never prints it.</li>
 *   <li>{@link #reveal()} is the one explicit way to read it.</li>
 *   <li>{@link #destroy()} overwrites the characters; reading afterwards throws.</li>
 *   <li>{@link #equals} runs in time independent of where the contents differ;
 *       {@link #hashCode} is a constant, so it reveals nothing.</li>
 * </ul>
 * Thread-safe for reading; {@code destroy} is meant for the end of its owner's life.
 */
public final class Secret implements Destroyable {
    private static final String MASK = "****";

    private final char[] chars;
    private volatile boolean destroyed;

    private Secret(char[] chars) {
        this.chars = chars;
    }

    /** A secret holding a copy of {@code value}. */
    public static Secret of(String value) {
        Objects.requireNonNull(value, "value");
        return new Secret(value.toCharArray());
    }

    /** A secret holding a copy of {@code value}; the caller may wipe its own array afterwards. */
    public static Secret of(char[] value) {
        Objects.requireNonNull(value, "value");
        return new Secret(value.clone());
    }

    /**
     * The secret's text. Call it only where the value must leave the process (a request body).
     *
     * @throws IllegalStateException if destroyed
     */
    public String reveal() {
        return new String(checked());
    }

    /** A copy of the characters, for callers that wipe after use. */
    public char[] revealChars() {
        return checked().clone();
    }

    /** Number of characters (not secret for the lengths used here: PINs are 4-6 digits). */
    public int length() {
        return checked().length;
    }

    /** Whether it has no characters. */
    public boolean isEmpty() {
        return length() == 0;
    }

    /**
     * A mask that shows at most the first {@code visible} characters and never more than a
     * quarter of them, e.g. {@code "AB****"} for a 16-character secret and {@code masked(2)}.
     */
    public String masked(int visible) {
        char[] c = checked();
        int n = Math.max(0, Math.min(visible, c.length / 4));
        return new String(c, 0, n) + MASK;
    }

    private char[] checked() {
        if (destroyed) {
            throw new IllegalStateException("secret was destroyed");
        }
        return chars;
    }

    @Override
    public void destroy() {
        Arrays.fill(chars, '\0');
        destroyed = true;
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Secret other) || destroyed || other.destroyed) {
            return false;
        }
        char[] a = chars;
        char[] b = other.chars;
        if (a.length != b.length) {
            return false; // lengths are not secret here; contents are compared in constant time
        }
        int diff = 0;
        for (int i = 0; i < a.length; i++) {
            diff |= a[i] ^ b[i];
        }
        return diff == 0;
    }

    @Override
    public int hashCode() {
        return 0x5ec2e7;
    }

    @Override
    public String toString() {
        return MASK;
    }
}

package io.github.upstoxtotp.totp;

/**
 * A text that is not valid Base32 (RFC 4648).
 *
 * <p>The message names a position and what is wrong there, and never any character of the
 * input: the input is normally a TOTP secret, and messages end up in logs.
 */
public final class Base32Exception extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final int position;

    Base32Exception(int position, String message) {
        super(message);
        this.position = position;
    }

    /**
     * Where the problem is: 1-based, in the original input as given (separators included).
     */
    public int position() {
        return position;
    }
}

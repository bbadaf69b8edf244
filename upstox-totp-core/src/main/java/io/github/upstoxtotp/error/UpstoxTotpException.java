package io.github.upstoxtotp.error;

/**
 * Base of every exception this library throws on purpose.
 *
 * <p>Unchecked, so that the token can be fetched from lambdas and executors. Messages never
 * contain a secret (PIN, TOTP secret or code, client secret, cookies, authorization codes,
 * tokens): they name settings, steps and fields instead.
 *
 * <p>It lives in its own package rather than the root one because the domain packages throw
 * it, and the root package (the facade) depends on them: putting it at the root would make a
 * package cycle.
 */
public abstract class UpstoxTotpException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected UpstoxTotpException(String message) {
        super(message);
    }

    protected UpstoxTotpException(String message, Throwable cause) {
        super(message, cause);
    }
}

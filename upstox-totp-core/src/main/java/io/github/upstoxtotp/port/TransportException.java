package io.github.upstoxtotp.port;

import io.github.upstoxtotp.error.UpstoxTotpException;

/**
 * The exchange failed below HTTP: no response was read. Adapters wrap their library's own
 * exceptions in it (the cause is attached), so callers never see a transport library's type.
 *
 * <p>{@link #kind()} tells whether the request can have reached the server, which decides
 * whether a retry is safe.
 */
public final class TransportException extends UpstoxTotpException {
    private static final long serialVersionUID = 1L;

    /** What went wrong, from the point of view of "did the server see the request?". */
    public enum Kind {
        /** The connection was never made (refused, unknown host, connect timeout, TLS handshake): the server never saw the request. */
        CONNECT,
        /** Connected, but no complete response arrived within the timeout: the server may have acted. */
        TIMEOUT,
        /** Connected, then the connection broke or the response was malformed: the server may have acted. */
        IO
    }

    private final Kind kind;

    public TransportException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public TransportException(Kind kind, String message) {
        this(kind, message, null);
    }

    public Kind kind() {
        return kind;
    }

    /** True when the request provably never reached the server, so re-sending it cannot hurt. */
    public boolean neverReachedServer() {
        return kind == Kind.CONNECT;
    }
}

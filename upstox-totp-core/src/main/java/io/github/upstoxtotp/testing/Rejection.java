package io.github.upstoxtotp.testing;

/**
 * Thrown inside a handler to stop at the first failed check and answer with {@link #reply()}.
 * It is caught by the simulator's dispatcher and never leaves {@code execute}; it carries no
 * stack trace because it is control flow, not an error.
 */
final class Rejection extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient SimReply reply;

    Rejection(SimReply reply) {
        super(reply.errorCode(), null, false, false);
        this.reply = reply;
    }

    SimReply reply() {
        return reply;
    }
}

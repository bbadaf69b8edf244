package io.github.upstoxtotp.token;

/** A listener's registration; {@link #close()} removes the listener. */
@FunctionalInterface
public interface Registration extends AutoCloseable {

    /** Removes the listener. Idempotent; never throws. */
    @Override
    void close();
}

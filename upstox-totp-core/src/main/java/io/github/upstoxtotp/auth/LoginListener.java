package io.github.upstoxtotp.auth;

import io.github.upstoxtotp.error.UpstoxTotpException;
import io.github.upstoxtotp.error.LoginStep;

import java.time.Duration;

/**
 * Hears each step of a login as it happens, e.g. to print "step i/6" progress.
 *
 * <p>Called on the logging-in thread, while the machine's lock is held: keep it quick. An
 * exception thrown by a listener is logged and ignored; it never changes the login.
 */
public interface LoginListener {

    /** A listener that does nothing. */
    LoginListener NONE = new LoginListener() {
    };

    /** {@code step} is about to send its request. */
    default void stepStarted(LoginStep step) {
    }

    /** {@code step} succeeded after {@code elapsed}. */
    default void stepSucceeded(LoginStep step, Duration elapsed) {
    }

    /** {@code step} failed; the machine is now {@link LoginState.Failed}. */
    default void stepFailed(LoginStep step, UpstoxTotpException failure) {
    }
}

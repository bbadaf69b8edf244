package io.github.upstoxtotp;

import io.github.upstoxtotp.auth.LoginListener;
import io.github.upstoxtotp.error.LoginStep;
import io.github.upstoxtotp.error.UpstoxTotpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * What {@code UPSTOX_DEBUG=true} means for a library user: each login step is logged at INFO
 * (so it shows without reconfiguring log levels), then handed on to the application's own
 * listener. Only step names, timings and the exception's own message, which never holds a
 * secret.
 */
final class DebugLoginListener implements LoginListener {
    private static final Logger LOG = LoggerFactory.getLogger(UpstoxTotp.class);

    private final LoginListener next;

    DebugLoginListener(LoginListener next) {
        this.next = next;
    }

    @Override
    public void stepStarted(LoginStep step) {
        LOG.info("login step {}/{} {} started", step.number(), LoginStep.count(), step.label());
        next.stepStarted(step);
    }

    @Override
    public void stepSucceeded(LoginStep step, Duration elapsed) {
        LOG.info("login step {}/{} {} ok in {} ms", step.number(), LoginStep.count(), step.label(), elapsed.toMillis());
        next.stepSucceeded(step, elapsed);
    }

    @Override
    public void stepFailed(LoginStep step, UpstoxTotpException failure) {
        LOG.info("login step {}/{} {} failed: {}", step.number(), LoginStep.count(), step.label(), failure.getMessage());
        next.stepFailed(step, failure);
    }
}

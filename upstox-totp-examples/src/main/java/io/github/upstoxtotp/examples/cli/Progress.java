package io.github.upstoxtotp.examples.cli;

import io.github.upstoxtotp.auth.LoginListener;
import io.github.upstoxtotp.error.UpstoxTotpException;
import io.github.upstoxtotp.error.LoginStep;
import java.io.PrintWriter;
import java.time.Duration;

/**
 * Prints {@code step i/6 <label> ... ok (123 ms)} on stderr as the login runs. Silent when
 * quiet. With debug logging on, each step gets whole lines, so log lines do not cut into them.
 * Remembers whether any step ran, which tells a fresh login from a reused token.
 */
final class Progress implements LoginListener {
    private final PrintWriter err;
    private final boolean quiet;
    private final boolean wholeLines;
    private volatile boolean anyStep;
    private boolean lineOpen;
    private long startedNanos;

    Progress(PrintWriter err, boolean quiet, boolean wholeLines) {
        this.err = err;
        this.quiet = quiet;
        this.wholeLines = wholeLines;
    }

    /** Whether a login step started since this listener was made. */
    boolean anyStep() {
        return anyStep;
    }

    @Override
    public synchronized void stepStarted(LoginStep step) {
        anyStep = true;
        startedNanos = System.nanoTime();
        if (quiet) {
            return;
        }
        closeLine();
        err.print(prefix(step) + " ...");
        if (wholeLines) {
            err.println();
        } else {
            err.print(' ');
            lineOpen = true;
        }
        err.flush();
    }

    @Override
    public synchronized void stepSucceeded(LoginStep step, Duration elapsed) {
        finish(step, "ok (" + elapsed.toMillis() + " ms)");
    }

    @Override
    public synchronized void stepFailed(LoginStep step, UpstoxTotpException failure) {
        finish(step, "failed (" + Duration.ofNanos(System.nanoTime() - startedNanos).toMillis() + " ms)");
    }

    /** Ends a half-written line (before an error message is printed, say). */
    synchronized void closeLine() {
        if (lineOpen) {
            err.println();
            lineOpen = false;
            err.flush();
        }
    }

    private void finish(LoginStep step, String outcome) {
        if (quiet) {
            return;
        }
        if (lineOpen) {
            err.println(outcome);
            lineOpen = false;
        } else {
            err.println(prefix(step) + " " + outcome);
        }
        err.flush();
    }

    private static String prefix(LoginStep step) {
        return "step " + step.number() + "/" + LoginStep.count() + " " + step.label();
    }
}

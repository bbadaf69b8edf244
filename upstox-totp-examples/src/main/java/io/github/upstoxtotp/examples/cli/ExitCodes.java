package io.github.upstoxtotp.examples.cli;

/** The CLI's exit codes, as DESIGN.md "The CLI" fixes them. */
final class ExitCodes {
    /** Success. */
    static final int OK = 0;
    /** The login or an API call failed (the message and a tip are on stderr). */
    static final int FAILURE = 1;
    /** A configuration or usage error (every problem is listed on stderr). */
    static final int CONFIG = 2;

    private ExitCodes() {
    }
}

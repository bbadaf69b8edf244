package io.github.upstoxtotp.examples.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** Runs the CLI in-process with an injected environment, directories and captured streams. */
final class CliHarness {
    private final Path workingDir;
    private final Path homeDir;
    private Clock clock = Clock.systemUTC();
    private CliContext.StopSignal stopSignal = () -> { };

    CliHarness(Path workingDir, Path homeDir) {
        this.workingDir = workingDir;
        this.homeDir = homeDir;
    }

    CliHarness clock(Clock c) {
        this.clock = c;
        return this;
    }

    CliHarness stopSignal(CliContext.StopSignal s) {
        this.stopSignal = s;
        return this;
    }

    /** What one run printed and returned. */
    record Result(int exitCode, String out, String err) {
        /** Everything printed, for "never printed" checks. */
        String all() {
            return out + "\n" + err;
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
        }
    }

    /** Streams that a running command (e.g. sandbox) can be read from while it waits. */
    static final class Streams {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
    }

    Result run(Map<String, String> env, String... args) {
        return run(new Streams(), env, args);
    }

    Result run(Streams streams, Map<String, String> env, String... args) {
        CliContext ctx = new CliContext(env, workingDir, homeDir, new PrintWriter(streams.out, true),
                new PrintWriter(streams.err, true), clock, stopSignal);
        int code = UpstoxTotpCli.run(ctx, args);
        return new Result(code, streams.out.toString(), streams.err.toString());
    }
}

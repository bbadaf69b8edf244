package io.github.upstoxtotp.examples.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Everything the CLI takes from the process around it, so that tests run it in-process with no
 * real environment, working directory, home directory, console or clock.
 *
 * @param env the environment variables (the {@code environment} settings layer)
 * @param workingDir where {@code .env} is looked for and relative paths are resolved
 * @param homeDir where the default token store lives ({@code ~/.upstox-totp/tokens.json})
 * @param out results (the token, JSON, {@code check-env} table)
 * @param err progress, warnings and errors
 * @param clock the time used for TOTP codes and token validity
 * @param stopSignal what {@code sandbox} waits on before it stops serving
 */
public record CliContext(Map<String, String> env, Path workingDir, Path homeDir, PrintWriter out, PrintWriter err,
        Clock clock, StopSignal stopSignal) {

    /** Tells the long-running {@code sandbox} command when to stop. */
    @FunctionalInterface
    public interface StopSignal {
        /** Returns when it is time to stop. */
        void await() throws InterruptedException;

        /** Called once the command has released everything, so a shutdown can complete. */
        default void stopped() {
        }
    }

    /** Copies the environment; checks every component is present. */
    public CliContext {
        env = Map.copyOf(Objects.requireNonNull(env, "env"));
        workingDir = Objects.requireNonNull(workingDir, "workingDir").toAbsolutePath();
        homeDir = Objects.requireNonNull(homeDir, "homeDir").toAbsolutePath();
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(stopSignal, "stopSignal");
    }

    /**
     * The real process: {@link System#getenv()}, {@code user.dir}, {@code user.home}, the
     * console streams, the system clock, and a stop signal that fires on Ctrl-C / SIGTERM.
     */
    public static CliContext system() {
        Charset cs = Charset.defaultCharset();
        return new CliContext(System.getenv(), Path.of(System.getProperty("user.dir")),
                Path.of(System.getProperty("user.home")),
                new PrintWriter(new OutputStreamWriter(System.out, cs), true),
                new PrintWriter(new OutputStreamWriter(System.err, cs), true),
                Clock.systemUTC(), new ShutdownSignal());
    }

    /** A copy with another environment (tests). */
    public CliContext withEnv(Map<String, String> newEnv) {
        return new CliContext(newEnv, workingDir, homeDir, out, err, clock, stopSignal);
    }

    /** Resolves a user-given path against {@link #workingDir()}; {@code ~/} means {@link #homeDir()}. */
    public Path resolve(String path) {
        if (path.equals("~")) {
            return homeDir;
        }
        if (path.startsWith("~/")) {
            return homeDir.resolve(path.substring(2));
        }
        return workingDir.resolve(path);
    }

    /** Fires on Ctrl-C / SIGTERM; the shutdown then waits (briefly) for the command to clean up. */
    private static final class ShutdownSignal implements StopSignal {
        private final CountDownLatch stop = new CountDownLatch(1);
        private final CountDownLatch done = new CountDownLatch(1);

        @Override
        public void await() throws InterruptedException {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stop.countDown();
                try {
                    done.await(3, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "upstox-totp-stop"));
            stop.await();
        }

        @Override
        public void stopped() {
            done.countDown();
        }
    }
}

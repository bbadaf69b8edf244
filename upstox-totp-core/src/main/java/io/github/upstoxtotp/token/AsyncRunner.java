package io.github.upstoxtotp.token;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where {@code accessTokenAsync()} runs a login: the executor the user configured (not owned), or
 * else a pool of daemon threads created on first use, owned and shut down by {@link #close()}.
 * Logins are single-flight, so the pool rarely holds more than one thread; idle threads end after
 * a minute.
 */
final class AsyncRunner implements Executor, AutoCloseable {
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final Executor configured;
    private ExecutorService owned;
    private boolean closed;

    AsyncRunner(Executor configured) {
        this.configured = configured;
    }

    @Override
    public void execute(Runnable task) {
        if (configured != null) {
            configured.execute(task);
            return;
        }
        ownedExecutor().execute(task);
    }

    private synchronized ExecutorService ownedExecutor() {
        if (closed) {
            throw new RejectedExecutionException("the token service is closed");
        }
        if (owned == null) {
            owned = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), task -> {
                Thread t = new Thread(task, "upstox-totp-login-" + THREADS.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }
        return owned;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (owned != null) {
            owned.shutdown();
        }
    }
}

package io.github.upstoxtotp.token;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * At most one piece of work in flight; whoever asks meanwhile gets the same future.
 *
 * <p>The slot is cleared <em>before</em> the future completes, so that a caller woken by a failure
 * who asks again starts new work instead of finding the failed future. Nothing is remembered
 * between flights.
 */
final class SingleFlight<T> {
    private final AtomicReference<CompletableFuture<T>> slot = new AtomicReference<>();

    /**
     * The running flight's future, or a new flight's, whose {@code work} runs inline (when
     * {@code executor} is null, before this returns) or on {@code executor}. The leader, after
     * completing the future, hands a successful result to {@code afterCompletion}.
     */
    CompletableFuture<T> join(Supplier<T> work, Executor executor, Consumer<T> afterCompletion) {
        while (true) {
            CompletableFuture<T> running = slot.get();
            if (running != null) {
                return running;
            }
            CompletableFuture<T> mine = new CompletableFuture<>();
            if (slot.compareAndSet(null, mine)) {
                if (executor == null) {
                    run(work, mine, afterCompletion);
                } else {
                    try {
                        executor.execute(() -> run(work, mine, afterCompletion));
                    } catch (RuntimeException rejected) {
                        slot.compareAndSet(mine, null);
                        mine.completeExceptionally(rejected);
                    }
                }
                return mine;
            }
        }
    }

    private void run(Supplier<T> work, CompletableFuture<T> mine, Consumer<T> afterCompletion) {
        T result;
        try {
            result = work.get();
        } catch (Throwable failure) {
            slot.compareAndSet(mine, null);
            mine.completeExceptionally(failure);
            return;
        }
        slot.compareAndSet(mine, null);
        mine.complete(result);
        afterCompletion.accept(result);
    }

    /** The result, or the work's own exception rethrown (the same instance for every waiter). Uninterruptible. */
    static <T> T await(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            Throwable cause = unwrap(e);
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw e;
        }
    }

    /** A new future completed like {@code shared}, failures unwrapped; cancelling it leaves {@code shared} alone. */
    static <T> CompletableFuture<T> detached(CompletableFuture<T> shared) {
        CompletableFuture<T> own = new CompletableFuture<>();
        shared.whenComplete((result, failure) -> {
            if (failure == null) {
                own.complete(result);
            } else {
                own.completeExceptionally(unwrap(failure));
            }
        });
        return own;
    }

    private static Throwable unwrap(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }
}

package io.sluice.server.alerts;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * How a producer thread that must never block (the alert engine, the security stage) hands work to a single owner
 * thread that holds the Chronicle queues: at most {@code max} tasks wait; beyond that a task is dropped and counted,
 * which bounds the memory a stalled disk can take. Also builds such owner threads and runs their setup.
 *
 * <p>Thread contract: {@link #offer} from any thread; the tasks run on the owner thread.
 */
public final class BoundedHandOver {
    private final Executor owner;
    private final int max;
    private final LongAdder overflow;
    private final AtomicInteger waiting = new AtomicInteger();

    /** {@code overflow} counts the tasks dropped because {@code max} were already waiting. */
    public BoundedHandOver(Executor owner, int max, LongAdder overflow) {
        this.owner = owner;
        this.max = max;
        this.overflow = overflow;
    }

    /** Queues {@code task} on the owner thread; false if it was dropped (too many waiting, or the owner is closing). */
    public boolean offer(Runnable task) {
        if (waiting.incrementAndGet() > max) {
            waiting.decrementAndGet();
            overflow.increment();
            return false;
        }
        try {
            owner.execute(() -> {
                waiting.decrementAndGet();
                task.run();
            });
            return true;
        } catch (RejectedExecutionException e) {
            waiting.decrementAndGet(); // closing
            return false;
        }
    }

    /** Tasks handed over and not yet started. */
    public int waiting() {
        return waiting.get();
    }

    /** A single daemon thread named {@code name}, for a component that owns its queues on one thread. */
    public static ScheduledThreadPoolExecutor ownerThread(String name) {
        ScheduledThreadPoolExecutor thread = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        thread.setRemoveOnCancelPolicy(true);
        return thread;
    }

    /**
     * Runs {@code setup} on {@code thread} (Chronicle appenders and tailers belong to the thread that uses them) and
     * returns its result; on failure shuts the thread down and rethrows.
     */
    public static <T> T openOn(ScheduledThreadPoolExecutor thread, Callable<T> setup, String what) {
        try {
            return thread.submit(setup).get();
        } catch (ExecutionException e) {
            thread.shutdownNow();
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while opening the " + what, e);
        }
    }
}

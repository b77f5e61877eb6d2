package io.sluice.ingest.http;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * Tells requests when their events are in the journal. The journal stage's progress (the highest ring sequence it
 * has appended and closed in an excerpt) is polled every millisecond while anyone waits, and each waiter is
 * completed on its own context once progress passes its sequence. Nothing runs while nobody waits.
 */
public final class DurableAcks {
    private static final long POLL_MS = 1;

    private final Vertx vertx;
    private final LongSupplier journalProgress;
    private final PriorityBlockingQueue<Waiter> waiters = new PriorityBlockingQueue<>();
    private final AtomicBoolean polling = new AtomicBoolean();

    private record Waiter(long ringSequence, Context context, Promise<Void> promise) implements Comparable<Waiter> {
        @Override
        public int compareTo(Waiter other) {
            return Long.compare(ringSequence, other.ringSequence);
        }
    }

    /**
     * @param journalProgress highest ring sequence the journal has made durable (e.g. the journal stage's Disruptor
     *                        sequence: it advances only after the batch's excerpt is closed)
     */
    public DurableAcks(Vertx vertx, LongSupplier journalProgress) {
        this.vertx = vertx;
        this.journalProgress = journalProgress;
    }

    /** Completes, on the calling context, once every event up to {@code ringSequence} is in the journal. */
    public Future<Void> whenStored(long ringSequence) {
        if (journalProgress.getAsLong() >= ringSequence) {
            return Future.succeededFuture();
        }
        Promise<Void> promise = Promise.promise();
        waiters.add(new Waiter(ringSequence, vertx.getOrCreateContext(), promise));
        if (polling.compareAndSet(false, true)) {
            vertx.setTimer(POLL_MS, id -> poll());
        }
        return promise.future();
    }

    private void poll() {
        long progress = journalProgress.getAsLong();
        for (Waiter head = waiters.peek(); head != null && head.ringSequence <= progress; head = waiters.peek()) {
            Waiter done = waiters.poll();
            done.context.runOnContext(ignored -> done.promise.complete());
        }
        if (!waiters.isEmpty()) {
            vertx.setTimer(POLL_MS, id -> poll());
            return;
        }
        polling.set(false);
        // a waiter added between the isEmpty check and the flag reset would otherwise wait forever
        if (!waiters.isEmpty() && polling.compareAndSet(false, true)) {
            vertx.setTimer(POLL_MS, id -> poll());
        }
    }

    /** Requests waiting for the journal now; a gauge for operators. */
    public int waiting() {
        return waiters.size();
    }
}

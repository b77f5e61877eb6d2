package io.sluice.ingest.http;

import io.sluice.core.LogEvent;
import io.sluice.core.pipeline.EventRing;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;

/**
 * Moves decoded events into the ring without blocking the event loop: claims slots in chunks, copies each draft
 * into its slot, publishes. When the ring has no room it retries every millisecond until the configured wait is
 * over, then fails with {@link RingFull} so the request can be answered 503 (HTTP backpressure).
 *
 * <p>A body is claimed in chunks of at most half the ring. The configured wait decides only whether a body gets in:
 * once its first chunk is published, refusing the rest would store part of the body, and the client's retry would
 * store that part twice, so the rest waits for room for up to {@link #STARTED_BODY_MAX_WAIT} (the consumers free the
 * ring within milliseconds unless they are stuck). Only then does a body fail partly published; {@link
 * RingFull#published()} says how many of its events are stored.
 */
final class DraftPublisher {
    private static final long RETRY_MS = 1;
    private static final Duration STARTED_BODY_MAX_WAIT = Duration.ofSeconds(30);

    private final Vertx vertx;
    private final EventRing ring;
    private final long maxWaitNanos;
    private final long startedBodyMaxWaitNanos;

    DraftPublisher(Vertx vertx, EventRing ring, Duration maxWait) {
        this.vertx = vertx;
        this.ring = ring;
        this.maxWaitNanos = maxWait.toNanos();
        this.startedBodyMaxWaitNanos = Math.max(maxWaitNanos, STARTED_BODY_MAX_WAIT.toNanos());
    }

    /** Publishes every draft; completes with the highest ring sequence used. Call on an event loop. */
    Future<Long> publish(List<LogEvent> drafts) {
        Promise<Long> done = Promise.promise();
        new Attempt(drafts, done, System.nanoTime()).run();
        return done.future();
    }

    /** The ring stayed full for the whole wait. */
    static final class RingFull extends RuntimeException {
        private final int published;
        private final Duration waited;

        RingFull(int published, Duration waited) {
            super("ring full", null, false, false);
            this.published = published;
            this.waited = waited;
        }

        int published() {
            return published;
        }

        /** The wait that ran out: the configured one, or the longer one of a body already partly published. */
        Duration waited() {
            return waited;
        }
    }

    private final class Attempt implements Runnable {
        private final List<LogEvent> drafts;
        private final Promise<Long> done;
        private final long startedNanos;
        private int next;
        private long highest = -1;

        Attempt(List<LogEvent> drafts, Promise<Long> done, long startedNanos) {
            this.drafts = drafts;
            this.done = done;
            this.startedNanos = startedNanos;
        }

        @Override
        public void run() {
            int maxChunk = Math.max(1, ring.bufferSize() / 2);
            while (next < drafts.size()) {
                int n = Math.min(maxChunk, drafts.size() - next);
                long hi = ring.tryClaim(n);
                if (hi < 0) {
                    long maxWait = next == 0 ? maxWaitNanos : startedBodyMaxWaitNanos;
                    if (System.nanoTime() - startedNanos >= maxWait) {
                        done.fail(new RingFull(next, Duration.ofNanos(maxWait)));
                    } else {
                        vertx.setTimer(RETRY_MS, id -> run());
                    }
                    return;
                }
                copy(hi - n + 1, n);
                ring.publish(hi - n + 1, hi);
                highest = hi;
                next += n;
            }
            done.complete(highest);
        }

        private void copy(long lo, int n) {
            for (int i = 0; i < n; i++) {
                LogEvent slot = ring.slot(lo + i);
                long sequence = slot.sequence();
                slot.copyFrom(drafts.get(next + i));
                slot.setSequence(sequence);
            }
        }
    }
}

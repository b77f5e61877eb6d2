package io.sluice.ingest.http;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The bytes of request bodies HTTP ingest holds at once, across routes and connections: read (and gunzipped) but not
 * yet answered. The ring pushes back only once bodies are decoded into it; without this budget, many connections
 * posting large batches at once filled the heap first (256 connections x 2 KiB lines: 1.37 GiB resident with a
 * 1 GiB heap). A body that would take the budget over its capacity is answered 503 + {@code Retry-After}, like a full
 * ring. The capacity is at least one largest body plus its largest gunzipped form, so any acceptable request fits
 * an idle server.
 *
 * <p>Thread-safe. A {@link Hold} belongs to one request and is used on that request's context only.
 */
public final class BodyBudget {
    private final long capacity;
    private final AtomicLong inUse = new AtomicLong();
    private final LongAdder refusals = new LongAdder();

    public BodyBudget(long capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("body budget must be positive, got " + capacity);
        }
        this.capacity = capacity;
    }

    /** A request's share of the budget, empty until it takes bytes. */
    public Hold hold() {
        return new Hold();
    }

    public long capacityBytes() {
        return capacity;
    }

    /** Bytes held by requests not answered yet. */
    public long inUseBytes() {
        return inUse.get();
    }

    /** Requests answered 503 because their body did not fit. */
    public long refusals() {
        return refusals.sum();
    }

    private boolean tryTake(long bytes) {
        while (true) {
            long used = inUse.get();
            if (used + bytes > capacity) {
                refusals.increment();
                return false;
            }
            if (inUse.compareAndSet(used, used + bytes)) {
                return true;
            }
        }
    }

    /** What one request holds; given back once, when its response ends or its connection closes. */
    public final class Hold {
        private long held;
        private boolean released;

        private Hold() {
        }

        /** Takes {@code bytes} more; false (nothing taken) if the budget cannot give them or the hold is released. */
        boolean take(long bytes) {
            if (released || !tryTake(bytes)) {
                return false;
            }
            held += bytes;
            return true;
        }

        long held() {
            return held;
        }

        /** Gives back everything held; later calls do nothing. */
        public void release() {
            if (!released) {
                released = true;
                inUse.addAndGet(-held);
                held = 0;
            }
        }
    }

    /** The body did not fit the budget: answered 503 + {@code Retry-After}. */
    static final class Exhausted extends RuntimeException {
        Exhausted(long capacity) {
            super("request bodies in flight would exceed http.max-inflight-body-bytes (" + capacity + " bytes)", null,
                false, false);
        }
    }
}

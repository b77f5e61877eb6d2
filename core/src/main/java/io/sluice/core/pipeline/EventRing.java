package io.sluice.core.pipeline;

import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import io.sluice.core.LogEvent;

/**
 * The producer side of the ring, as sources see it: claim slots without blocking, fill them in place, publish.
 *
 * <p>Sources run on event loops, so nothing here waits: {@link #tryClaim(int)} answers {@code -1} when the ring is
 * full and the source pauses its input instead (backpressure). Every claimed slot must be published, even one whose
 * bytes did not parse, or the consumers stall at that sequence.
 *
 * <p>A slot's {@link LogEvent#sequence()} is the journal sequence: {@code sequenceBase + ring sequence}. The base is
 * one past the last sequence the journal holds, so numbers continue across restarts and are never reused.
 */
public final class EventRing {
    private final RingBuffer<LogEvent> ring;
    private final long sequenceBase;

    EventRing(RingBuffer<LogEvent> ring, long sequenceBase) {
        this.ring = ring;
        this.sequenceBase = sequenceBase;
    }

    /**
     * Claims {@code n} consecutive slots. Returns the highest claimed ring sequence (the lowest is
     * {@code hi - n + 1}), or {@code -1} if that many are not free. Thread-safe, lock-free, never blocks.
     */
    public long tryClaim(int n) {
        try {
            return ring.tryNext(n);
        } catch (InsufficientCapacityException full) {
            return -1; // a preallocated singleton: cheap to catch
        }
    }

    /** The slot for a claimed ring sequence, with its journal sequence already set. */
    public LogEvent slot(long ringSequence) {
        LogEvent event = ring.get(ringSequence);
        event.setSequence(sequenceBase + ringSequence);
        return event;
    }

    public void publish(long ringSequence) {
        ring.publish(ringSequence);
    }

    /** Publishes a claimed range at once: one consumer wake-up for the lot. */
    public void publish(long lo, long hi) {
        ring.publish(lo, hi);
    }

    /** Free slots; approximate while other producers claim concurrently. */
    public long remainingCapacity() {
        return ring.remainingCapacity();
    }

    public int bufferSize() {
        return ring.getBufferSize();
    }

    /** Journal sequence the next event will get, at best; for diagnostics. */
    public long sequenceBase() {
        return sequenceBase;
    }

    /** Highest ring sequence claimed so far by any producer (-1 before the first). */
    public long cursor() {
        return ring.getCursor();
    }
}

package io.sluice.core;

/**
 * Wall-clock time in epoch nanoseconds without allocating: {@code System.nanoTime()} offset from an anchor that is
 * re-read from the wall clock once a second, so the result has nanosecond resolution yet follows NTP adjustments.
 * Safe from any thread.
 */
public final class EpochClock {
    private static final long REANCHOR_NANOS = 1_000_000_000L;

    /** Immutable, so a reader sees a consistent pair; replaced once a second (one small allocation). */
    private record Anchor(long epochNanos, long monoNanos) {
    }

    private volatile Anchor anchor = newAnchor();

    public long epochNanos() {
        Anchor a = anchor;
        long mono = System.nanoTime();
        long elapsed = mono - a.monoNanos;
        if (elapsed >= REANCHOR_NANOS) {
            a = newAnchor();
            anchor = a;
            elapsed = System.nanoTime() - a.monoNanos;
        }
        return a.epochNanos + elapsed;
    }

    private static Anchor newAnchor() {
        long mono = System.nanoTime();
        java.time.Instant now = java.time.Instant.now();
        return new Anchor(now.getEpochSecond() * 1_000_000_000L + now.getNano(), mono);
    }
}

package io.sluice.analyzers.security.detect;

import java.time.Duration;

/**
 * A detector's rule: at least {@code count} events (or distinct values) within a sliding {@code window}. The window
 * is also how long a subject must stay quiet before its anomaly closes.
 *
 * @param count  events or distinct values that trip the detector, 1..{@value #MAX_COUNT} (each tracked key keeps
 *               {@code count} timestamps: the bound is a memory bound)
 * @param window sliding window, positive
 */
public record Threshold(int count, Duration window) {
    public static final int MAX_COUNT = 1024;

    public Threshold {
        if (count < 1 || count > MAX_COUNT) {
            throw new IllegalArgumentException("threshold count must be 1.." + MAX_COUNT + ", got " + count);
        }
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("threshold window must be positive, got " + window);
        }
    }

    public static Threshold of(int count, Duration window) {
        return new Threshold(count, window);
    }

    public long windowNanos() {
        return window.toNanos();
    }
}

package io.sluice.server.alerts;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter: {@code initial}, {@code 2 x initial}, {@code 4 x initial} ... capped at
 * {@code max}, each wait scaled by a random factor in [0.8, 1.2) (but never past {@code max}) so that Sluice
 * instances restarted together do not retry in step.
 *
 * <p>Thread contract: not thread-safe; one per destination, used on the outbox thread.
 */
final class Backoff {
    private final long initialNanos;
    private final long maxNanos;
    private int failures;

    Backoff(Duration initial, Duration max) {
        this.initialNanos = initial.toNanos();
        this.maxNanos = max.toNanos();
    }

    /** The wait before the next attempt, counting one more failure. */
    long nextDelayNanos() {
        int doublings = Math.min(failures, 40);
        failures++;
        long base = initialNanos > (maxNanos >> doublings) ? maxNanos : initialNanos << doublings;
        long jittered = (long) (base * (0.8 + 0.4 * ThreadLocalRandom.current().nextDouble()));
        return Math.min(maxNanos, Math.max(1, jittered));
    }

    /** Failed attempts since the last success. */
    int failures() {
        return failures;
    }

    void reset() {
        failures = 0;
    }
}

package io.sluice.alerts;

import io.sluice.analyzers.stats.StreamStats;

/**
 * A bound function call: what one rule reads from the analyzers, one value per key.
 *
 * <p>Thread contract: {@link #evaluate} runs on the alert engine's thread only; it may allocate (it runs every
 * evaluation interval, not per event).
 */
public interface AlertQuery {
    /** Receives one value per key. NaN means "no data" (no latency samples): the condition does not hold. */
    @FunctionalInterface
    interface Sink {
        void onValue(String key, double value);
    }

    /** The label each key is reported under ({@code service}, {@code source}, {@code transport} ...). */
    String keyLabel();

    /** Reports the current value of every key this query covers ({@code *}: every key the analyzers know). */
    void evaluate(StreamStats stats, Sink out);
}

package io.sluice.analyzers.errors;

import com.lmax.disruptor.EventHandler;
import io.sluice.analyzers.stats.Dimension;
import io.sluice.analyzers.stats.ErrorRate;
import io.sluice.analyzers.stats.Window;
import io.sluice.analyzers.window.KeyedWindowCounters;
import io.sluice.core.LogEvent;
import java.util.Set;

/**
 * Error rate per service, host and transport: every event counts as one event and, when {@link ErrorClassifier}
 * says so, one error, in the bucket of its receive time, over 1 m, 5 m and 15 m windows.
 *
 * <p>Thread contract: {@link #onEvent} runs on this stage's ring-consumer thread only, allocation-free (a new key
 * allocates its buckets once); the query methods may be called from any thread and see every event handled before
 * the key's last ordered write (see {@link io.sluice.analyzers.window.PairCounterRing}).
 */
public final class ErrorRateAnalyzer implements EventHandler<LogEvent> {
    private final ErrorClassifier classifier;
    private final KeyedWindowCounters[] byDimension = new KeyedWindowCounters[Dimension.values().length];

    public ErrorRateAnalyzer(ErrorSettings settings, int maxKeysPerDimension) {
        this.classifier = new ErrorClassifier(settings);
        for (Dimension d : Dimension.values()) {
            byDimension[d.ordinal()] = new KeyedWindowCounters(d, maxKeysPerDimension);
        }
    }

    @Override
    public void onEvent(LogEvent event, long sequence, boolean endOfBatch) {
        long error = classifier.isError(event) ? 1 : 0;
        for (KeyedWindowCounters counters : byDimension) {
            counters.add(event, 1, error);
        }
    }

    /** Errors and events of {@code key} over {@code window} as of {@code nowNanos}. Any thread; allocates. */
    public ErrorRate errorRate(Dimension dimension, String key, Window window, long nowNanos) {
        long[] sums = new long[2];
        byDimension[dimension.ordinal()].sum(key, window, nowNanos, sums);
        return sums[0] == 0 ? ErrorRate.NONE : new ErrorRate(sums[1], sums[0]);
    }

    /** Keys that had events in the {@code seconds} before {@code nowNanos}. Any thread; allocates. */
    public Set<String> keys(Dimension dimension, long nowNanos, int seconds) {
        return byDimension[dimension.ordinal()].keysSince(nowNanos, seconds);
    }
}

package io.sluice.analyzers.errors;

import com.lmax.disruptor.EventHandler;
import io.sluice.analyzers.scan.LineFacts;
import io.sluice.analyzers.stats.Dimension;
import io.sluice.analyzers.stats.ErrorRate;
import io.sluice.analyzers.stats.Window;
import io.sluice.analyzers.window.DimensionKeys;
import io.sluice.analyzers.window.KeyedWindowCounters;
import io.sluice.core.LogEvent;
import java.util.Set;

/**
 * Error rate per service, host and transport: every event counts as one event and, when {@link ErrorClassifier}
 * says so, one error, in the bucket of its receive time, over 1 m, 5 m and 15 m windows.
 *
 * <p>Thread contract: {@link #onEvent} runs on this stage's ring-consumer thread only, allocation-free (a new key
 * allocates its buckets once); the query methods may be called from any thread and see every ring batch handled
 * (counts are published at each end of batch, see {@link KeyedWindowCounters#flush}). The {@link LineFacts} and
 * {@link DimensionKeys} it is given belong to its thread: shared with the analyzers fused onto that thread, never
 * with another stage's.
 */
public final class ErrorRateAnalyzer implements EventHandler<LogEvent> {
    private static final Dimension[] DIMENSIONS = Dimension.values();

    private final ErrorClassifier classifier;
    private final LineFacts facts;
    private final DimensionKeys keys;
    private final KeyedWindowCounters[] byDimension = new KeyedWindowCounters[DIMENSIONS.length];

    /** A stage of its own: its own line facts and keys. */
    public ErrorRateAnalyzer(ErrorSettings settings, int maxKeysPerDimension) {
        this(settings, new LineFacts(), new DimensionKeys(maxKeysPerDimension));
    }

    /** @param facts, keys this analyzer's thread's, possibly shared with the other analyzers on that thread */
    public ErrorRateAnalyzer(ErrorSettings settings, LineFacts facts, DimensionKeys keys) {
        this.classifier = new ErrorClassifier(settings);
        this.facts = facts;
        this.keys = keys;
        for (Dimension d : DIMENSIONS) {
            byDimension[d.ordinal()] = new KeyedWindowCounters(d, keys.index(d));
        }
    }

    @Override
    public void onEvent(LogEvent event, long sequence, boolean endOfBatch) {
        long error = classifier.isError(event, facts.of(event, sequence)) ? 1 : 0;
        long at = event.receivedAtNanos();
        for (Dimension d : DIMENSIONS) {
            byDimension[d.ordinal()].add(keys.idOf(d, event, sequence), at, 1, error);
        }
        if (endOfBatch) {
            for (KeyedWindowCounters counters : byDimension) {
                counters.flush(); // readers see a batch's counts once it is handled
            }
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

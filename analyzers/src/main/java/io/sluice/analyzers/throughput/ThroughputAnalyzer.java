package io.sluice.analyzers.throughput;

import com.lmax.disruptor.EventHandler;
import io.sluice.analyzers.stats.Dimension;
import io.sluice.analyzers.stats.Throughput;
import io.sluice.analyzers.stats.Window;
import io.sluice.analyzers.window.DimensionKeys;
import io.sluice.analyzers.window.KeyedWindowCounters;
import io.sluice.core.LogEvent;
import java.util.Set;

/**
 * Events/s and bytes/s per host (the source), transport and service over 1 m, 5 m and 15 m windows. Bytes are the
 * frame's length as sent ({@link LogEvent#originalLength()}, so a truncated frame counts whole). A rate divides by the
 * seconds the window really spans at the time of reading (its newest bucket is partial), so a steady stream reads
 * its true rate at any moment, and a stream that stopped decays to zero once its window has passed.
 *
 * <p>Thread contract: {@link #onEvent} runs on this stage's ring-consumer thread only, allocation-free (a new key
 * allocates its buckets once); the query methods may be called from any thread and see every ring batch handled
 * (counts are published at each end of batch, see {@link KeyedWindowCounters#flush}). The {@link DimensionKeys} it is
 * given belong to its thread: shared with the analyzers fused onto that thread, never with another stage's.
 */
public final class ThroughputAnalyzer implements EventHandler<LogEvent> {
    private static final Dimension[] DIMENSIONS = Dimension.values();

    private final DimensionKeys keys;
    private final KeyedWindowCounters[] byDimension = new KeyedWindowCounters[DIMENSIONS.length];

    /** A stage of its own: its own keys. */
    public ThroughputAnalyzer(int maxKeysPerDimension) {
        this(new DimensionKeys(maxKeysPerDimension));
    }

    /** @param keys this analyzer's thread's, possibly shared with the other analyzers on that thread */
    public ThroughputAnalyzer(DimensionKeys keys) {
        this.keys = keys;
        for (Dimension d : DIMENSIONS) {
            byDimension[d.ordinal()] = new KeyedWindowCounters(d, keys.index(d));
        }
    }

    @Override
    public void onEvent(LogEvent event, long sequence, boolean endOfBatch) {
        long bytes = event.originalLength();
        long at = event.receivedAtNanos();
        for (Dimension d : DIMENSIONS) {
            byDimension[d.ordinal()].add(keys.idOf(d, event, sequence), at, 1, bytes);
        }
        if (endOfBatch) {
            for (KeyedWindowCounters counters : byDimension) {
                counters.flush(); // readers see a batch's counts once it is handled
            }
        }
    }

    /** Average rates of {@code key} over {@code window} as of {@code nowNanos}. Any thread; allocates. */
    public Throughput throughput(Dimension dimension, String key, Window window, long nowNanos) {
        KeyedWindowCounters counters = byDimension[dimension.ordinal()];
        long[] sums = new long[2];
        counters.sum(key, window, nowNanos, sums);
        if (sums[0] == 0) {
            return Throughput.NONE;
        }
        double seconds = counters.coveredSeconds(window, nowNanos);
        return new Throughput(sums[0] / seconds, sums[1] / seconds);
    }

    /** Keys that had events in the {@code seconds} before {@code nowNanos}, "other" included. Any thread. */
    public Set<String> keys(Dimension dimension, long nowNanos, int seconds) {
        return byDimension[dimension.ordinal()].keysSince(nowNanos, seconds);
    }
}

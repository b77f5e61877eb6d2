package io.sluice.analyzers.window;

import io.sluice.analyzers.stats.Dimension;
import io.sluice.analyzers.stats.LatencySummary;
import io.sluice.analyzers.stats.Window;
import io.sluice.core.LogEvent;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.HdrHistogram.Histogram;

/**
 * {@link LatencyWindows} per key of one dimension. A key's histograms are allocated when it reports its first
 * latency (keys that never do cost only their name); keys are capped by a {@link ByteKeyIndex}, the rest share
 * "other".
 *
 * <p>Thread contract: one writer thread calls {@link #record}; a key's windows are published with a release write.
 * Readers on any thread call {@link #summary}, which is synchronized among readers only (they share one merge
 * histogram) and never blocks the writer.
 */
public final class KeyedLatencyWindows {
    private final Dimension dimension;
    private final ByteKeyIndex index;
    private final AtomicReferenceArray<LatencyWindows> windows;
    private final long highestMicros;
    private final int significantDigits;
    private final Histogram merged; // readers only, under this object's lock

    public KeyedLatencyWindows(Dimension dimension, int maxKeys, long highestMicros, int significantDigits) {
        this.dimension = dimension;
        this.index = new ByteKeyIndex(maxKeys);
        this.windows = new AtomicReferenceArray<>(index.idCapacity());
        this.highestMicros = highestMicros;
        this.significantDigits = significantDigits;
        this.merged = LatencyWindows.readerHistogram(highestMicros, significantDigits);
    }

    /** Records {@code micros} for the event's key at its receive time. Writer thread only. */
    public void record(LogEvent event, long micros) {
        int id = EventKeys.idOf(index, dimension, event);
        LatencyWindows w = windows.getPlain(id);
        if (w == null) {
            w = new LatencyWindows(highestMicros, significantDigits); // once per key
            windows.setRelease(id, w);
        }
        w.record(event.receivedAtNanos(), micros);
    }

    /** Percentiles of {@code key} over {@code window} as of {@code nowNanos}. Any thread; allocates the result. */
    public synchronized LatencySummary summary(String key, Window window, long nowNanos) {
        int id = index.find(key);
        LatencyWindows w = id < 0 ? null : windows.getAcquire(id);
        if (w == null) {
            return LatencySummary.NONE;
        }
        merged.reset();
        w.addTo(merged, window, nowNanos);
        return LatencyWindows.summarize(merged);
    }
}

package io.sluice.analyzers.window;

import io.sluice.analyzers.stats.LatencySummary;
import io.sluice.analyzers.stats.Window;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.Histogram;

/**
 * One key's latency over every {@link Window}: 1 m from six 10-second histograms (it slides in 10 s steps), 5 m and
 * 15 m from one-minute histograms (1 min steps). Values are recorded in microseconds, clamped to the highest
 * trackable value, and reported in milliseconds. Preallocated: 7 + 16 histograms per key, nothing per sample.
 *
 * <p>Thread contract: one writer thread calls {@link #record}; readers call {@link #addTo} (see {@link HistogramRing}).
 */
public final class LatencyWindows {
    static final int FINE_SECONDS = 10;
    static final int COARSE_SECONDS = 60;

    private final long highestMicros;
    private final HistogramRing fine;
    private final HistogramRing coarse;

    public LatencyWindows(long highestMicros, int significantDigits) {
        this.highestMicros = highestMicros;
        this.fine = new HistogramRing(FINE_SECONDS, 60 / FINE_SECONDS + 1, highestMicros, significantDigits);
        this.coarse = new HistogramRing(COARSE_SECONDS, 900 / COARSE_SECONDS + 1, highestMicros, significantDigits);
    }

    /** Records one latency observed at {@code epochNanos}; negative values are ignored. Writer thread only. */
    public void record(long epochNanos, long micros) {
        record(epochNanos, micros, 1);
    }

    /** Records {@code count} samples of one latency observed at {@code epochNanos}; as {@link #record(long, long)}. */
    public void record(long epochNanos, long micros, long count) {
        if (micros < 0) {
            return;
        }
        long value = Math.min(micros, highestMicros);
        fine.record(epochNanos, value, count);
        coarse.record(epochNanos, value, count);
    }

    /** Adds {@code window}'s samples as of {@code nowNanos} into {@code into}. Any thread. */
    public void addTo(AbstractHistogram into, Window window, long nowNanos) {
        HistogramRing ring = window.seconds() <= Window.ONE_MINUTE.seconds() ? fine : coarse;
        ring.addWindowTo(into, window.seconds() / ring.bucketSeconds(), nowNanos);
    }

    /** A histogram shaped like the windows', for readers to add windows into. */
    public static Histogram readerHistogram(long highestMicros, int significantDigits) {
        return new Histogram(1, highestMicros, significantDigits);
    }

    /** Percentiles of {@code histogram} (microseconds) in milliseconds; {@link LatencySummary#NONE} when empty. */
    public static LatencySummary summarize(AbstractHistogram histogram) {
        long count = histogram.getTotalCount();
        if (count == 0) {
            return LatencySummary.NONE;
        }
        return new LatencySummary(count, millis(histogram, 50), millis(histogram, 90), millis(histogram, 95),
            millis(histogram, 99), millis(histogram, 99.9), histogram.getMaxValue() / 1000.0);
    }

    private static double millis(AbstractHistogram histogram, double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1000.0;
    }
}

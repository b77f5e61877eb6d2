package io.sluice.analyzers.latency;

import io.sluice.analyzers.stats.LatencySummary;
import io.sluice.analyzers.stats.Window;
import io.sluice.analyzers.window.LatencyWindows;
import io.sluice.core.PipelineLatencyProbe;
import org.HdrHistogram.Histogram;

/**
 * Sluice's own latency at one stage (receive -> analyzer, receive -> journal append): an HdrHistogram over the
 * 1 m / 5 m / 15 m windows plus one since start, 3 significant digits, microseconds up to one hour.
 *
 * <p>Thread contract: {@link #record} and {@link #endOfBatch} are called by one ring-consumer thread only (the stage it
 * measures); allocation-free. A run of equal samples is recorded once, at the next different one or the end of the
 * batch. {@link #window} and {@link #sinceStart} may be called from any thread; they are synchronized among
 * readers only, and a read racing the writer may miss the samples being recorded.
 */
public final class PipelineLatencyRecorder implements PipelineLatencyProbe {
    static final int SIGNIFICANT_DIGITS = 3;
    static final long HIGHEST_MICROS = 3_600_000_000L;

    private final LatencyWindows windows = new LatencyWindows(HIGHEST_MICROS, SIGNIFICANT_DIGITS);
    private final Histogram cumulative = LatencyWindows.readerHistogram(HIGHEST_MICROS, SIGNIFICANT_DIGITS);
    private final Histogram merged = LatencyWindows.readerHistogram(HIGHEST_MICROS, SIGNIFICANT_DIGITS);
    // The run of equal samples not yet recorded (writer only): one histogram update per run instead of per event.
    private long runMicros = -1;
    private long runNanos;
    private long runCount;

    @Override
    public void record(long receivedAtNanos, long nowNanos) {
        long micros = Math.max(0, (nowNanos - receivedAtNanos) / 1_000);
        if (micros == runMicros && nowNanos == runNanos) {
            runCount++; // the next event of one read, handled in the same batch
            return;
        }
        flush();
        runMicros = micros;
        runNanos = nowNanos;
        runCount = 1;
    }

    @Override
    public void endOfBatch() {
        flush();
    }

    private void flush() {
        if (runCount > 0) {
            windows.record(runNanos, runMicros, runCount);
            cumulative.recordValueWithCount(Math.min(runMicros, HIGHEST_MICROS), runCount);
            runCount = 0;
        }
    }

    /** Percentiles over {@code window} as of {@code nowNanos}, in milliseconds. Any thread; allocates the result. */
    public synchronized LatencySummary window(Window window, long nowNanos) {
        merged.reset();
        windows.addTo(merged, window, nowNanos);
        return LatencyWindows.summarize(merged);
    }

    /** Percentiles of every event since start, in milliseconds. Any thread; allocates the result. */
    public synchronized LatencySummary sinceStart() {
        merged.reset();
        merged.add(cumulative);
        return LatencyWindows.summarize(merged);
    }
}

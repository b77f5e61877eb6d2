package io.sluice.analyzers;

import io.sluice.analyzers.errors.ErrorRateAnalyzer;
import io.sluice.analyzers.latency.LatencyAnalyzer;
import io.sluice.analyzers.latency.PipelineLatencyRecorder;
import io.sluice.analyzers.scan.LineFacts;
import io.sluice.analyzers.stats.Dimension;
import io.sluice.analyzers.stats.ErrorRate;
import io.sluice.analyzers.stats.LatencySummary;
import io.sluice.analyzers.stats.StreamStats;
import io.sluice.analyzers.stats.Throughput;
import io.sluice.analyzers.stats.Window;
import io.sluice.analyzers.throughput.ThroughputAnalyzer;
import io.sluice.analyzers.window.DimensionKeys;
import io.sluice.core.EpochClock;
import io.sluice.core.pipeline.EventPipeline;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * The real-time analyzers as one {@link StreamStats}: error rates, latency percentiles, throughput, and Sluice's own
 * pipeline latency. Each analyzer is its own ring stage (one thread each, see {@link #addStagesTo}), or, built with
 * {@link #fused}, all of them run on one ring thread and share that thread's {@link LineFacts} and
 * {@link DimensionKeys}, so an event's line is scanned and its keys resolved once between them. This object answers
 * the queries with a wall-clock "now", so windows slide when traffic stops and a quiet key reads zero once its window
 * has passed.
 *
 * <p>Thread contract: the stages write on their consumer threads (one each, or the one they are fused onto); every
 * query may be called from any thread and allocates its result (see {@link StreamStats}). No lock is shared with the
 * stages or the event loops.
 */
public final class StreamAnalyzers implements StreamStats {
    public static final String ERRORS_STAGE = "errors";
    public static final String LATENCY_STAGE = "latency";
    public static final String THROUGHPUT_STAGE = "throughput";

    private final LongSupplier epochNanos;
    private final PipelineLatencyRecorder analyzerLatency = new PipelineLatencyRecorder();
    private final PipelineLatencyRecorder journalLatency = new PipelineLatencyRecorder();
    private final ErrorRateAnalyzer errors;
    private final LatencyAnalyzer latency;
    private final ThroughputAnalyzer throughput;
    private final boolean fused;

    /** Analyzers for separate stages (see {@link #addStagesTo}), each with its own line facts and keys. */
    public StreamAnalyzers(AnalyzerSettings settings) {
        this(settings, new EpochClock()::epochNanos);
    }

    /**
     * Analyzers for separate stages, on the clock {@code epochNanos}.
     *
     * @param epochNanos wall clock in epoch nanos, the one sources stamp {@code receivedAtNanos} with
     */
    public StreamAnalyzers(AnalyzerSettings settings, LongSupplier epochNanos) {
        this.epochNanos = epochNanos;
        this.errors = new ErrorRateAnalyzer(settings.errors(), settings.maxKeysPerDimension());
        this.latency = new LatencyAnalyzer(settings.latency(), analyzerLatency, epochNanos);
        this.throughput = new ThroughputAnalyzer(settings.maxKeysPerDimension());
        this.fused = false;
    }

    private StreamAnalyzers(AnalyzerSettings settings, LineFacts facts, LongSupplier epochNanos) {
        DimensionKeys keys = new DimensionKeys(settings.maxKeysPerDimension());
        this.epochNanos = epochNanos;
        this.errors = new ErrorRateAnalyzer(settings.errors(), facts, keys);
        this.latency = new LatencyAnalyzer(settings.latency(), facts, analyzerLatency, epochNanos);
        this.throughput = new ThroughputAnalyzer(keys);
        this.fused = true;
    }

    /**
     * Analyzers that all run on one ring thread (the caller fuses {@link #errors}, {@link #latency} and
     * {@link #throughput} onto it) and share its {@code facts} (which other analyzers on that thread may share too)
     * and one set of keys. Never {@link #addStagesTo separate stages}.
     */
    public static StreamAnalyzers fused(AnalyzerSettings settings, LineFacts facts, LongSupplier epochNanos) {
        return new StreamAnalyzers(settings, facts, epochNanos);
    }

    /** As {@link #fused(AnalyzerSettings, LineFacts, LongSupplier)} on the wall clock. */
    public static StreamAnalyzers fused(AnalyzerSettings settings, LineFacts facts) {
        return fused(settings, facts, new EpochClock()::epochNanos);
    }

    /**
     * Adds the three analyzers as ring stages named {@value #ERRORS_STAGE}, {@value #LATENCY_STAGE},
     * {@value #THROUGHPUT_STAGE}, one thread each. Refused for {@link #fused} analyzers: their shared state would be
     * written by three threads.
     */
    public EventPipeline.Builder addStagesTo(EventPipeline.Builder builder) {
        if (fused) {
            throw new IllegalStateException("fused analyzers share per-thread state: they cannot be separate stages");
        }
        return builder.stage(ERRORS_STAGE, errors).stage(LATENCY_STAGE, latency).stage(THROUGHPUT_STAGE, throughput);
    }

    public ErrorRateAnalyzer errors() {
        return errors;
    }

    public LatencyAnalyzer latency() {
        return latency;
    }

    public ThroughputAnalyzer throughput() {
        return throughput;
    }

    /** Receive -> analyzer latency, recorded by the latency stage for every event. */
    public PipelineLatencyRecorder analyzerLatency() {
        return analyzerLatency;
    }

    /** Receive -> journal append latency: hand it to the journal stage, the only thread that may record into it. */
    public PipelineLatencyRecorder journalLatency() {
        return journalLatency;
    }

    /** Keys with events in the last 15 minutes (throughput counts every event), "other" included. */
    @Override
    public Set<String> keys(Dimension dimension) {
        return throughput.keys(dimension, epochNanos.getAsLong(), Window.FIFTEEN_MINUTES.seconds());
    }

    @Override
    public ErrorRate errorRate(Dimension dimension, String key, Window window) {
        return errors.errorRate(dimension, key, window, epochNanos.getAsLong());
    }

    @Override
    public LatencySummary latency(String service, Window window) {
        return latency.latency(service, window, epochNanos.getAsLong());
    }

    @Override
    public Throughput throughput(Dimension dimension, String key, Window window) {
        return throughput.throughput(dimension, key, window, epochNanos.getAsLong());
    }
}

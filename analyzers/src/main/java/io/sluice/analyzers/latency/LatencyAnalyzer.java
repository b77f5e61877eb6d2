package io.sluice.analyzers.latency;

import com.lmax.disruptor.EventHandler;
import io.sluice.analyzers.scan.LineFacts;
import io.sluice.analyzers.stats.Dimension;
import io.sluice.analyzers.stats.LatencySummary;
import io.sluice.analyzers.stats.Window;
import io.sluice.analyzers.window.KeyedLatencyWindows;
import io.sluice.core.LogEvent;
import io.sluice.core.PipelineLatencyProbe;
import java.util.function.LongSupplier;

/**
 * Latency percentiles per service, read from what applications log ({@link LatencyExtractor}), over 1 m, 5 m and
 * 15 m windows; and, as the stage that already times things, Sluice's own receive -> analyzer latency for every event
 * into a {@link PipelineLatencyProbe}.
 *
 * <p>Thread contract: {@link #onEvent} runs on this stage's ring-consumer thread only, allocation-free (a service's
 * histograms are allocated when it reports its first latency); {@link #latency} may be called from any thread. The
 * {@link LineFacts} it is given belong to its thread: shared with the analyzers fused onto that thread, never with
 * another stage's.
 */
public final class LatencyAnalyzer implements EventHandler<LogEvent> {
    private final LatencyExtractor extractor;
    private final LineFacts facts;
    private final KeyedLatencyWindows perService;
    private final PipelineLatencyProbe pipelineLatency;
    private final LongSupplier epochNanos;
    /**
     * Read once per ring batch, as the journal does: a clock read per event cost more than the rest of the probe, and
     * an event's latency then grew past the histogram's max on nearly every event (a CAS each, 8 % of the ring thread).
     */
    private long batchStartNanos;

    /**
     * @param pipelineLatency where receive -> analyzer latencies go ({@link PipelineLatencyProbe#NONE} for none)
     * @param epochNanos      the clock the probe is timed with, the one sources stamp events with
     */
    public LatencyAnalyzer(LatencySettings settings, PipelineLatencyProbe pipelineLatency, LongSupplier epochNanos) {
        this(settings, new LineFacts(), pipelineLatency, epochNanos);
    }

    /** As above, reading lines through {@code facts}: this analyzer's thread's, possibly shared on that thread. */
    public LatencyAnalyzer(LatencySettings settings, LineFacts facts, PipelineLatencyProbe pipelineLatency,
                           LongSupplier epochNanos) {
        this.facts = facts;
        this.extractor = new LatencyExtractor(settings);
        this.perService = new KeyedLatencyWindows(Dimension.SERVICE, settings.maxServices(), settings.highestMicros(),
            settings.significantDigits());
        this.pipelineLatency = pipelineLatency;
        this.epochNanos = epochNanos;
    }

    @Override
    public void onBatchStart(long batchSize, long queueDepth) {
        batchStartNanos = epochNanos.getAsLong();
    }

    @Override
    public void onEvent(LogEvent event, long sequence, boolean endOfBatch) {
        long micros = extractor.micros(event, facts.of(event, sequence));
        if (micros != LatencyExtractor.NONE) {
            perService.record(event, micros);
        }
        pipelineLatency.record(event.receivedAtNanos(), batchStartNanos);
        if (endOfBatch) {
            pipelineLatency.endOfBatch();
        }
    }

    /** Percentiles of {@code service} over {@code window} as of {@code nowNanos}. Any thread; allocates. */
    public LatencySummary latency(String service, Window window, long nowNanos) {
        return perService.summary(service, window, nowNanos);
    }
}

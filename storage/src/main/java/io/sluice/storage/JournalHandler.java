package io.sluice.storage;

import com.lmax.disruptor.EventHandler;
import io.sluice.core.EpochClock;
import io.sluice.core.LogEvent;
import io.sluice.core.PipelineLatencyProbe;
import net.openhft.chronicle.queue.ChronicleQueue;

/**
 * The journal stage of the pipeline: appends every event to the {@code journal} queue, or to {@code dead-letter}
 * if it was truncated, batching events into excerpts that close at the Disruptor's end of batch.
 *
 * <p>Thread contract: the Disruptor's. {@link #onStart()}, {@link #onEvent} and {@link #onShutdown()} must all run
 * on the one consumer thread (the appenders are created in {@code onStart} and bound to it). {@code onEvent}
 * allocates nothing and takes no lock. When {@code onEvent} returns with {@code endOfBatch} set, every event so far
 * is appended and visible to readers, which is what makes the stage's sequence the durability point.
 */
public final class JournalHandler implements EventHandler<LogEvent> {
    private final ChronicleQueue journalQueue;
    private final ChronicleQueue deadLetterQueue;
    private final JournalSettings settings;
    private final JournalMetrics metrics;
    /** At most one of these is set: see {@link Journal}. */
    private final MappingPrefaulter prefaulter;
    private final JournalPretoucher pretoucher;
    private final Runnable onRelease;
    private final PipelineLatencyProbe latency;
    private final EpochClock clock = new EpochClock();
    /** Read once per ring batch: appending a batch takes microseconds, a clock read per event would cost more. */
    private long batchStartNanos;

    private ExcerptWriter journal;
    private ExcerptWriter deadLetter;

    JournalHandler(ChronicleQueue journalQueue, ChronicleQueue deadLetterQueue, JournalSettings settings,
                   JournalMetrics metrics, MappingPrefaulter prefaulter, JournalPretoucher pretoucher,
                   Runnable onRelease, PipelineLatencyProbe latency) {
        this.journalQueue = journalQueue;
        this.deadLetterQueue = deadLetterQueue;
        this.settings = settings;
        this.metrics = metrics;
        this.prefaulter = prefaulter;
        this.pretoucher = pretoucher;
        this.onRelease = onRelease;
        this.latency = latency;
    }

    @Override
    public void onBatchStart(long batchSize, long queueDepth) {
        batchStartNanos = clock.epochNanos();
    }

    /** Creates the appenders on the consumer thread, which Chronicle then holds them to. */
    @Override
    public void onStart() {
        if (journal != null) {
            throw new IllegalStateException("journal handler already started");
        }
        journal = new ExcerptWriter(journalQueue.createAppender(), metrics, false, settings,
            prefaulter, pretoucher);
        deadLetter = new ExcerptWriter(deadLetterQueue.createAppender(), metrics, true, settings, null, null);
    }

    /**
     * Appends {@code event}; at {@code endOfBatch} closes the open excerpts. An event that fails to append is counted
     * in {@link JournalMetrics#appendErrors()} and rethrown for the pipeline's exception handler; the batch's other
     * events are kept.
     */
    @Override
    public void onEvent(LogEvent event, long sequence, boolean endOfBatch) {
        if (journal == null) {
            throw new IllegalStateException("onStart was not called on the journal thread");
        }
        try {
            (event.isTruncated() ? deadLetter : journal).append(event);
            latency.record(event.receivedAtNanos(), batchStartNanos);
        } catch (RuntimeException e) {
            metrics.onAppendError();
            throw e;
        } finally {
            if (endOfBatch) {
                latency.endOfBatch(); // cannot throw; the journal's flush can
                flush();
            }
        }
    }

    /** Closes any open excerpt so everything appended so far is visible. Consumer thread only. */
    void flush() {
        try {
            journal.commit();
        } finally {
            deadLetter.commit();
        }
    }

    /** Flushes and closes the appenders; the handler cannot be restarted. */
    @Override
    public void onShutdown() {
        try {
            closeBoth(journal, deadLetter);
        } finally {
            onRelease.run();
        }
    }

    /** Closes both writers even if the first fails (or never started), rethrowing the first failure. */
    private static void closeBoth(ExcerptWriter first, ExcerptWriter second) {
        try {
            if (first != null) {
                first.close();
            }
        } finally {
            if (second != null) {
                second.close();
            }
        }
    }
}

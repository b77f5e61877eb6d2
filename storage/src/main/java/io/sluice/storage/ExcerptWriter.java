package io.sluice.storage;

import io.sluice.core.LogEvent;
import java.util.Arrays;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.bytes.BytesStore;
import net.openhft.chronicle.bytes.MappedBytesStore;
import net.openhft.chronicle.bytes.SyncMode;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * Appends events to one queue, many per excerpt: opens an excerpt at the first event, writes records into it in
 * place (zero copy), and closes it when told to ({@link #commit()} at the Disruptor's end of batch) or when it
 * reaches the batch limits. Events become visible to readers, and count in the metrics, when their excerpt closes.
 *
 * <p>Thread contract: confined to the thread that created it (Chronicle appenders are single-threaded); nothing on
 * the append path allocates.
 */
final class ExcerptWriter {
    private final ExcerptAppender appender;
    private final EventRecordCodec codec = new EventRecordCodec();
    private final JournalMetrics metrics;
    private final boolean deadLetter;
    private final int maxBatchBytes;
    private final int maxBatchEvents;
    private final boolean fsync;
    /**
     * Pages ahead of the writer are prefaulted by one of these (or neither: pretouching off, and for dead letters,
     * which are few bytes): the prefaulter where the kernel has {@code MADV_POPULATE_WRITE}, else the pretoucher.
     */
    private final MappingPrefaulter prefaulter;
    private final JournalPretoucher pretoucher;

    private DocumentContext excerpt; // null while no excerpt is open
    private Bytes<?> bytes;
    private long headerAt;
    private int count;
    private long lastSequence;
    private long minReceived;
    private long maxReceived;
    /** Events of the open excerpt per transport code, handed to the metrics when it closes. */
    private final int[] perTransport = new int[JournalMetrics.TRANSPORT_SLOTS];

    ExcerptWriter(ExcerptAppender appender, JournalMetrics metrics, boolean deadLetter, JournalSettings settings,
                  MappingPrefaulter prefaulter, JournalPretoucher pretoucher) {
        this.appender = appender;
        this.metrics = metrics;
        this.deadLetter = deadLetter;
        this.maxBatchBytes = settings.maxBatchBytes();
        this.maxBatchEvents = settings.maxBatchEvents();
        this.fsync = settings.fsync();
        this.prefaulter = prefaulter;
        this.pretoucher = pretoucher;
    }

    void append(LogEvent event) {
        if (excerpt == null) {
            open(event.sequence());
        }
        long recordAt = bytes.writePosition();
        try {
            codec.write(event, bytes);
        } catch (RuntimeException e) {
            bytes.writePosition(recordAt); // drop the partial record, keep the batch's earlier events
            throw e;
        }
        count++;
        perTransport[event.transport().code() & (JournalMetrics.TRANSPORT_SLOTS - 1)]++;
        lastSequence = event.sequence();
        minReceived = Math.min(minReceived, event.receivedAtNanos());
        maxReceived = Math.max(maxReceived, event.receivedAtNanos());
        if (count >= maxBatchEvents || bytes.writePosition() - headerAt >= maxBatchBytes) {
            commit();
        }
    }

    private void open(long firstSequence) {
        excerpt = appender.writingDocument();
        bytes = excerpt.wire().bytes();
        headerAt = ExcerptHeader.reserve(bytes, firstSequence);
        codec.startWriting(firstSequence);
        count = 0;
        minReceived = Long.MAX_VALUE;
        maxReceived = Long.MIN_VALUE;
    }

    /** Closes the open excerpt, if any, making its events visible to readers. */
    void commit() {
        DocumentContext closing = excerpt;
        if (closing == null) {
            return;
        }
        excerpt = null;
        long size = bytes.writePosition() - headerAt;
        bytes = null;
        if (count == 0) {
            Arrays.fill(perTransport, 0);
            closing.rollbackOnClose(); // its only event failed to encode: write nothing rather than an empty batch
            closing.close();
            return;
        }
        Bytes<?> written = closing.wire().bytes();
        ExcerptHeader.complete(written, headerAt, count, lastSequence, minReceived, maxReceived);
        long end = written.writePosition();
        BytesStore<?, ?> store = written.bytesStore();
        closing.close();
        if (fsync && store instanceof MappedBytesStore mapped) {
            // msync before the batch counts as durable (what StoreAppender.sync does)
            mapped.syncUpTo(end, SyncMode.SYNC);
        }
        if (prefaulter != null) {
            prefaulter.ahead(store, end, appender);
        } else if (pretoucher != null) {
            pretoucher.onCommitted(appender.currentFile(), end); // end: a file offset (the wire spans the whole file)
        }
        metrics.onExcerpt(count, size, lastSequence, deadLetter, perTransport);
        Arrays.fill(perTransport, 0);
    }

    /** Commits and releases the appender; call on the writing thread. */
    void close() {
        try {
            commit();
        } finally {
            appender.close();
        }
    }
}

package io.sluice.server.alerts;

import java.util.function.Predicate;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * One destination's position in the outbox queue. A Chronicle named tailer holds the delivery cursor: Chronicle
 * persists its position in the queue's metadata, so after a restart it points at the first entry not yet
 * acknowledged. A second, unnamed tailer reads ahead of it: entries are read for sending, and the cursor moves only
 * when they are acknowledged ({@link #commit}), so a crash mid-request re-sends instead of losing. A destination
 * new to this outbox starts at its end.
 *
 * <p>Thread contract: not thread-safe; created, used and closed on the outbox thread (Chronicle tailers are
 * single-threaded).
 */
final class OutboxCursor implements AutoCloseable {
    /** Chronicle table-store key marking a cursor as known (its position may legitimately be 0). */
    static final String REGISTERED_PREFIX = "sluice.outbox.cursor.";

    private final SingleChronicleQueue queue;
    private final ExcerptTailer committed;
    private final ExcerptTailer reader;

    OutboxCursor(SingleChronicleQueue queue, String name) {
        this.queue = queue;
        this.committed = queue.createTailer(name);
        this.reader = queue.createTailer();
        String registered = REGISTERED_PREFIX + name;
        if (queue.tableStoreGet(registered) == Long.MIN_VALUE) {
            // A destination seen for the first time starts at the end: what the outbox holds was meant for the
            // others, and a webhook just added to the config must not receive their backlog.
            committed.toEnd();
            queue.tableStorePut(registered, 1);
        }
        positionAtCursor(reader);
    }

    private void positionAtCursor(ExcerptTailer tailer) {
        long index = committed.index();
        if (index == 0) {
            tailer.toStart(); // registered while the queue was empty: everything is for it
        } else if (!tailer.moveToIndex(index)) {
            tailer.toEnd(); // the cursor is past the last entry: everything was delivered
        }
    }

    /** How many entries from the cursor on match {@code filter}: one scan at start, on a tailer of its own. */
    long countAhead(Predicate<AlertRecord> filter) {
        long count = 0;
        try (ExcerptTailer scan = queue.createTailer()) {
            positionAtCursor(scan);
            while (true) {
                try (DocumentContext dc = scan.readingDocument()) {
                    if (!dc.isPresent()) {
                        return count;
                    }
                    Bytes<?> bytes = dc.wire().bytes();
                    bytes.readLong(); // seq
                    count += filter.test(AlertRecordCodec.read(bytes)) ? 1 : 0;
                }
            }
        }
    }

    /** The roll cycle of the first unacknowledged entry: files of earlier cycles are no longer needed by it. */
    int cycle(RollCycle rollCycle) {
        long index = committed.index();
        return index == 0 ? Integer.MIN_VALUE : rollCycle.toCycle(index);
    }

    /** The next entry after those read so far, or null at the end of the queue. */
    OutboxEntry next() {
        try (DocumentContext dc = reader.readingDocument()) {
            if (!dc.isPresent()) {
                return null;
            }
            Bytes<?> bytes = dc.wire().bytes();
            long seq = bytes.readLong();
            return new OutboxEntry(seq, AlertRecordCodec.read(bytes));
        }
    }

    /** Marks the {@code count} oldest unacknowledged entries done: they are never read again, even after restart. */
    void commit(int count) {
        for (int i = 0; i < count; i++) {
            try (DocumentContext dc = committed.readingDocument()) {
                if (!dc.isPresent()) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        try {
            reader.close();
        } finally {
            committed.close();
        }
    }
}

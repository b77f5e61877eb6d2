package io.sluice.storage;

import io.sluice.core.LogEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.NavigableSet;
import java.util.concurrent.TimeUnit;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * Replays journaled events, oldest first, from a data dir that a running server may be appending to.
 *
 * <p>Queues are opened read-only: a reader never creates a file, and a missing queue is a
 * {@link JournalNotFoundException}. Events appear once the writer closes their excerpt (at each end of batch). A
 * replay reads until the end that exists when it gets there; it does not wait for more.
 *
 * <p>Seeking: excerpts are skipped after reading only their 37-byte header when their sequence or receive-time
 * range misses the query, and whole cycle files are skipped for {@code fromReceivedNanos} and {@code fromSequence}.
 * Skipping by time relies on receive stamps being wall-clock time within {@link #CLOCK_SLACK_NANOS} of the append
 * (the sources stamp at read, the journal appends moments later): a cycle file that ended more than the slack
 * before {@code from} holds nothing from {@code from} on, and once an excerpt's earliest receive time is more than
 * the slack past {@code to}, no later excerpt can hold an event before {@code to}.
 *
 * <p>Thread contract: thread-safe; each {@link #replay} call uses its own tailer and event, and calls the visitor
 * on the calling thread. It allocates per call, not per event (except for events larger than the inline buffer).
 */
public final class JournalReader implements AutoCloseable {
    /** How far a receive stamp may be from its append time; generous, since it only costs reading more headers. */
    public static final long CLOCK_SLACK_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final Path dataDir;
    private final SingleChronicleQueue journal;
    private final SingleChronicleQueue deadLetter;

    private JournalReader(Path dataDir, SingleChronicleQueue journal, SingleChronicleQueue deadLetter) {
        this.dataDir = dataDir;
        this.journal = journal;
        this.deadLetter = deadLetter;
    }

    /**
     * Opens the queues of {@code dataDir} read-only.
     *
     * @throws JournalNotFoundException if {@code dataDir} holds no journal; nothing is created
     */
    public static JournalReader open(Path dataDir) {
        if (!Files.isDirectory(dataDir)) {
            throw new JournalNotFoundException("no journal: data dir " + dataDir.toAbsolutePath() + " does not exist");
        }
        SingleChronicleQueue journal = JournalQueue.JOURNAL.openForRead(dataDir);
        try {
            return new JournalReader(dataDir, journal, JournalQueue.DEAD_LETTER.openForRead(dataDir));
        } catch (RuntimeException e) {
            journal.close();
            throw e;
        }
    }

    /**
     * Delivers the events matching {@code query} to {@code visitor}, oldest first, until the query's limit, the
     * visitor returning false, or the end of the queue.
     *
     * @return the number of events delivered
     * @throws JournalFormatException if a record cannot be read (unknown version, corruption)
     */
    public long replay(ReplayQuery query, EventVisitor visitor) {
        SingleChronicleQueue queue = query.queue() == JournalQueue.JOURNAL ? journal : deadLetter;
        ExcerptHeader header = new ExcerptHeader();
        try (ExcerptTailer tailer = queue.createTailer()) {
            if (!CycleSeek.position(tailer, queue, query, header)) {
                return 0;
            }
            return readFrom(tailer, query, visitor, header);
        }
    }

    private static long readFrom(ExcerptTailer tailer, ReplayQuery query, EventVisitor visitor, ExcerptHeader header) {
        EventRecordCodec codec = new EventRecordCodec();
        LogEvent event = new LogEvent();
        long stopAt = saturatedAdd(query.toReceivedNanos(), CLOCK_SLACK_NANOS);
        long delivered = 0;
        while (true) {
            try (DocumentContext dc = tailer.readingDocument()) {
                if (!dc.isPresent()) {
                    return delivered;
                }
                Bytes<?> bytes = dc.wire().bytes();
                header.read(bytes);
                if (header.minReceivedAtNanos >= stopAt && stopAt != Long.MAX_VALUE) {
                    return delivered;
                }
                if (missesBatch(header, query)) {
                    continue;
                }
                codec.startReading(header.version, header.firstSequence);
                for (int i = 0; i < header.eventCount; i++) {
                    codec.read(bytes, event);
                    if (query.matches(event.sequence(), event.receivedAtNanos())) {
                        delivered++;
                        if (!visitor.visit(event) || delivered >= query.limit()) {
                            return delivered;
                        }
                    }
                }
            }
        }
    }

    private static boolean missesBatch(ExcerptHeader header, ReplayQuery query) {
        return header.lastSequence < query.fromSequence()
            || header.maxReceivedAtNanos < query.fromReceivedNanos()
            || header.minReceivedAtNanos >= query.toReceivedNanos();
    }

    static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? (a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE) : sum;
    }

    /** The highest sequence in either queue now, or -1; what a restarted server would continue after. */
    public long lastSequence() {
        return Math.max(ExcerptHeader.lastSequenceIn(journal), ExcerptHeader.lastSequenceIn(deadLetter));
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() {
        try {
            journal.close();
        } finally {
            deadLetter.close();
        }
    }

    /** Where a replay starts: the first cycle file that can hold a matching event. */
    private static final class CycleSeek {
        private CycleSeek() {
        }

        /** Moves {@code tailer} to the start of the first useful cycle; false if no cycle can match. */
        static boolean position(ExcerptTailer tailer, SingleChronicleQueue queue, ReplayQuery query,
                                ExcerptHeader header) {
            if (query.fromReceivedNanos() == Long.MIN_VALUE && query.fromSequence() == 0) {
                tailer.toStart();
                return true;
            }
            int first = queue.firstCycle();
            int last = queue.lastCycle();
            if (first > last) {
                return false; // no cycle file yet
            }
            NavigableSet<Long> cycles = queue.listCyclesBetween(first, last);
            Long start = cycles.ceiling(cycleOf(queue, saturatedAdd(query.fromReceivedNanos(), -CLOCK_SLACK_NANOS)));
            if (start == null) {
                return false;
            }
            if (query.fromSequence() > 0) {
                start = lastCycleStartingAtOrBefore(tailer, cycles.tailSet(start, true), query.fromSequence(),
                    header, start);
            }
            return tailer.moveToCycle(start.intValue());
        }

        /**
         * Sequences only grow, so the cycle holding {@code sequence} is the last one whose first batch starts at or
         * before it. Reads one header per cycle file.
         */
        private static Long lastCycleStartingAtOrBefore(ExcerptTailer tailer, NavigableSet<Long> cycles,
                                                        long sequence, ExcerptHeader header, Long fallback) {
            Long found = fallback;
            for (Long cycle : cycles) {
                if (!tailer.moveToCycle(cycle.intValue())) {
                    continue;
                }
                try (DocumentContext dc = tailer.readingDocument()) {
                    if (!dc.isPresent()) {
                        continue;
                    }
                    header.read(dc.wire().bytes());
                }
                if (header.firstSequence > sequence) {
                    break;
                }
                found = cycle;
            }
            return found;
        }

        private static long cycleOf(SingleChronicleQueue queue, long epochNanos) {
            long millis = Math.floorDiv(epochNanos, 1_000_000L);
            long cycle = Math.floorDiv(millis - queue.epoch(), (long) queue.rollCycle().lengthInMillis());
            return Math.max(cycle, Integer.MIN_VALUE);
        }
    }
}

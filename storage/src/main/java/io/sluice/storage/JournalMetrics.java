package io.sluice.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Counters of one {@link Journal}, for the server to bind as Micrometer function counters and gauges.
 *
 * <p>Thread contract: single writer (the journal thread, through {@link JournalHandler}), any number of readers.
 * The writer publishes with release stores on plain {@code long}s (no lock, no CAS, nothing allocated); readers
 * read with acquire loads, so each value is current to within the last closed excerpt. Values are updated when an
 * excerpt is closed, i.e. when its events become visible to readers.
 */
public final class JournalMetrics {
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(long[].class);
    private static final int EVENTS = 0;
    private static final int BYTES = 1;
    private static final int EXCERPTS = 2;
    private static final int DEAD_LETTERED = 3;
    private static final int LAST_SEQUENCE = 4;
    private static final int APPEND_ERRORS = 5;
    private static final String CYCLE_FILE_GLOB = "*.cq4";
    /** Transport codes fit in this many slots (see {@link io.sluice.core.Transport#code()}). */
    static final int TRANSPORT_SLOTS = 8;
    private static final int PER_TRANSPORT = 6;
    private static final int DEAD_LETTERED_PER_TRANSPORT = PER_TRANSPORT + TRANSPORT_SLOTS;

    private final long[] slots = new long[DEAD_LETTERED_PER_TRANSPORT + TRANSPORT_SLOTS];
    private final List<Path> queueDirs;

    JournalMetrics(long lastSequence, List<Path> queueDirs) {
        this.queueDirs = List.copyOf(queueDirs);
        SLOT.setRelease(slots, LAST_SEQUENCE, lastSequence);
    }

    /** Writer side: an excerpt of {@code events} events and {@code bytes} bytes was closed. */
    void onExcerpt(int events, long bytes, long lastSequence, boolean deadLetter, int[] eventsPerTransport) {
        add(EVENTS, events);
        add(BYTES, bytes);
        add(EXCERPTS, 1);
        if (deadLetter) {
            add(DEAD_LETTERED, events);
        }
        int base = deadLetter ? DEAD_LETTERED_PER_TRANSPORT : PER_TRANSPORT;
        for (int t = 0; t < TRANSPORT_SLOTS; t++) {
            if (eventsPerTransport[t] != 0) {
                add(base + t, eventsPerTransport[t]);
            }
        }
        if (lastSequence > slots[LAST_SEQUENCE]) {
            SLOT.setRelease(slots, LAST_SEQUENCE, lastSequence);
        }
    }

    /** Writer side: an event could not be appended. */
    void onAppendError() {
        add(APPEND_ERRORS, 1);
    }

    /** Only the writer calls this, so reading its own plain value back is exact. */
    private void add(int slot, long delta) {
        SLOT.setRelease(slots, slot, slots[slot] + delta);
    }

    private long get(int slot) {
        return (long) SLOT.getAcquire(slots, slot);
    }

    /** Events appended since open, to either queue (dead-lettered ones included). */
    public long eventsAppended() {
        return get(EVENTS);
    }

    /** Events appended to the journal queue (not dead-lettered) that arrived over the transport with this code. */
    public long storedEvents(io.sluice.core.Transport transport) {
        return get(PER_TRANSPORT + (transport.code() & (TRANSPORT_SLOTS - 1)));
    }

    /** Events dead-lettered that arrived over the transport with this code. */
    public long deadLetteredEvents(io.sluice.core.Transport transport) {
        return get(DEAD_LETTERED_PER_TRANSPORT + (transport.code() & (TRANSPORT_SLOTS - 1)));
    }

    /** Excerpt payload bytes appended since open (headers and records; not Chronicle's own framing). */
    public long bytesAppended() {
        return get(BYTES);
    }

    /** Excerpts (batches) closed since open. */
    public long excerptsWritten() {
        return get(EXCERPTS);
    }

    /** Events appended to the dead-letter queue since open. */
    public long deadLetteredEvents() {
        return get(DEAD_LETTERED);
    }

    /** Highest journal sequence stored in either queue, including before this open; -1 if none. */
    public long lastAppendedSequence() {
        return get(LAST_SEQUENCE);
    }

    /** Events that failed to append (also reported to the pipeline's exception handler). */
    public long appendErrors() {
        return get(APPEND_ERRORS);
    }

    /**
     * Bytes on disk of the queues' cycle files ({@code *.cq4}, logical size). Lists directories: call it from a
     * gauge at scrape time, never from the hot path. Any thread.
     */
    public long diskBytes() {
        long total = 0;
        for (Path dir : queueDirs) {
            total += cycleFileBytes(dir);
        }
        return total;
    }

    private static long cycleFileBytes(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        long total = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, CYCLE_FILE_GLOB)) {
            for (Path file : files) {
                total += sizeOrZero(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        return total;
    }

    /** A cycle file deleted by retention between listing and sizing counts as 0. */
    private static long sizeOrZero(Path file) throws IOException {
        try {
            return Files.size(file);
        } catch (NoSuchFileException gone) {
            return 0;
        }
    }
}

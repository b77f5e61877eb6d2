package io.sluice.server.alerts;

import java.io.File;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.core.time.SystemTimeProvider;
import net.openhft.chronicle.core.time.TimeProvider;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.TailerDirection;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueStore;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * Pending notifications, persisted in the Chronicle queue {@code <dataDir>/alert-outbox} so they survive a
 * restart. Each entry is a sequence number and an {@link AlertRecord}; each destination has its own cursor (a
 * named tailer, see {@link OutboxCursor}), so a dead webhook does not hold up Alertmanager. On open every
 * destination resumes at its cursor, re-sending what was not acknowledged before the stop, and the cycle files
 * (daily) that all destinations have passed are deleted.
 *
 * <p>Thread contract: opened, appended to and closed on the outbox thread.
 */
final class AlertOutbox implements AutoCloseable {
    static final String QUEUE_NAME = "alert-outbox";

    private final SingleChronicleQueue queue;
    private final ExcerptAppender appender;
    private final List<Destination> destinations;
    private long nextSeq;

    private AlertOutbox(SingleChronicleQueue queue, List<Destination> destinations) {
        this.queue = queue;
        this.destinations = destinations;
        this.appender = queue.createAppender();
        this.nextSeq = lastSeq(queue) + 1;
    }

    static AlertOutbox open(Path dataDir, List<Notifier> notifiers, HttpClient client,
                            ScheduledExecutorService outboxThread, NotifierSettings settings, Cycles cycles) {
        SingleChronicleQueue queue = SingleChronicleQueueBuilder.single(dataDir.resolve(QUEUE_NAME).toFile())
            .rollCycle(cycles.rollCycle()).timeProvider(cycles.clock()).build();
        List<OutboxCursor> cursors = new ArrayList<>();
        List<Destination> destinations = new ArrayList<>();
        try {
            for (Notifier notifier : notifiers) {
                OutboxCursor cursor = new OutboxCursor(queue, notifier.cursorName());
                cursors.add(cursor);
                destinations.add(new Destination(notifier, cursor, client, outboxThread, settings));
            }
            deletePassedCycles(queue, cursors);
            return new AlertOutbox(queue, destinations);
        } catch (RuntimeException e) {
            cursors.forEach(OutboxCursor::close);
            queue.close();
            throw e;
        }
    }

    /**
     * Deletes the cycle files that every destination has moved past, so the outbox holds what is pending rather
     * than all history (that is the {@code alerts} queue's job). Runs at open, before anything reads those files.
     *
     * @return how many files were deleted
     */
    static int deletePassedCycles(SingleChronicleQueue queue, List<OutboxCursor> cursors) {
        int keepFrom = Integer.MAX_VALUE;
        for (OutboxCursor cursor : cursors) {
            keepFrom = Math.min(keepFrom, cursor.cycle(queue.rollCycle()));
        }
        int first = queue.firstCycle();
        if (cursors.isEmpty() || keepFrom == Integer.MIN_VALUE || first >= keepFrom) {
            return 0;
        }
        int deleted = 0;
        // listCyclesBetween wants existing files at both ends: list them all, stop at the first one still needed.
        for (Long cycle : queue.listCyclesBetween(first, queue.lastCycle()).headSet((long) keepFrom)) {
            SingleChronicleQueueStore store = queue.storeForCycle(cycle.intValue(), queue.epoch(), false, null);
            if (store != null) {
                File file = store.file();
                queue.closeStore(store);
                deleted += file.delete() ? 1 : 0;
            }
        }
        queue.refreshDirectoryListing();
        return deleted;
    }

    /** How the outbox queue rolls files and reads the time: daily in production, faster with a fake clock in tests. */
    record Cycles(RollCycle rollCycle, TimeProvider clock) {
        static final Cycles DAILY = new Cycles(RollCycles.FAST_DAILY, SystemTimeProvider.INSTANCE);
    }

    /** Starts delivering what earlier runs left unacknowledged. */
    void start() {
        for (Destination destination : destinations) {
            destination.start();
        }
    }

    void append(AlertRecord record) {
        try (DocumentContext dc = appender.writingDocument()) {
            Bytes<?> bytes = dc.wire().bytes();
            bytes.writeLong(nextSeq);
            AlertRecordCodec.write(record, bytes);
        }
        nextSeq++;
        for (Destination destination : destinations) {
            destination.onAppended(record);
        }
    }

    /** Stops every destination sending; completes when the requests in flight have been answered. */
    CompletableFuture<Void> stop() {
        return CompletableFuture.allOf(destinations.stream().map(Destination::stop)
            .toArray(CompletableFuture[]::new));
    }

    List<DestinationMetrics> metrics() {
        List<DestinationMetrics> metrics = new ArrayList<>(destinations.size());
        destinations.forEach(d -> metrics.add(d.metrics()));
        return metrics;
    }

    private static long lastSeq(SingleChronicleQueue queue) {
        try (ExcerptTailer tailer = queue.createTailer().direction(TailerDirection.BACKWARD).toEnd();
             DocumentContext dc = tailer.readingDocument()) {
            return dc.isPresent() ? dc.wire().bytes().readLong() : -1;
        }
    }

    @Override
    public void close() {
        try {
            destinations.forEach(Destination::close);
            appender.close();
        } finally {
            queue.close();
        }
    }
}

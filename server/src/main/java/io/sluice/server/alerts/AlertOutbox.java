package io.sluice.server.alerts;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.TailerDirection;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * Pending notifications, persisted in the Chronicle queue {@code <dataDir>/alert-outbox} so they survive a
 * restart. Each entry is a sequence number and an {@link AlertRecord}; each destination has its own cursor (a
 * named tailer, see {@link OutboxCursor}), so a dead webhook does not hold up Alertmanager. On open every
 * destination resumes at its cursor, re-sending what was not acknowledged before the stop.
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
                            ScheduledExecutorService outboxThread, NotifierSettings settings) {
        SingleChronicleQueue queue = SingleChronicleQueueBuilder.single(dataDir.resolve(QUEUE_NAME).toFile()).build();
        List<Destination> destinations = new ArrayList<>();
        try {
            for (Notifier notifier : notifiers) {
                OutboxCursor cursor = new OutboxCursor(queue, notifier.cursorName());
                destinations.add(new Destination(notifier, cursor, client, outboxThread, settings));
            }
            return new AlertOutbox(queue, destinations);
        } catch (RuntimeException e) {
            destinations.forEach(Destination::close);
            queue.close();
            throw e;
        }
    }

    /** Starts delivering what earlier runs left unacknowledged. */
    void start() {
        for (Destination destination : destinations) {
            destination.onAppended(nextSeq);
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
            destination.onAppended(nextSeq);
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

package io.sluice.server.alerts;

import java.nio.file.Path;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * The alert history: every state change (pending, firing, resolved) appended to the Chronicle queue
 * {@code <dataDir>/alerts}, one {@link AlertRecordCodec} record per excerpt; {@link AlertHistoryReader} and
 * {@code sluice replay --queue alerts} read it back.
 *
 * <p>Thread contract: opened, appended to and closed on the outbox thread (one appender, one thread).
 */
final class AlertHistory implements AutoCloseable {
    private final SingleChronicleQueue queue;
    private final ExcerptAppender appender;

    private AlertHistory(SingleChronicleQueue queue) {
        this.queue = queue;
        this.appender = queue.createAppender();
    }

    static AlertHistory open(Path dataDir) {
        SingleChronicleQueue queue = SingleChronicleQueueBuilder.single(dataDir.resolve(AlertHistoryReader.QUEUE_NAME).toFile()).build();
        try {
            return new AlertHistory(queue);
        } catch (RuntimeException e) {
            queue.close();
            throw e;
        }
    }

    void append(AlertRecord record) {
        try (DocumentContext dc = appender.writingDocument()) {
            AlertRecordCodec.write(record, dc.wire().bytes());
        }
    }

    @Override
    public void close() {
        try {
            appender.close();
        } finally {
            queue.close();
        }
    }
}

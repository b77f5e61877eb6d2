package io.sluice.server.alerts;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * Reads the alert history ({@code <dataDir>/alerts}) oldest first, read-only: it never creates a file, and works
 * while a server appends to the same data dir.
 *
 * <p>Thread contract: each {@link #replay} uses its own tailer and calls the visitor on the calling thread.
 */
public final class AlertHistoryReader implements AutoCloseable {
    /** The queue's directory under the data dir, and its name for {@code replay --queue}. */
    public static final String QUEUE_NAME = "alerts";

    private final SingleChronicleQueue queue;

    private AlertHistoryReader(SingleChronicleQueue queue) {
        this.queue = queue;
    }

    /** @throws IllegalStateException if {@code dataDir} holds no alert history */
    public static AlertHistoryReader open(Path dataDir) {
        Path dir = dataDir.resolve(QUEUE_NAME);
        if (!Files.isRegularFile(dir.resolve("metadata.cq4t"))) {
            throw new IllegalStateException("no alert history in " + dataDir.toAbsolutePath() + " (" + dir
                + " not found): is the data dir right, and has an alert rule changed state yet?");
        }
        return new AlertHistoryReader(SingleChronicleQueueBuilder.single(dir.toFile()).readOnly(true).build());
    }

    /**
     * Delivers the transitions recorded in [{@code fromNanos}, {@code toNanos}) (epoch nanos), oldest first, until
     * {@code limit}, the visitor returning false, or the end.
     *
     * @return how many were delivered
     */
    public long replay(long fromNanos, long toNanos, long limit, Predicate<AlertRecord> visitor) {
        long delivered = 0;
        try (ExcerptTailer tailer = queue.createTailer()) {
            while (delivered < limit) {
                AlertRecord record;
                try (DocumentContext dc = tailer.readingDocument()) {
                    if (!dc.isPresent()) {
                        return delivered;
                    }
                    record = AlertRecordCodec.read(dc.wire().bytes());
                }
                if (record.recordedAtNanos() >= fromNanos && record.recordedAtNanos() < toNanos) {
                    delivered++;
                    if (!visitor.test(record)) {
                        return delivered;
                    }
                }
            }
        }
        return delivered;
    }

    /** {@link #replay} printing one JSON object per transition and line to {@code out} (left open). */
    public long writeJsonLines(long fromNanos, long toNanos, long limit, OutputStream out) throws IOException {
        try (JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            json.setRootValueSeparator(null);
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            return replay(fromNanos, toNanos, limit, record -> {
                try {
                    AlertJson.writeHistory(record, json);
                    json.flush();
                    out.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return true;
            });
        }
    }

    @Override
    public void close() {
        queue.close();
    }
}

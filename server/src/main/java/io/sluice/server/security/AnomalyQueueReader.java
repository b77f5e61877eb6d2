package io.sluice.server.security;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * Reads the anomaly queue ({@code <dataDir>/anomalies}) oldest first, read-only: it never creates a file, and works
 * while a server appends to the same data dir. Also the one read loop the store uses to rebuild its index and to
 * replay versions to a resuming SSE client.
 *
 * <p>Thread contract: each read uses its own tailer and calls the visitor on the calling thread.
 */
public final class AnomalyQueueReader implements AutoCloseable {
    /** The queue's directory under the data dir, and its name for {@code replay --queue}. */
    public static final String QUEUE_NAME = "anomalies";

    private final SingleChronicleQueue queue;

    private AnomalyQueueReader(SingleChronicleQueue queue) {
        this.queue = queue;
    }

    /** @throws IllegalStateException if {@code dataDir} holds no anomaly queue */
    public static AnomalyQueueReader open(Path dataDir) {
        Path dir = dataDir.resolve(QUEUE_NAME);
        if (!Files.isRegularFile(dir.resolve("metadata.cq4t"))) {
            throw new IllegalStateException("no anomalies in " + dataDir.toAbsolutePath() + " (" + dir
                + " not found): is the data dir right, and has a detector fired yet?");
        }
        return new AnomalyQueueReader(SingleChronicleQueueBuilder.single(dir.toFile()).readOnly(true).build());
    }

    /**
     * Delivers the versions recorded in [{@code fromNanos}, {@code toNanos}) (epoch nanos), oldest first, until
     * {@code limit}, the visitor returning false, or the end.
     *
     * @return how many were delivered
     */
    public long replay(long fromNanos, long toNanos, long limit, Predicate<AnomalyRecord> visitor) {
        long[] delivered = {0};
        forEach(queue, 0, record -> {
            if (record.recordedAtNanos() < fromNanos || record.recordedAtNanos() >= toNanos) {
                return true;
            }
            delivered[0]++;
            return visitor.test(record) && delivered[0] < limit;
        });
        return delivered[0];
    }

    /** {@link #replay} printing one JSON object per version and line to {@code out} (left open). */
    public long writeJsonLines(long fromNanos, long toNanos, long limit, OutputStream out) throws IOException {
        if (limit < 1) {
            return 0;
        }
        try (JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            json.setRootValueSeparator(null);
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            return replay(fromNanos, toNanos, limit, record -> {
                try {
                    AnomalyJson.write(record, true, json);
                    json.flush();
                    out.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return true;
            });
        }
    }

    /**
     * Delivers every version with a version sequence above {@code afterVersion}, oldest first, until the visitor
     * returns false or the end that exists now. Older excerpts are skipped after reading 9 bytes.
     */
    static void forEach(SingleChronicleQueue queue, long afterVersion, Predicate<AnomalyRecord> visitor) {
        try (ExcerptTailer tailer = queue.createTailer()) {
            while (true) {
                AnomalyRecord record;
                try (DocumentContext dc = tailer.readingDocument()) {
                    if (!dc.isPresent()) {
                        return;
                    }
                    Bytes<?> bytes = dc.wire().bytes();
                    long version = AnomalyRecordCodec.readVersionSequence(bytes);
                    if (version <= afterVersion) {
                        continue;
                    }
                    record = AnomalyRecordCodec.readAfterVersion(version, bytes);
                }
                if (!visitor.test(record)) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        queue.close();
    }
}

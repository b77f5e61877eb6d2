package io.sluice.server.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.sluice.server.alerts.AlertHistoryReader;
import io.sluice.server.json.EventJsonWriter;
import io.sluice.server.security.AnomalyQueueReader;
import io.sluice.storage.JournalQueue;
import io.sluice.storage.JournalReader;
import io.sluice.storage.ReplayQuery;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sluice replay}: prints stored events (or, with {@code --queue alerts}, alert state changes; with
 * {@code --queue anomalies}, every stored anomaly version) as JSON lines, oldest first. Reads the queue files
 * directly, so it works while a server appends to the same data dir.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
    description = "Print stored events as JSON lines, oldest first.")
public final class ReplayCommand implements Callable<Integer> {
    @Option(names = "--data-dir", description = "Journal directory (default: ./data)")
    Path dataDir = Path.of("data");

    @Option(names = "--from", description = "First receive time to include, ISO-8601 (e.g. 2026-11-23T10:00:00Z)")
    String from;

    @Option(names = "--to", description = "Receive time to stop before, ISO-8601")
    String to;

    @Option(names = "--limit", description = "Print at most this many events")
    long limit = Long.MAX_VALUE;

    @Option(names = "--queue", description = "Queue to read: journal (default), dead-letter, alerts (alert "
        + "state changes; --from/--to then select by the time of the change) or anomalies (every anomaly version; "
        + "--from/--to select by the time it was stored)")
    String queue = "journal";

    @Override
    public Integer call() throws IOException {
        if (AlertHistoryReader.QUEUE_NAME.equals(queue)) {
            return replayAlerts();
        }
        if (AnomalyQueueReader.QUEUE_NAME.equals(queue)) {
            return replayAnomalies();
        }
        ReplayQuery query = ReplayQuery.all(JournalQueue.ofName(queue))
            .between(nanos(from, Long.MIN_VALUE), nanos(to, Long.MAX_VALUE))
            .withLimit(limit);
        OutputStream out = new BufferedOutputStream(System.out, 1 << 16);
        try (JournalReader reader = JournalReader.open(dataDir);
             JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            json.setRootValueSeparator(null);
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            reader.replay(query, event -> {
                try {
                    EventJsonWriter.write(event, json);
                    json.flush();
                    out.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return true;
            });
        }
        out.flush();
        return 0;
    }

    private Integer replayAlerts() throws IOException {
        OutputStream out = new BufferedOutputStream(System.out, 1 << 16);
        try (AlertHistoryReader reader = AlertHistoryReader.open(dataDir)) {
            reader.writeJsonLines(nanos(from, Long.MIN_VALUE), nanos(to, Long.MAX_VALUE), limit, out);
        }
        out.flush();
        return 0;
    }

    private Integer replayAnomalies() throws IOException {
        OutputStream out = new BufferedOutputStream(System.out, 1 << 16);
        try (AnomalyQueueReader reader = AnomalyQueueReader.open(dataDir)) {
            reader.writeJsonLines(nanos(from, Long.MIN_VALUE), nanos(to, Long.MAX_VALUE), limit, out);
        }
        out.flush();
        return 0;
    }

    static long nanos(String iso, long absent) {
        if (iso == null) {
            return absent;
        }
        Instant instant;
        try {
            instant = Instant.parse(iso);
        } catch (DateTimeParseException e) {
            instant = OffsetDateTime.parse(iso).toInstant();
        }
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}

package io.sluice.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.core.Field;
import io.sluice.core.LogEvent;
import io.sluice.ingest.elastic.ElasticBulkProtocol;
import io.sluice.ingest.http.DecodedBody;
import io.sluice.ingest.http.EventDraft;
import io.sluice.ingest.http.HttpIngestProtocol;
import io.sluice.ingest.http.IngestRequest;
import io.sluice.ingest.http.JsonRecordMapper;
import io.sluice.ingest.http.NdjsonProtocol;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Cost per line of the HTTP JSON ingest path (NDJSON and Elasticsearch {@code _bulk}), split so that
 * {@code -prof gc} shows where the bytes go. All figures are per JSON record (one op = one line/document).
 *
 * <ul>
 *   <li>{@link #parseLine}: Jackson {@code readTree} of one ~270 B record: the tree the mapper works on.</li>
 *   <li>{@link #mapLineIntoSlot}: parse, map the well-known keys, write the draft straight into a reused slot: the
 *       least the per-record work can cost with the current mapper.</li>
 *   <li>{@link #ndjsonBodyToSlots}: what the handler really does per line: {@link NdjsonProtocol#decode} of a
 *       {@value #LINES}-line body (a standalone {@link LogEvent} per line), then the copy of each into a ring slot
 *       as {@code DraftPublisher} does. Ring claim/publish and Vert.x are left out (see RingHandoffBenchmark).</li>
 *   <li>{@link #bulkBodyToSlots}: the same for an Elasticsearch {@code _bulk} body (action line + document).</li>
 * </ul>
 * This is the API edge and allocates by design (Jackson tree, Strings, a {@code LogEvent} per line); the benchmark
 * measures how much, it does not expect ~0 B/op.
 *
 * <pre>java -jar bench/target/sluice-bench.jar NdjsonBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s -prof gc</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class NdjsonBenchmark {
    /** Lines per request body: a typical shipper batch (Vector, Fluent Bit send tens to hundreds). */
    static final int LINES = 100;
    /** 272 bytes: timestamp, level, service, host, message, and attributes a service adds. */
    static final String JSON_LINE = "{\"timestamp\":\"2026-11-23T10:15:30.123Z\",\"level\":\"error\","
        + "\"service\":\"checkout\",\"host\":\"web-07.prod.example.net\","
        + "\"message\":\"payment authorization failed for order 12345: upstream timeout\",\"duration_ms\":1532,"
        + "\"trace_id\":\"4bf92f3577b34da6a3ce929d0e0e4736\",\"http\":{\"status\":502}}";
    private static final String BULK_ACTION = "{\"create\":{\"_index\":\"logs-checkout\"}}";
    private static final byte[] PEER = "10.1.2.3:51514".getBytes(StandardCharsets.US_ASCII);
    private static final long RECEIVED_AT = 1_795_000_000_000_000_000L;
    private static final int MAX_LINE_BYTES = 1024 * 1024;

    private final byte[] line = JSON_LINE.getBytes(StandardCharsets.UTF_8);
    private final JsonRecordMapper mapper = new JsonRecordMapper();
    private final EventDraft draft = new EventDraft();
    /** Stand-ins for ring slots, preallocated as the ring's are. */
    private final LogEvent[] slots = new LogEvent[LINES];
    private final NdjsonProtocol ndjson = new NdjsonProtocol();
    private final ElasticBulkProtocol bulk = new ElasticBulkProtocol();
    private IngestRequest ndjsonRequest;
    private IngestRequest bulkRequest;

    @Setup
    public void setUp() {
        for (int i = 0; i < LINES; i++) {
            slots[i] = new LogEvent();
        }
        ndjsonRequest = request("application/x-ndjson", "/api/ingest", JSON_LINE + "\n");
        bulkRequest = request("application/x-ndjson", "/_bulk", BULK_ACTION + "\n" + JSON_LINE + "\n");
        mapLineIntoSlot();
        LogEvent slot = slots[0];
        if (slot.severity() != 3 || !"web-07.prod.example.net".equals(slot.fieldAsString(Field.HOSTNAME))
            || !slot.has(Field.ATTRIBUTES) || ndjsonBodyToSlots() != LINES || bulkBodyToSlots() != LINES) {
            throw new IllegalStateException("benchmark records must map: " + slot);
        }
    }

    @Benchmark
    public ObjectNode parseLine() {
        return mapper.parseObject(line, 0, line.length);
    }

    @Benchmark
    public long mapLineIntoSlot() {
        ObjectNode record = mapper.parseObject(line, 0, line.length);
        mapper.map(record, draft.clear());
        LogEvent slot = slots[0];
        draft.writeTo(slot, RECEIVED_AT, PEER, PEER.length);
        return slot.timestampNanos() + slot.rawLength();
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public int ndjsonBodyToSlots() {
        return toSlots(ndjson, ndjsonRequest);
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public int bulkBodyToSlots() {
        return toSlots(bulk, bulkRequest);
    }

    /** Decodes the body, then copies each event into a slot as DraftPublisher does; returns the events copied. */
    private int toSlots(HttpIngestProtocol protocol, IngestRequest request) {
        DecodedBody decoded = protocol.decode(request);
        List<LogEvent> events = decoded.events();
        int n = events.size();
        for (int i = 0; i < n; i++) {
            LogEvent slot = slots[i];
            long sequence = slot.sequence();
            slot.copyFrom(events.get(i));
            slot.setSequence(sequence);
        }
        return n;
    }

    private static IngestRequest request(String contentType, String path, String record) {
        StringBuilder body = new StringBuilder(LINES * record.length());
        for (int i = 0; i < LINES; i++) {
            body.append(record);
        }
        return new IngestRequest(contentType, path, null, Buffer.buffer(body.toString()), RECEIVED_AT, PEER,
            MAX_LINE_BYTES);
    }
}

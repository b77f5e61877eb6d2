package io.sluice.ingest.elastic;

import io.sluice.ingest.http.HttpIngestProtocol;
import io.sluice.ingest.http.IngestRequest;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code POST /_bulk} and {@code POST /{index}/_bulk}: the subset of the Elasticsearch bulk API that log shippers
 * (Fluent Bit, Vector, Filebeat, Logstash) use, so they can point their Elasticsearch output at Sluice.
 *
 * <p>The body is NDJSON: an action line ({@code {"index":{...}}}, {@code {"create":{...}}}, optionally with
 * {@code _index}, {@code _id}; {@code pipeline}, {@code routing}, {@code _type} and the like are ignored), then its
 * source document. Each {@code index} / {@code create} document becomes one event, mapped like an NDJSON line by
 * {@link io.sluice.ingest.http.JsonRecordMapper}, its attributes ending with {@code "_index"} (the action's
 * {@code _index}, else the path's) and {@code "_id"} (as given, else from {@link BulkIdGenerator}). Per item, as
 * Elasticsearch does, the answer refuses with 400: {@code delete} and {@code update} (an append-only journal cannot do
 * them; their source lines, none for delete and one for update, are skipped), a document that is not a JSON object or
 * holds {@code _index}/{@code _id} itself, a document over {@link IngestRequest#maxLineBytes()}, an item without an
 * index. The whole body is refused (400) only where Elasticsearch refuses it too: an action line that cannot be read
 * (its source line cannot be told apart from the next action any more), an action without its source, no action at
 * all; such refusals carry Elasticsearch's error body ({@code {"error":{"root_cause":..,"type":..,"reason":..},
 * "status":400}}). Content types: {@code application/x-ndjson}, {@code application/json} and the compatibility types
 * {@code application/vnd.elasticsearch+x-ndjson} / {@code +json} (the official clients send all of them); others: 415.
 *
 * <p>{@code _seq_no} in the answer counts the documents this protocol instance accepted since start; it is not the
 * journal sequence, which is assigned only later, when the events are copied into ring slots.
 *
 * <p>Thread contract: {@link #decode} runs on an event loop and never blocks. The instance may be shared by every
 * event loop: its id generator and {@code _seq_no} counter are atomic, the rest of the state is per call. Allocates
 * per document: this is the API edge.
 */
public final class ElasticBulkProtocol implements HttpIngestProtocol {
    /** The media types {@link #decode} accepts, as named in a 415 answer. */
    public static final String ACCEPTED_TYPES = "application/x-ndjson, application/json";

    private final BulkIdGenerator ids;
    private final AtomicLong seqNo = new AtomicLong();

    /** Ids from a {@link BulkIdGenerator} seeded from {@link java.security.SecureRandom}. */
    public ElasticBulkProtocol() {
        this(new BulkIdGenerator());
    }

    public ElasticBulkProtocol(BulkIdGenerator ids) {
        this.ids = ids;
    }

    @Override
    public String name() {
        return "bulk";
    }

    @Override
    public BulkResult decode(IngestRequest request) {
        switch (request.contentType()) {
            case "application/x-ndjson", "application/json",
                 "application/vnd.elasticsearch+x-ndjson", "application/vnd.elasticsearch+json" -> { }
            default -> throw ElasticErrors.rejection(415, "illegal_argument_exception",
                "Content-Type header [" + request.contentType() + "] is not supported: use " + ACCEPTED_TYPES);
        }
        return new BulkBodyDecoder(request, ids, seqNo).decode();
    }
}

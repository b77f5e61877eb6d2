package io.sluice.ingest.elastic;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.sluice.core.LogEvent;
import io.sluice.ingest.http.DecodedBody;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What {@link ElasticBulkProtocol} made of one bulk body, and its answer in the shape of Elasticsearch 8's bulk
 * response, which shippers parse item by item to decide what to retry:
 * <pre>
 * 200 {"took":3,"errors":true,"items":[
 *   {"create":{"_index":"logs","_id":"...","_version":1,"result":"created",
 *              "_shards":{"total":1,"successful":1,"failed":0},"_seq_no":7,"_primary_term":1,"status":201}},
 *   {"delete":{"_index":"logs","_id":"1","status":400,
 *              "error":{"type":"illegal_argument_exception","reason":"..."}}}]}
 * </pre>
 * {@code took} is the milliseconds from decoding to answering, the journal wait included. The answer carries
 * {@code X-Elastic-Product: Elasticsearch}, which the official clients check on every response.
 *
 * <p>Thread contract: filled by {@code decode} on the request's event loop, then only read; {@link #respond} runs on
 * that same loop.
 */
public final class BulkResult implements DecodedBody {
    private static final JsonFactory JSON = new JsonFactory();

    private final long startedNanos;
    private final List<LogEvent> events = new ArrayList<>();
    private final List<BulkItem> items = new ArrayList<>();
    private int refused;

    BulkResult(long startedNanos) {
        this.startedNanos = startedNanos;
    }

    void add(BulkItem item) {
        items.add(item);
        refused += item.isError() ? 1 : 0;
    }

    void addEvent(LogEvent event) {
        events.add(event);
    }

    @Override
    public List<LogEvent> events() {
        return Collections.unmodifiableList(events);
    }

    /** One item per action, in request order. */
    public List<BulkItem> items() {
        return Collections.unmodifiableList(items);
    }

    /** The answer's {@code errors} flag: true when any item was refused. */
    public boolean errors() {
        return refused > 0;
    }

    /** Items refused, delete and update included: none of them became an event. */
    @Override
    public int rejected() {
        return refused;
    }

    @Override
    public void respond(HttpServerResponse response) {
        ElasticHandshake.markProduct(response)
            .setStatusCode(200)
            .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
            .end(responseBody());
    }

    /** The JSON answer {@link #respond} sends. */
    public Buffer responseBody() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + items.size() * 200);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeNumberField("took", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos));
            json.writeBooleanField("errors", errors());
            json.writeArrayFieldStart("items");
            for (BulkItem item : items) {
                writeItem(json, item);
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) { // a ByteArrayOutputStream does not fail
            throw new UncheckedIOException(e);
        }
        return Buffer.buffer(out.toByteArray());
    }

    private static void writeItem(JsonGenerator json, BulkItem item) throws IOException {
        json.writeStartObject();
        json.writeObjectFieldStart(item.action().label());
        json.writeStringField("_index", item.index());
        json.writeStringField("_id", item.id());
        if (item.isError()) {
            json.writeNumberField("status", item.status());
            json.writeObjectFieldStart("error");
            json.writeStringField("type", item.errorType());
            json.writeStringField("reason", item.errorReason());
            json.writeEndObject();
        } else {
            json.writeNumberField("_version", 1);
            json.writeStringField("result", "created");
            json.writeObjectFieldStart("_shards");
            json.writeNumberField("total", 1);
            json.writeNumberField("successful", 1);
            json.writeNumberField("failed", 0);
            json.writeEndObject();
            json.writeNumberField("_seq_no", item.seqNo());
            json.writeNumberField("_primary_term", 1);
            json.writeNumberField("status", item.status());
        }
        json.writeEndObject();
        json.writeEndObject();
    }
}

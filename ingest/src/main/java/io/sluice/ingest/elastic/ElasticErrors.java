package io.sluice.ingest.elastic;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.sluice.ingest.http.IngestRejection;
import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Whole-request refusals in Elasticsearch's error shape, which shippers log as they are:
 * {@code {"error":{"root_cause":[{"type":T,"reason":R}],"type":T,"reason":R},"status":S}}.
 *
 * <p>Static, thread-safe.
 */
final class ElasticErrors {
    private static final JsonFactory JSON = new JsonFactory();

    private ElasticErrors() {
    }

    /** An {@link IngestRejection} whose body the HTTP source sends unchanged. */
    static IngestRejection rejection(int status, String type, String reason) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128 + 2 * reason.length());
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeObjectFieldStart("error");
            json.writeArrayFieldStart("root_cause");
            writeCause(json, type, reason);
            json.writeEndArray();
            json.writeStringField("type", type);
            json.writeStringField("reason", reason);
            json.writeEndObject();
            json.writeNumberField("status", status);
            json.writeEndObject();
        } catch (IOException e) { // a ByteArrayOutputStream does not fail
            throw new UncheckedIOException(e);
        }
        return new IngestRejection(status, reason, "application/json", Buffer.buffer(out.toByteArray()));
    }

    private static void writeCause(JsonGenerator json, String type, String reason) throws IOException {
        json.writeStartObject();
        json.writeStringField("type", type);
        json.writeStringField("reason", reason);
        json.writeEndObject();
    }
}

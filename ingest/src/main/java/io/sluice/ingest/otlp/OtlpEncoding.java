package io.sluice.ingest.otlp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.CodedOutputStream;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsPartialSuccess;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.sluice.ingest.http.IngestRejection;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The two OTLP/HTTP payload encodings. A request is answered in the encoding it came in (the specification's
 * "MUST use the same Content-Type in the response"), errors included.
 *
 * <p>Stateless; safe from any thread.
 */
public enum OtlpEncoding {
    /** Binary protobuf, the OTLP default. */
    PROTOBUF("application/x-protobuf"),
    /** Protobuf's JSON mapping with OTLP's deviations (hex ids, integer enums, lowerCamelCase keys only). */
    JSON("application/json");

    /** google.rpc.Status field 2, {@code string message}. */
    private static final int STATUS_MESSAGE_FIELD = 2;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String contentType;

    OtlpEncoding(String contentType) {
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }

    /** The encoding for a media type as {@link io.sluice.ingest.http.IngestRequest#contentType()} gives it, or null. */
    public static OtlpEncoding ofContentType(String mediaType) {
        for (OtlpEncoding encoding : values()) {
            if (encoding.contentType.equals(mediaType)) {
                return encoding;
            }
        }
        return null;
    }

    /** Reads an {@code ExportLogsServiceRequest}; throws when the bytes are not one in this encoding. */
    public ExportLogsServiceRequest readRequest(byte[] body) throws IOException {
        return this == PROTOBUF ? ExportLogsServiceRequest.parseFrom(body) : OtlpJsonRequestReader.read(body);
    }

    /** The success answer: empty when everything was accepted, else with {@code partial_success} filled. */
    public Buffer writeResponse(ExportLogsServiceResponse response) {
        if (this == PROTOBUF) {
            return Buffer.buffer(response.toByteArray());
        }
        ObjectNode root = MAPPER.createObjectNode();
        if (response.hasPartialSuccess()) {
            ExportLogsPartialSuccess partial = response.getPartialSuccess();
            // int64 is a decimal string in protobuf's JSON mapping
            root.putObject("partialSuccess")
                .put("rejectedLogRecords", Long.toString(partial.getRejectedLogRecords()))
                .put("errorMessage", partial.getErrorMessage());
        }
        return json(root);
    }

    /**
     * A failed request as the specification wants it: {@code status} with a {@code google.rpc.Status} body carrying
     * {@code message} ({@code code} is left out, as the specification allows).
     */
    public IngestRejection rejection(int status, String message) {
        Buffer body;
        if (this == PROTOBUF) {
            body = Buffer.buffer(statusBytes(message));
        } else {
            body = json(MAPPER.createObjectNode().put("message", message));
        }
        return new IngestRejection(status, message, contentType, body);
    }

    /** google.rpc.Status is not in opentelemetry-proto; one string field is simpler to write than to depend on. */
    private static byte[] statusBytes(String message) {
        byte[] bytes = new byte[CodedOutputStream.computeStringSize(STATUS_MESSAGE_FIELD, message)];
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        try {
            out.writeString(STATUS_MESSAGE_FIELD, message);
            out.checkNoSpaceLeft();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen: the array is sized exactly
        }
        return bytes;
    }

    private static Buffer json(ObjectNode node) {
        try {
            return Buffer.buffer(MAPPER.writeValueAsBytes(node));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen: a tree of strings always serialises
        }
    }
}

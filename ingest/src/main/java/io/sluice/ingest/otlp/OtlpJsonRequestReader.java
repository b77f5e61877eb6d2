package io.sluice.ingest.otlp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.resource.v1.Resource;
import java.io.IOException;
import java.util.HexFormat;

/**
 * Reads an OTLP/JSON {@code ExportLogsServiceRequest} into the protobuf message, so both encodings share one
 * mapping to events ({@link LogRecordMapper}). Written against a Jackson tree by hand, field by field: the spec's
 * deviations from protobuf's JSON mapping (hex ids, integer enums) rule out a generic mapper.
 *
 * <p>Follows the specification's receiver rules: keys are lowerCamelCase only; a key it does not know, the original
 * snake_case names included, is ignored like an unknown protobuf field; 64-bit integers are accepted as numbers or
 * decimal strings; {@code traceId}/{@code spanId} are hex, case-insensitive, and one that is not valid hex is dropped
 * (logs.proto: a receiver treats an invalid id as absent). Anything of the wrong JSON type fails the whole body.
 *
 * <p>Stateless; safe from any thread. Allocates (the API edge).
 */
final class OtlpJsonRequestReader {
    /** Trailing tokens fail: two requests in one body (NDJSON by mistake) must not silently lose the second. */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private OtlpJsonRequestReader() {
    }

    /** The request in {@code body}; throws with a message naming the offending field when it is not one. */
    static ExportLogsServiceRequest read(byte[] body) throws IOException {
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IOException("not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IOException("an OTLP/JSON body is one ExportLogsServiceRequest object");
        }
        ExportLogsServiceRequest.Builder request = ExportLogsServiceRequest.newBuilder();
        for (JsonNode resourceLogs : OtlpJsonFields.array(root, "resourceLogs")) {
            request.addResourceLogs(resourceLogs(resourceLogs));
        }
        return request.build();
    }

    private static ResourceLogs resourceLogs(JsonNode node) throws IOException {
        OtlpJsonFields.requireObject(node, "resourceLogs[]");
        ResourceLogs.Builder builder = ResourceLogs.newBuilder().setSchemaUrl(OtlpJsonFields.string(node, "schemaUrl"));
        JsonNode resource = OtlpJsonFields.object(node, "resource");
        if (resource != null) {
            builder.setResource(Resource.newBuilder()
                .addAllAttributes(OtlpJsonValues.keyValues(resource, "attributes"))
                .setDroppedAttributesCount(OtlpJsonFields.uint32(resource, "droppedAttributesCount")));
        }
        for (JsonNode scopeLogs : OtlpJsonFields.array(node, "scopeLogs")) {
            builder.addScopeLogs(scopeLogs(scopeLogs));
        }
        return builder.build();
    }

    private static ScopeLogs scopeLogs(JsonNode node) throws IOException {
        OtlpJsonFields.requireObject(node, "scopeLogs[]");
        ScopeLogs.Builder builder = ScopeLogs.newBuilder().setSchemaUrl(OtlpJsonFields.string(node, "schemaUrl"));
        JsonNode scope = OtlpJsonFields.object(node, "scope");
        if (scope != null) {
            builder.setScope(InstrumentationScope.newBuilder()
                .setName(OtlpJsonFields.string(scope, "name"))
                .setVersion(OtlpJsonFields.string(scope, "version"))
                .addAllAttributes(OtlpJsonValues.keyValues(scope, "attributes"))
                .setDroppedAttributesCount(OtlpJsonFields.uint32(scope, "droppedAttributesCount")));
        }
        for (JsonNode record : OtlpJsonFields.array(node, "logRecords")) {
            builder.addLogRecords(logRecord(record));
        }
        return builder.build();
    }

    private static LogRecord logRecord(JsonNode node) throws IOException {
        OtlpJsonFields.requireObject(node, "logRecords[]");
        LogRecord.Builder builder = LogRecord.newBuilder()
            .setTimeUnixNano(OtlpJsonFields.uint64(node, "timeUnixNano"))
            .setObservedTimeUnixNano(OtlpJsonFields.uint64(node, "observedTimeUnixNano"))
            .setSeverityNumberValue(OtlpJsonFields.enumNumber(node, "severityNumber"))
            .setSeverityText(OtlpJsonFields.string(node, "severityText"))
            .setDroppedAttributesCount(OtlpJsonFields.uint32(node, "droppedAttributesCount"))
            .setFlags(OtlpJsonFields.uint32(node, "flags"))
            .setTraceId(hexId(node, "traceId"))
            .setSpanId(hexId(node, "spanId"))
            .setEventName(OtlpJsonFields.string(node, "eventName"));
        JsonNode body = OtlpJsonFields.object(node, "body");
        if (body != null) {
            builder.setBody(OtlpJsonValues.anyValue(body));
        }
        return builder.addAllAttributes(OtlpJsonValues.keyValues(node, "attributes")).build();
    }

    /** Hex as the spec wants; anything else is an invalid id, which logs.proto says to treat as absent. */
    private static ByteString hexId(JsonNode node, String name) throws IOException {
        String hex = OtlpJsonFields.string(node, name);
        if (hex.isEmpty() || (hex.length() & 1) != 0) {
            return ByteString.EMPTY;
        }
        try {
            return ByteString.copyFrom(HexFormat.of().parseHex(hex));
        } catch (IllegalArgumentException notHex) {
            return ByteString.EMPTY;
        }
    }
}

package io.sluice.ingest.otlp;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Renders OTLP values as natural JSON: a string as a string, int and double as numbers, bool, an array as an array,
 * a key-value list as an object, bytes as a base64 string, the empty value as {@code null}. Doubles JSON cannot hold
 * (NaN, infinities) become the strings protobuf's JSON mapping uses. Where a key repeats in one list (OTLP forbids
 * it, senders do it anyway) the first occurrence wins, so the stored object has unique keys.
 *
 * <p>Stateless; safe from any thread. Allocates (the API edge).
 */
final class AnyValueJson {
    private static final JsonFactory JSON = new JsonFactory();

    private AnyValueJson() {
    }

    /** A value as event text: a string as it is, anything else as its JSON; null for the empty value. */
    static String text(AnyValue value) {
        return switch (value.getValueCase()) {
            case STRING_VALUE -> value.getStringValue();
            case VALUE_NOT_SET -> null;
            default -> render(json -> write(json, value));
        };
    }

    /** Whatever {@code writing} writes, as a String. */
    static String render(JsonWriting writing) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            writing.writeTo(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    static void write(JsonGenerator json, AnyValue value) throws IOException {
        switch (value.getValueCase()) {
            case STRING_VALUE -> json.writeString(value.getStringValue());
            case BOOL_VALUE -> json.writeBoolean(value.getBoolValue());
            case INT_VALUE -> json.writeNumber(value.getIntValue());
            case DOUBLE_VALUE -> writeDouble(json, value.getDoubleValue());
            case BYTES_VALUE -> json.writeString(Base64.getEncoder().encodeToString(value.getBytesValue().toByteArray()));
            case ARRAY_VALUE -> {
                json.writeStartArray();
                for (AnyValue element : value.getArrayValue().getValuesList()) {
                    write(json, element);
                }
                json.writeEndArray();
            }
            case KVLIST_VALUE -> writeObject(json, value.getKvlistValue().getValuesList());
            default -> json.writeNull();
        }
    }

    /** Attributes (or a key-value list) as one JSON object, first occurrence of a repeated key kept. */
    static void writeObject(JsonGenerator json, List<KeyValue> attributes) throws IOException {
        json.writeStartObject();
        Set<String> seen = attributes.size() > 1 ? new HashSet<>() : null;
        for (KeyValue kv : attributes) {
            if (seen == null || seen.add(kv.getKey())) {
                json.writeFieldName(kv.getKey());
                write(json, kv.getValue());
            }
        }
        json.writeEndObject();
    }

    private static void writeDouble(JsonGenerator json, double value) throws IOException {
        if (Double.isFinite(value)) {
            json.writeNumber(value);
        } else {
            json.writeString(Double.isNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
        }
    }

    /** A piece of JSON output; {@link #render} collects it. */
    @FunctionalInterface
    interface JsonWriting {
        void writeTo(JsonGenerator json) throws IOException;
    }
}

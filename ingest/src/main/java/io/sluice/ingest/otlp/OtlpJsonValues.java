package io.sluice.ingest.otlp;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.common.v1.KeyValueList;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Reads OTLP/JSON {@code AnyValue} and {@code KeyValue} objects (attributes, bodies), recursively for arrays and
 * key-value lists. {@code bytesValue} is base64 as in protobuf's JSON mapping (standard or URL-safe, padding
 * optional); only trace and span ids are hex. An {@code AnyValue} with none of the known keys is the empty value.
 *
 * <p>Stateless; safe from any thread. Recursion depth is bounded by Jackson's nesting limit.
 */
final class OtlpJsonValues {
    private OtlpJsonValues() {
    }

    /** A repeated {@code KeyValue} field (attributes, a kvlist's values); empty when absent. */
    static List<KeyValue> keyValues(JsonNode parent, String name) throws IOException {
        List<KeyValue> list = new ArrayList<>();
        for (JsonNode kv : OtlpJsonFields.array(parent, name)) {
            list.add(keyValue(kv));
        }
        return list;
    }

    private static KeyValue keyValue(JsonNode node) throws IOException {
        OtlpJsonFields.requireObject(node, "attributes[]");
        KeyValue.Builder builder = KeyValue.newBuilder().setKey(OtlpJsonFields.string(node, "key"));
        JsonNode value = OtlpJsonFields.object(node, "value");
        if (value != null) {
            builder.setValue(anyValue(value));
        }
        return builder.build();
    }

    static AnyValue anyValue(JsonNode node) throws IOException {
        AnyValue.Builder value = AnyValue.newBuilder();
        if (present(node, "stringValue")) {
            value.setStringValue(OtlpJsonFields.string(node, "stringValue"));
        } else if (present(node, "boolValue")) {
            value.setBoolValue(bool(node.get("boolValue")));
        } else if (present(node, "intValue")) {
            value.setIntValue(OtlpJsonFields.int64(node, "intValue"));
        } else if (present(node, "doubleValue")) {
            value.setDoubleValue(doubleValue(node.get("doubleValue")));
        } else if (present(node, "arrayValue")) {
            ArrayValue.Builder array = ArrayValue.newBuilder();
            for (JsonNode element : OtlpJsonFields.array(OtlpJsonFields.object(node, "arrayValue"), "values")) {
                OtlpJsonFields.requireObject(element, "arrayValue.values[]");
                array.addValues(anyValue(element));
            }
            value.setArrayValue(array);
        } else if (present(node, "kvlistValue")) {
            value.setKvlistValue(KeyValueList.newBuilder()
                .addAllValues(keyValues(OtlpJsonFields.object(node, "kvlistValue"), "values")));
        } else if (present(node, "bytesValue")) {
            value.setBytesValue(bytes(OtlpJsonFields.string(node, "bytesValue")));
        }
        return value.build();
    }

    /** A oneof member counts when its key is there with a non-null value. */
    private static boolean present(JsonNode node, String name) {
        JsonNode member = node.get(name);
        return member != null && !member.isNull();
    }

    private static boolean bool(JsonNode node) throws IOException {
        if (!node.isBoolean()) {
            throw new IOException("boolValue must be true or false, got " + node);
        }
        return node.booleanValue();
    }

    /** A JSON number, or a string: "NaN", "Infinity", "-Infinity" or a number (protobuf's JSON mapping). */
    private static double doubleValue(JsonNode node) throws IOException {
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isTextual()) {
            try {
                return Double.parseDouble(node.textValue());
            } catch (NumberFormatException e) {
                throw new IOException("doubleValue must be a number, got \"" + node.textValue() + '"', e);
            }
        }
        throw new IOException("doubleValue must be a number, got " + node);
    }

    private static ByteString bytes(String base64) throws IOException {
        boolean urlSafe = base64.indexOf('-') >= 0 || base64.indexOf('_') >= 0;
        try {
            return ByteString.copyFrom((urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(base64));
        } catch (IllegalArgumentException e) {
            throw new IOException("bytesValue must be base64: " + e.getMessage(), e);
        }
    }
}

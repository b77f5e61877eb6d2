package io.sluice.ingest.otlp;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Collections;

/**
 * Typed reads of one field of an OTLP/JSON object, with protobuf's JSON defaults: a missing key or a JSON
 * {@code null} is the field's zero value. A value of the wrong JSON type throws an {@link IOException} naming the
 * field, which fails the body (400).
 *
 * <p>Stateless; safe from any thread.
 */
final class OtlpJsonFields {
    private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private OtlpJsonFields() {
    }

    static void requireObject(JsonNode node, String what) throws IOException {
        if (!node.isObject()) {
            throw new IOException(what + " must be a JSON object, got " + node.getNodeType());
        }
    }

    /** The elements of a repeated field; none when absent. */
    static Iterable<JsonNode> array(JsonNode parent, String name) throws IOException {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            return Collections.emptyList();
        }
        if (!node.isArray()) {
            throw new IOException(name + " must be a JSON array, got " + node.getNodeType());
        }
        return node;
    }

    /** A message field, or null when absent. */
    static JsonNode object(JsonNode parent, String name) throws IOException {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        requireObject(node, name);
        return node;
    }

    static String string(JsonNode parent, String name) throws IOException {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            return "";
        }
        if (!node.isTextual()) {
            throw new IOException(name + " must be a JSON string, got " + node.getNodeType());
        }
        return node.textValue();
    }

    /** fixed64 / uint64 (timestamps): a number or a decimal string; values above 2^63-1 keep their bits. */
    static long uint64(JsonNode parent, String name) throws IOException {
        BigInteger value = integer(parent.get(name), name);
        if (value.signum() < 0 || value.compareTo(UINT64_MAX) > 0) {
            throw new IOException(name + " must be an unsigned 64-bit integer, got " + value);
        }
        return value.longValue();
    }

    /** int64 ({@code intValue}): a number or a decimal string. */
    static long int64(JsonNode parent, String name) throws IOException {
        BigInteger value = integer(parent.get(name), name);
        if (value.bitLength() > 63) {
            throw new IOException(name + " must be a signed 64-bit integer, got " + value);
        }
        return value.longValue();
    }

    /** uint32 (flags, dropped counts). */
    static int uint32(JsonNode parent, String name) throws IOException {
        BigInteger value = integer(parent.get(name), name);
        if (value.signum() < 0 || value.bitLength() > 32) {
            throw new IOException(name + " must be an unsigned 32-bit integer, got " + value);
        }
        return value.intValue();
    }

    /** An enum field: OTLP/JSON allows only the number, never the name. */
    static int enumNumber(JsonNode parent, String name) throws IOException {
        JsonNode node = parent.get(name);
        if (node != null && node.isTextual()) {
            throw new IOException(name + " must be an integer (OTLP/JSON does not allow enum names), got \""
                + node.textValue() + '"');
        }
        BigInteger value = integer(node, name);
        if (value.bitLength() > 31) {
            throw new IOException(name + " must be a 32-bit integer, got " + value);
        }
        return value.intValue();
    }

    /** A JSON integer, or a string holding one (protobuf's JSON mapping accepts both); zero when absent. */
    private static BigInteger integer(JsonNode node, String name) throws IOException {
        if (node == null || node.isNull()) {
            return BigInteger.ZERO;
        }
        if (node.isIntegralNumber()) {
            return node.bigIntegerValue();
        }
        if (node.isTextual()) {
            try {
                return new BigInteger(node.textValue().trim());
            } catch (NumberFormatException e) {
                throw new IOException(name + " must be an integer, got \"" + node.textValue() + '"', e);
            }
        }
        if (node.isNumber() && node.canConvertToExactIntegral()) {
            return node.decimalValue().toBigIntegerExact(); // 1.0 or 1e3: integral, just written as a float
        }
        throw new IOException(name + " must be an integer, got " + node);
    }
}

package io.sluice.ingest.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.core.Format;
import io.sluice.core.LogEvent;
import io.sluice.core.Severity;
import io.sluice.ingest.syslog.SyslogTimestamps;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * Turns one JSON object (an NDJSON line, an Elasticsearch bulk document) into an {@link EventDraft}: well-known keys
 * become the event's fields, every other key stays as sent in one attributes object (nested objects as objects,
 * numbers exactly as written, the sender's key order).
 *
 * <table>
 *   <caption>Well-known keys, first usable alias wins</caption>
 *   <tr><th>field</th><th>keys</th><th>value</th></tr>
 *   <tr><td>timestamp</td><td>{@code @timestamp}, {@code timestamp}</td>
 *       <td>RFC 3339 string (offset kept as written, none = {@link LogEvent#NO_OFFSET}) or epoch millis
 *       number</td></tr>
 *   <tr><td>severity</td><td>{@code level}, {@code severity}, {@code log.level}</td>
 *       <td>level word ({@link SeverityNames#ofLevel}) or syslog number 0..7</td></tr>
 *   <tr><td>hostname</td><td>{@code host}, {@code hostname}, {@code host.name}</td><td>string</td></tr>
 *   <tr><td>app</td><td>{@code service}, {@code app}, {@code service.name}</td><td>string</td></tr>
 *   <tr><td>message</td><td>{@code message}, {@code msg}, {@code log}</td><td>string</td></tr>
 * </table>
 * A used key is removed from the attributes. A well-known key whose value cannot be used (an unparseable timestamp, an
 * unknown level word, a host that is an object) stays in the attributes, so nothing the sender wrote is lost. ECS
 * objects as Beats send them ({@code "host":{"name":..}}, {@code "service":{"name":..}}, {@code "log":{"level":..}})
 * fill the field when no plain key did, and stay whole in the attributes. {@code log} as a string is the message key
 * of Fluent Bit and Docker records.
 *
 * <p>Thread contract: not thread-safe (a scratch event parses timestamps, {@link #failure()} keeps the last reason);
 * one instance per request, on its event loop. Allocates a Jackson tree per record: this is the API edge.
 */
public final class JsonRecordMapper {
    /**
     * Shared, immutable after construction, thread-safe. Floats are read as BigDecimal so that attributes write
     * numbers back exactly as sent ({@code 1.10} stays {@code 1.10}, {@code 1e400} does not become Infinity).
     */
    static final ObjectMapper JSON = JsonMapper.builder()
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
        .build();

    private static final String[] TIME_KEYS = {"@timestamp", "timestamp"};
    private static final String[] LEVEL_KEYS = {"level", "severity", "log.level"};
    private static final String[] HOST_KEYS = {"host", "hostname", "host.name"};
    private static final String[] APP_KEYS = {"service", "app", "service.name"};
    private static final String[] MESSAGE_KEYS = {"message", "msg", "log"};
    private static final int MIN_RFC3339_CHARS = 19;
    private static final int MAX_RFC3339_CHARS = 64;
    private static final long NANOS_PER_MILLI = 1_000_000L;
    private static final long MAX_EPOCH_MILLIS = Long.MAX_VALUE / NANOS_PER_MILLI;
    private static final int MAX_REASON_CHARS = 200;

    private final LogEvent scratch = new LogEvent(0);
    private final byte[] timestampBytes = new byte[MAX_RFC3339_CHARS];
    private String failure;

    /**
     * Parses {@code b[off..off+len)} as exactly one JSON object. Returns null when it is not one, with the reason in
     * {@link #failure()}.
     */
    public ObjectNode parseObject(byte[] b, int off, int len) {
        JsonNode node;
        try {
            node = JSON.readTree(b, off, len);
        } catch (JsonProcessingException e) {
            failure = invalidJson(e);
            return null;
        } catch (IOException e) { // not thrown for a byte array; kept apart so the contract stays "null + reason"
            failure = "unreadable: " + e.getMessage();
            return null;
        }
        if (node instanceof ObjectNode object) {
            return object;
        }
        failure = node.isMissingNode() ? "no JSON value"
            : "not a JSON object but " + node.getNodeType().name().toLowerCase(Locale.ROOT);
        return null;
    }

    /** Why the last {@link #parseObject} returned null. */
    public String failure() {
        return failure;
    }

    /** {@link #mapWellKnown} plus the remaining keys as the draft's attributes; {@code record} is consumed. */
    public void map(ObjectNode record, EventDraft draft) {
        mapWellKnown(record, draft);
        draft.attributesJson(attributesJson(record));
    }

    /** Sets the draft's format (JSON) and well-known fields from {@code record}, removing the keys it used. */
    public void mapWellKnown(ObjectNode record, EventDraft draft) {
        draft.format(Format.JSON);
        takeTimestamp(record, draft);
        draft.severity(takeSeverity(record));
        draft.hostname(takeText(record, HOST_KEYS, "host", "name"));
        draft.appName(takeText(record, APP_KEYS, "service", "name"));
        draft.message(takeText(record, MESSAGE_KEYS, null, null));
    }

    /** The record as compact JSON text, or null when it has no keys left. */
    public static String attributesJson(ObjectNode record) {
        if (record.isEmpty()) {
            return null;
        }
        try {
            return JSON.writeValueAsString(record);
        } catch (JsonProcessingException e) { // a tree Jackson itself parsed always writes
            throw new UncheckedIOException(e);
        }
    }

    private void takeTimestamp(ObjectNode record, EventDraft draft) {
        for (String key : TIME_KEYS) {
            JsonNode value = record.get(key);
            if (value != null && readTimestamp(value, draft)) {
                record.remove(key);
                return;
            }
        }
    }

    private boolean readTimestamp(JsonNode value, EventDraft draft) {
        if (value.isTextual()) {
            return readRfc3339(value.textValue(), draft);
        }
        if (value.isIntegralNumber()) {
            long millis = value.canConvertToLong() ? value.longValue() : Long.MAX_VALUE;
            if (Math.abs(millis) > MAX_EPOCH_MILLIS) {
                return false;
            }
            draft.timestamp(millis * NANOS_PER_MILLI, 0); // an epoch instant is UTC by definition
            return true;
        }
        if (value.isNumber()) { // fractional millis, e.g. 1700000000123.456
            BigDecimal nanos = value.decimalValue().movePointRight(6);
            if (nanos.abs().compareTo(BigDecimal.valueOf(MAX_EPOCH_MILLIS * NANOS_PER_MILLI)) > 0) {
                return false;
            }
            draft.timestamp(nanos.longValue(), 0);
            return true;
        }
        return false;
    }

    /** Reuses the syslog RFC 3339 parser (lenient: T or space, any fraction, optional offset) on the ASCII bytes. */
    private boolean readRfc3339(String text, EventDraft draft) {
        int n = text.length();
        if (n < MIN_RFC3339_CHARS || n > MAX_RFC3339_CHARS) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c > 0x7f) {
                return false;
            }
            timestampBytes[i] = (byte) c;
        }
        scratch.setTimestamp(LogEvent.NO_TIMESTAMP, LogEvent.NO_OFFSET);
        int end = SyslogTimestamps.parseRfc3339(timestampBytes, 0, n, true, scratch);
        if (end != n || scratch.timestampNanos() == LogEvent.NO_TIMESTAMP) {
            return false; // trailing text, or a date epoch nanos cannot hold
        }
        draft.timestamp(scratch.timestampNanos(), scratch.timestampOffsetSeconds());
        return true;
    }

    private static int takeSeverity(ObjectNode record) {
        for (String key : LEVEL_KEYS) {
            JsonNode value = record.get(key);
            int severity = value == null ? Severity.UNKNOWN : severityOf(value);
            if (severity != Severity.UNKNOWN) {
                record.remove(key);
                return severity;
            }
        }
        JsonNode nested = nested(record, "log", "level");
        return nested == null ? Severity.UNKNOWN : severityOf(nested);
    }

    private static int severityOf(JsonNode value) {
        if (value.isTextual()) {
            return SeverityNames.ofLevel(value.textValue());
        }
        if (value.isIntegralNumber() && value.canConvertToInt()) {
            int n = value.intValue();
            return n >= 0 && n <= Severity.DEBUG.code() ? n : Severity.UNKNOWN;
        }
        return Severity.UNKNOWN;
    }

    /** First string among {@code keys} (removed), else {@code record[object][field]} if a string (kept). */
    private static String takeText(ObjectNode record, String[] keys, String object, String field) {
        for (String key : keys) {
            JsonNode value = record.get(key);
            if (value != null && value.isTextual()) {
                record.remove(key);
                return value.textValue();
            }
        }
        JsonNode nested = object == null ? null : nested(record, object, field);
        return nested != null && nested.isTextual() ? nested.textValue() : null;
    }

    private static JsonNode nested(ObjectNode record, String object, String field) {
        JsonNode parent = record.get(object);
        return parent != null && parent.isObject() ? parent.get(field) : null;
    }

    private static String invalidJson(JsonProcessingException e) {
        String detail = e.getOriginalMessage();
        if (detail.length() > MAX_REASON_CHARS) {
            detail = detail.substring(0, MAX_REASON_CHARS) + "...";
        }
        return e.getLocation() == null ? "invalid JSON: " + detail
            : "invalid JSON at column " + e.getLocation().getColumnNr() + ": " + detail;
    }
}

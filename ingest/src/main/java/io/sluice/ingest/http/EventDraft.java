package io.sluice.ingest.http;

import io.sluice.core.Facility;
import io.sluice.core.Field;
import io.sluice.core.Format;
import io.sluice.core.LogEvent;
import io.sluice.core.Severity;
import io.sluice.core.Transport;
import java.nio.charset.StandardCharsets;

/**
 * What an HTTP decoder (NDJSON, OTLP, Elasticsearch bulk) found in one record, before it has a ring slot. The
 * decoder sets the well-known fields; {@link #writeTo} lays them out in a {@link LogEvent} the same way for every
 * source: the raw bytes are the normalised record, {@code message | hostname | app | procId | msgId | attributes},
 * each a {@link Field} span, so the journal, replay and analyzers treat HTTP events like syslog ones.
 *
 * <p>Lives on the HTTP edge, where Strings already exist: it may allocate. Reusable: {@link #clear()} between records.
 * Not thread-safe.
 */
public final class EventDraft {
    private Format format = Format.JSON;
    private String message;
    private String hostname;
    private String appName;
    private String procId;
    private String msgId;
    private String attributesJson;
    private int facility = Facility.UNKNOWN;
    private int severity = Severity.UNKNOWN;
    private long timestampNanos = LogEvent.NO_TIMESTAMP;
    private int timestampOffsetSeconds = LogEvent.NO_OFFSET;

    public EventDraft clear() {
        format = Format.JSON;
        message = null;
        hostname = null;
        appName = null;
        procId = null;
        msgId = null;
        attributesJson = null;
        facility = Facility.UNKNOWN;
        severity = Severity.UNKNOWN;
        timestampNanos = LogEvent.NO_TIMESTAMP;
        timestampOffsetSeconds = LogEvent.NO_OFFSET;
        return this;
    }

    public EventDraft format(Format value) {
        format = value;
        return this;
    }

    public EventDraft message(String value) {
        message = value;
        return this;
    }

    public EventDraft hostname(String value) {
        hostname = value;
        return this;
    }

    public EventDraft appName(String value) {
        appName = value;
        return this;
    }

    public EventDraft procId(String value) {
        procId = value;
        return this;
    }

    public EventDraft msgId(String value) {
        msgId = value;
        return this;
    }

    /** The record's other keys as one JSON object text, or null when there are none. */
    public EventDraft attributesJson(String value) {
        attributesJson = value;
        return this;
    }

    /** Syslog severity 0..7 ({@link SeverityNames} maps level words and OTLP numbers). */
    public EventDraft severity(int value) {
        severity = value;
        return this;
    }

    public EventDraft facility(int value) {
        facility = value;
        return this;
    }

    /** Event time in epoch nanos and the offset the sender wrote ({@link LogEvent#NO_OFFSET} if none). */
    public EventDraft timestamp(long epochNanos, int offsetSeconds) {
        timestampNanos = epochNanos;
        timestampOffsetSeconds = offsetSeconds;
        return this;
    }

    public String message() {
        return message;
    }

    /**
     * Writes the record into {@code target} (a slot or a standalone event): raw bytes, spans, format, priority,
     * timestamp, transport HTTP, receive time and peer. The sequence is the slot's to set.
     */
    public void writeTo(LogEvent target, long receivedAtNanos, byte[] peer, int peerLength) {
        byte[][] parts = {bytes(message), bytes(hostname), bytes(appName), bytes(procId), bytes(msgId),
            bytes(attributesJson)};
        int total = 0;
        for (byte[] part : parts) {
            total += part == null ? 0 : part.length;
        }
        byte[] raw = target.ensureRawCapacity(total);
        target.setRawLength(total);
        Field[] fields = {Field.MESSAGE, Field.HOSTNAME, Field.APP_NAME, Field.PROC_ID, Field.MSG_ID, Field.ATTRIBUTES};
        int at = 0;
        for (int i = 0; i < parts.length; i++) {
            if (parts[i] != null) {
                System.arraycopy(parts[i], 0, raw, at, parts[i].length);
                target.setSpan(fields[i], at, parts[i].length);
                at += parts[i].length;
            }
        }
        target.setFormat(format);
        target.setPriority(facility, severity);
        target.setTimestamp(timestampNanos, timestampOffsetSeconds);
        target.setTransport(Transport.HTTP);
        target.setReceivedAtNanos(receivedAtNanos);
        target.setPeer(peer, peerLength);
    }

    private static byte[] bytes(String value) {
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }
}

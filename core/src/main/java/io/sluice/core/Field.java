package io.sluice.core;

/**
 * The text fields a parser finds inside an event's raw bytes. Each is stored in the slot as a span
 * (offset, length) into {@link LogEvent#raw()}, never as a String. The ordinal indexes the span arrays and is
 * the order the journal record writes them in: append new fields at the end.
 */
public enum Field {
    HOSTNAME,
    APP_NAME,
    PROC_ID,
    MSG_ID,
    /** RFC 5424 STRUCTURED-DATA as sent, brackets and escapes included; decoded only at the API edge. */
    STRUCTURED_DATA,
    MESSAGE,
    /**
     * Everything else the sender attached, as one JSON object text (e.g. {@code {"user":"bob","http":{"status":500}}}):
     * the extra keys of an NDJSON line, OTLP resource / scope / record attributes. Decoded only at the API edge.
     */
    ATTRIBUTES;

    public static final int COUNT = values().length;
}

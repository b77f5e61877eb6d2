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
    MESSAGE;

    public static final int COUNT = values().length;
}

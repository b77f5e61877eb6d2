package io.sluice.core;

/** Syslog severities (RFC 5424 section 6.2.1); the numeric value is the enum's {@link #code()}. */
public enum Severity {
    EMERGENCY("emerg"),
    ALERT("alert"),
    CRITICAL("crit"),
    ERROR("err"),
    WARNING("warning"),
    NOTICE("notice"),
    INFORMATIONAL("info"),
    DEBUG("debug");

    /** Stored in an event whose severity is not known (a raw line without a PRI). */
    public static final int UNKNOWN = -1;

    private static final Severity[] VALUES = values();

    private final String keyword;

    Severity(String keyword) {
        this.keyword = keyword;
    }

    public int code() {
        return ordinal();
    }

    /** The keyword syslog configurations use ("err", "warning", ...). */
    public String keyword() {
        return keyword;
    }

    /** Label for a numeric severity, "unknown" for anything outside 0..7. */
    public static String keywordOf(int code) {
        return code >= 0 && code < VALUES.length ? VALUES[code].keyword : "unknown";
    }
}

package io.sluice.ingest.otlp;

import io.sluice.core.LogEvent;

/**
 * The partial-success rule of one request: a record whose event would be longer than the source's
 * {@code maxLineBytes} is rejected (the same limit an NDJSON line has); the first one is named in the message so the
 * sender can find it. A limit of 0 or less means no limit.
 *
 * <p>Not thread-safe: one per decode call.
 */
final class RejectedRecords {
    private final int maxBytes;
    private int count;
    private String first;

    RejectedRecords(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Whether the event may be stored; counts it as rejected when not. */
    boolean accepts(LogEvent event, int resource, int scope, int record) {
        if (maxBytes <= 0 || event.rawLength() <= maxBytes) {
            return true;
        }
        if (count++ == 0) {
            first = "resourceLogs[" + resource + "].scopeLogs[" + scope + "].logRecords[" + record + "] ("
                + event.rawLength() + " bytes)";
        }
        return false;
    }

    int count() {
        return count;
    }

    /** For {@code partial_success.error_message}: what was wrong, and where to look. */
    String message() {
        return count + (count == 1 ? " log record" : " log records") + " rejected: a record is stored as one event of"
            + " at most " + maxBytes + " bytes (body, attributes, resource and scope attributes and ids together); "
            + "first: " + first;
    }
}

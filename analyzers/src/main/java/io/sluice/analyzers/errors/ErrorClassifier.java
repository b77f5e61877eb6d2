package io.sluice.analyzers.errors;

import io.sluice.analyzers.scan.AccessLogLine;
import io.sluice.analyzers.scan.FieldVisitor;
import io.sluice.analyzers.scan.JsonFieldScanner;
import io.sluice.core.Field;
import io.sluice.core.LogEvent;

/**
 * Decides whether an event is an error: severity err or worse, else an HTTP status of 500 or more in an ATTRIBUTES
 * status field (a whole number 100..599, bare or quoted), else in an access-log line (the status after
 * {@code HTTP/x.y"}, see {@link AccessLogLine}) in the MESSAGE span. A "500" anywhere else in the text is not a status.
 *
 * <p>Not thread-safe (scanner state): one instance per ring consumer. Allocation-free.
 */
public final class ErrorClassifier implements FieldVisitor {
    private final ErrorSettings settings;
    private final JsonFieldScanner statusScanner;
    private boolean statusError;

    public ErrorClassifier(ErrorSettings settings) {
        this.settings = settings;
        this.statusScanner = new JsonFieldScanner(settings.statusFields());
    }

    public boolean isError(LogEvent event) {
        int severity = event.severity();
        if (severity >= 0 && severity <= settings.maxErrorSeverity()) {
            return true;
        }
        byte[] raw = event.raw();
        if (event.has(Field.ATTRIBUTES)) {
            statusError = false;
            statusScanner.scan(raw, event.spanOffset(Field.ATTRIBUTES), event.spanLength(Field.ATTRIBUTES), this);
            if (statusError) {
                return true;
            }
        }
        int length = event.spanLength(Field.MESSAGE);
        return length > 0
            && AccessLogLine.status(raw, event.spanOffset(Field.MESSAGE), length) >= settings.minErrorStatus();
    }

    /** A status field: stop at the first error status, keep looking past a success. */
    @Override
    public boolean onField(int nameIndex, byte[] bytes, int offset, int length) {
        int status = httpStatus(bytes, offset, length);
        statusError = status >= settings.minErrorStatus();
        return statusError;
    }

    /** A whole number 100..599 written in exactly three digits, or -1. */
    static int httpStatus(byte[] bytes, int offset, int length) {
        if (length != 3) {
            return -1;
        }
        int status = 0;
        for (int i = offset; i < offset + 3; i++) {
            if (bytes[i] < '0' || bytes[i] > '9') {
                return -1;
            }
            status = status * 10 + (bytes[i] - '0');
        }
        return status >= 100 && status <= 599 ? status : -1;
    }
}

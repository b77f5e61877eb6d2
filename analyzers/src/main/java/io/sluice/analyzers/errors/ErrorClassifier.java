package io.sluice.analyzers.errors;

import io.sluice.analyzers.scan.FieldVisitor;
import io.sluice.analyzers.scan.JsonFieldScanner;
import io.sluice.analyzers.scan.LineFacts;
import io.sluice.core.Field;
import io.sluice.core.LogEvent;

/**
 * Decides whether an event is an error: severity err or worse, else an HTTP status of 500 or more in an ATTRIBUTES
 * status field (a whole number 100..599, bare or quoted), else in an access-log line (the status after
 * {@code HTTP/x.y"}, see {@link AccessLogLine}) in the MESSAGE span. A "500" anywhere else in the text is not a status.
 *
 * <p>Not thread-safe (scanner state): one instance per ring consumer. Allocation-free. The access-log status comes
 * from the ring thread's {@link LineFacts}, so the line is scanned for it once per event whichever analyzer asks first.
 */
public final class ErrorClassifier implements FieldVisitor {
    private final ErrorSettings settings;
    private final JsonFieldScanner statusScanner;
    private final LineFacts oneOff = new LineFacts();
    private boolean statusError;

    public ErrorClassifier(ErrorSettings settings) {
        this.settings = settings;
        this.statusScanner = new JsonFieldScanner(settings.statusFields());
    }

    /** Whether {@code event}, on its own (nothing shared with other analyzers), is an error. */
    public boolean isError(LogEvent event) {
        return isError(event, oneOff.fresh(event));
    }

    /** Whether {@code event} is an error; {@code facts} are this thread's, already {@link LineFacts#of of} it. */
    public boolean isError(LogEvent event, LineFacts facts) {
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
        return facts.accessLogStatus() >= settings.minErrorStatus();
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

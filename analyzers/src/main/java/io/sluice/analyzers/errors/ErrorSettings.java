package io.sluice.analyzers.errors;

import java.util.List;

/**
 * What counts as an error.
 *
 * @param maxErrorSeverity syslog severity at or below which an event is an error (3 = err; JSON levels error/fatal
 *                         arrive as 3/2)
 * @param minErrorStatus   HTTP status from which an event is an error
 * @param statusFields     ATTRIBUTES keys holding an HTTP status; each matches a key path's dotted tail, so
 *                         {@code status} also reads {@code http.status}, {@code status_code} also reads
 *                         {@code http.response.status_code}
 */
public record ErrorSettings(int maxErrorSeverity, int minErrorStatus, List<String> statusFields) {
    public static final int DEFAULT_MAX_ERROR_SEVERITY = 3;
    public static final int DEFAULT_MIN_ERROR_STATUS = 500;
    public static final List<String> DEFAULT_STATUS_FIELDS = List.of("status", "status_code", "statusCode");

    public ErrorSettings {
        if (maxErrorSeverity < 0 || maxErrorSeverity > 7) {
            throw new IllegalArgumentException("max error severity must be 0..7, got " + maxErrorSeverity);
        }
        if (minErrorStatus < 100 || minErrorStatus > 599) {
            throw new IllegalArgumentException("min error status must be 100..599, got " + minErrorStatus);
        }
        statusFields = List.copyOf(statusFields);
    }

    public static ErrorSettings defaults() {
        return new ErrorSettings(DEFAULT_MAX_ERROR_SEVERITY, DEFAULT_MIN_ERROR_STATUS, DEFAULT_STATUS_FIELDS);
    }
}

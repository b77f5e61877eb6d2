package io.sluice.analyzers.stats;

/**
 * Errors among events of one key over one window.
 *
 * @param errors events counted as errors (severity err or worse, HTTP status >= 500)
 * @param events all events
 */
public record ErrorRate(long errors, long events) {
    public static final ErrorRate NONE = new ErrorRate(0, 0);

    /** errors / events, 0 when there were no events. */
    public double ratio() {
        return events == 0 ? 0.0 : (double) errors / events;
    }
}

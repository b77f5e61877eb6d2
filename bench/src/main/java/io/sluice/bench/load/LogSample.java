package io.sluice.bench.load;

/**
 * One log line taken apart into what a syslog header or a JSON record carries: where it came from, which service
 * wrote it, how severe it is, and the free text. Built once per corpus line before a run, never on the send path.
 *
 * @param host     host name (ASCII, no spaces)
 * @param app      service / app-name (ASCII, no spaces)
 * @param severity syslog severity 0..7 (3 = err, 4 = warning, 6 = info)
 * @param message  the text after the header, printable ASCII only
 */
public record LogSample(String host, String app, int severity, String message) {
    public static final int ERR = 3;
    public static final int WARNING = 4;
    public static final int INFO = 6;

    public LogSample {
        if (severity < 0 || severity > 7) {
            throw new IllegalArgumentException("severity must be 0..7, got " + severity);
        }
    }

    /** The JSON {@code level} word for {@link #severity}. */
    public String level() {
        return switch (severity) {
            case 0, 1, 2 -> "critical";
            case 3 -> "error";
            case 4 -> "warning";
            case 5 -> "notice";
            case 7 -> "debug";
            default -> "info";
        };
    }
}

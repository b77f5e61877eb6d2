package io.sluice.ingest.http;

import io.sluice.core.Severity;
import java.util.Locale;

/** Maps the ways applications name a level onto syslog severities (0 emerg .. 7 debug). */
public final class SeverityNames {
    private SeverityNames() {
    }

    /**
     * Level words as loggers write them ({@code ERROR}, {@code warn}, {@code Fatal}, {@code crit}, ...), or a syslog
     * number "0".."7". Unknown words give {@link Severity#UNKNOWN}.
     */
    public static int ofLevel(String level) {
        if (level == null || level.isEmpty()) {
            return Severity.UNKNOWN;
        }
        String word = level.trim().toLowerCase(Locale.ROOT);
        if (word.length() == 1 && word.charAt(0) >= '0' && word.charAt(0) <= '7') {
            return word.charAt(0) - '0';
        }
        return switch (word) {
            case "emerg", "emergency", "panic" -> 0;
            case "alert" -> 1;
            case "crit", "critical", "fatal", "severe" -> 2;
            case "err", "error" -> 3;
            case "warn", "warning" -> 4;
            case "notice" -> 5;
            case "info", "informational", "information" -> 6;
            case "debug", "trace", "verbose", "fine", "finer", "finest" -> 7;
            default -> Severity.UNKNOWN;
        };
    }

    /** OpenTelemetry severity numbers (1..24: TRACE, DEBUG, INFO, WARN, ERROR, FATAL in steps of 4). */
    public static int ofOtelNumber(int number) {
        if (number <= 0 || number > 24) {
            return Severity.UNKNOWN;
        }
        if (number <= 8) {
            return 7; // TRACE, DEBUG
        }
        if (number <= 12) {
            return 6; // INFO
        }
        if (number <= 16) {
            return 4; // WARN
        }
        if (number <= 20) {
            return 3; // ERROR
        }
        return 2; // FATAL
    }
}

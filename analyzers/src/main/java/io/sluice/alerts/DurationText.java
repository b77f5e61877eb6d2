package io.sluice.alerts;

import java.time.Duration;

/** Durations as operators write them in rules: "250ms", "30s", "5m", "1h", "1d", or ISO-8601 "PT5M". */
final class DurationText {
    private DurationText() {
    }

    /** @throws IllegalArgumentException naming the text and the accepted units */
    static Duration parse(String text) {
        String t = text.trim();
        if (t.startsWith("P") || t.startsWith("p")) {
            try {
                return Duration.parse(t.toUpperCase(java.util.Locale.ROOT));
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException("not a duration: '" + text + "' (write e.g. 250ms, 30s, 5m, 1h)");
            }
        }
        int unitAt = 0;
        while (unitAt < t.length() && Character.isDigit(t.charAt(unitAt))) {
            unitAt++;
        }
        if (unitAt == 0 || unitAt > 12) {
            throw new IllegalArgumentException("not a duration: '" + text + "' (write e.g. 250ms, 30s, 5m, 1h)");
        }
        long amount = Long.parseLong(t.substring(0, unitAt));
        if (amount == 0 && unitAt == t.length()) {
            return Duration.ZERO;  // "for: 0" needs no unit
        }
        return switch (t.substring(unitAt)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            case "d" -> Duration.ofDays(amount);
            default -> throw new IllegalArgumentException("not a duration: '" + text + "' (units: ms, s, m, h, d)");
        };
    }

    /** The shortest of the forms {@link #parse} reads: "0s", "250ms", "90s", "5m", "1h". */
    static String format(Duration d) {
        long ms = d.toMillis();
        if (ms % 3_600_000 == 0 && ms != 0) {
            return ms / 3_600_000 + "h";
        } else if (ms % 60_000 == 0 && ms != 0) {
            return ms / 60_000 + "m";
        } else if (ms % 1000 == 0) {
            return ms / 1000 + "s";
        }
        return ms + "ms";
    }
}

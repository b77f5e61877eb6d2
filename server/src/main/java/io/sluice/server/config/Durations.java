package io.sluice.server.config;

import java.time.Duration;

/** Durations as people write them in config files: "250ms", "10s", "5m", "1h", or ISO-8601 "PT10S". */
final class Durations {
    private Durations() {
    }

    static Duration parse(String text) {
        String t = text.trim();
        if (t.startsWith("P") || t.startsWith("p")) {
            return Duration.parse(t);
        }
        int unitAt = 0;
        while (unitAt < t.length() && (Character.isDigit(t.charAt(unitAt)))) {
            unitAt++;
        }
        if (unitAt == 0) {
            throw new IllegalArgumentException("not a duration: '" + text + "' (write e.g. 250ms, 10s, 5m, 1h)");
        }
        long amount = Long.parseLong(t.substring(0, unitAt));
        return switch (t.substring(unitAt).trim()) {
            case "ms" -> Duration.ofMillis(amount);
            case "s", "" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> throw new IllegalArgumentException("unknown unit in duration '" + text + "': use ms, s, m or h");
        };
    }
}

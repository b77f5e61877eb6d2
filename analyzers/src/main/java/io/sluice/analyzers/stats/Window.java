package io.sluice.analyzers.stats;

import java.util.Locale;

/**
 * The sliding windows analyzers keep, as operators write them in rules ("10s", "1m", "5m", "15m"). The 10-second window
 * is for fast-burn rules: a ratio over a long window lags a step change by a good part of the window.
 */
public enum Window {
    TEN_SECONDS(10, "10s"),
    ONE_MINUTE(60, "1m"),
    FIVE_MINUTES(300, "5m"),
    FIFTEEN_MINUTES(900, "15m");

    private final int seconds;
    private final String label;

    Window(int seconds, String label) {
        this.seconds = seconds;
        this.label = label;
    }

    public int seconds() {
        return seconds;
    }

    public String label() {
        return label;
    }

    /** "10s", "1m", "5m", "15m" (also "60s", "300s", "900s"). */
    public static Window parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (Window w : values()) {
            if (w.label.equals(t) || (w.seconds + "s").equals(t)) {
                return w;
            }
        }
        throw new IllegalArgumentException("unknown window '" + text + "': use 10s, 1m, 5m or 15m");
    }
}

package io.sluice.alerts;

/**
 * What a function's values measure, and so which units its thresholds may be written in. Every threshold is
 * converted once, at parse time, to the unit the function reports.
 */
public enum ThresholdUnit {
    /** A fraction: {@code 0.01} or {@code 1%}. */
    RATIO("a ratio (0.01 or 1%)"),
    /** A plain count: {@code 10}. */
    COUNT("a count (10)"),
    /** Milliseconds: {@code 500ms}, {@code 2s}, {@code 800us} (a bare number is milliseconds). */
    MILLISECONDS("a duration (500ms, 2s, 800us)"),
    /** Events per second: {@code 1/s}, {@code 30/m}, {@code 100/h} (a bare number is per second). */
    EVENTS_PER_SECOND("a rate (1/s, 30/m, 100/h)"),
    /** Bytes per second: {@code 1KB/s}, {@code 5MB/m}, {@code 100B/s} (decimal multiples; bare: bytes per second). */
    BYTES_PER_SECOND("a byte rate (100B/s, 1KB/s, 5MB/m)");

    private final String expected;

    ThresholdUnit(String expected) {
        this.expected = expected;
    }

    /**
     * Converts a threshold as written: {@code amount} is the word ({@code 500ms}, {@code 1KB}), {@code per} the word
     * after a slash or null.
     *
     * @throws InvalidRuleException (rule unnamed) naming {@code column} when the unit does not fit
     */
    double convert(String amount, String per, int column) {
        int suffixAt = numberEnd(amount);
        String suffix = amount.substring(suffixAt);
        double number;
        try {
            number = Double.parseDouble(amount.substring(0, suffixAt));
        } catch (NumberFormatException e) {
            throw wrong(amount, per, column);
        }
        double scale = switch (this) {
            case RATIO -> per != null ? Double.NaN : suffix.isEmpty() ? 1 : suffix.equals("%") ? 0.01 : Double.NaN;
            case COUNT -> per == null && suffix.isEmpty() ? 1 : Double.NaN;
            case MILLISECONDS -> per != null ? Double.NaN : millis(suffix);
            case EVENTS_PER_SECOND -> suffix.isEmpty() ? perSecond(per) : Double.NaN;
            case BYTES_PER_SECOND -> bytes(suffix) * perSecond(per);
        };
        if (Double.isNaN(scale)) {
            throw wrong(amount, per, column);
        }
        return number * scale;
    }

    private InvalidRuleException wrong(String amount, String per, int column) {
        String written = per == null ? amount : amount + "/" + per;
        return new InvalidRuleException(null, column, "threshold '" + written + "' is not " + expected);
    }

    /** End of the leading decimal number (sign, digits, one dot). */
    private static int numberEnd(String s) {
        int i = s.startsWith("-") ? 1 : 0;
        while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
            i++;
        }
        return i;
    }

    private static double millis(String suffix) {
        return switch (suffix) {
            case "", "ms" -> 1;
            case "s" -> 1000;
            case "us", "µs" -> 0.001;
            default -> Double.NaN;
        };
    }

    private static double perSecond(String per) {
        if (per == null) {
            return 1;
        }
        return switch (per) {
            case "s" -> 1;
            case "m" -> 1.0 / 60;
            case "h" -> 1.0 / 3600;
            default -> Double.NaN;
        };
    }

    private static double bytes(String suffix) {
        return switch (suffix) {
            case "", "B" -> 1;
            case "KB" -> 1e3;
            case "MB" -> 1e6;
            case "GB" -> 1e9;
            default -> Double.NaN;
        };
    }
}

package io.sluice.bench.e2e;

import java.util.Map;

/**
 * Reads single samples out of a Prometheus text exposition ({@code GET /metrics}): enough for the few gauges and
 * counters the benchmark needs, without a client library.
 */
public final class PrometheusText {
    /** The server's pipeline latency gauge: receive -> stage, over the last minute, in seconds. */
    public static final String PIPELINE_LATENCY = "sluice_pipeline_latency_seconds";
    public static final String EVENTS_DROPPED = "sluice_events_dropped_total";

    private PrometheusText() {
    }

    /**
     * The value of the sample {@code name} whose labels include all of {@code labels}; NaN if there is none (or the
     * sample itself is NaN, as the latency gauges are before any event).
     */
    public static double value(String text, String name, Map<String, String> labels) {
        for (String line : text.split("\n")) {
            if (!line.startsWith(name) || line.startsWith("#")) {
                continue;
            }
            int rest = name.length();
            if (rest < line.length() && line.charAt(rest) != '{' && line.charAt(rest) != ' ') {
                continue; // a longer metric name that starts with this one
            }
            int close = line.lastIndexOf('}');
            String labelText = close > rest ? line.substring(rest, close + 1) : "";
            if (!labels.entrySet().stream().allMatch(e -> labelText.contains(e.getKey() + "=\"" + e.getValue() + "\""))) {
                continue;
            }
            String number = line.substring(Math.max(close + 1, rest)).trim();
            int space = number.indexOf(' ');
            return parse(space < 0 ? number : number.substring(0, space));
        }
        return Double.NaN;
    }

    private static double parse(String number) {
        return switch (number) {
            case "NaN" -> Double.NaN;
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(number);
        };
    }

    /** The journal stage's p50 / p99 / p99.9 / max in milliseconds; null if the server had not measured any. */
    public static LatencyMs journalLatency(String text) {
        double p50 = stage(text, "journal", "50");
        if (Double.isNaN(p50)) {
            return null;
        }
        return new LatencyMs(p50, stage(text, "journal", "99"), stage(text, "journal", "99.9"),
            stage(text, "journal", "100"));
    }

    private static double stage(String text, String stage, String percentile) {
        return value(text, PIPELINE_LATENCY, Map.of("stage", stage, "percentile", percentile)) * 1000.0;
    }
}

package io.sluice.bench.e2e;

import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** Latency percentiles in milliseconds, as the results file writes them. */
public record LatencyMs(double p50, double p99, double p999, double max) {

    /** From a histogram of microseconds; null if it recorded nothing. */
    public static LatencyMs ofMicros(Histogram h) {
        if (h == null || h.getTotalCount() == 0) {
            return null;
        }
        return new LatencyMs(h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(99) / 1000.0,
            h.getValueAtPercentile(99.9) / 1000.0, h.getMaxValue() / 1000.0);
    }

    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("p50", round(p50));
        m.put("p99", round(p99));
        m.put("p999", round(p999));
        m.put("max", round(max));
        return m;
    }

    static Double round(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? null : Math.round(v * 1000.0) / 1000.0;
    }
}

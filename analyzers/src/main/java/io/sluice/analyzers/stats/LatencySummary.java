package io.sluice.analyzers.stats;

/**
 * Latency the service reported in its logs over one window, in milliseconds (HdrHistogram precision).
 *
 * @param count samples in the window (0: the percentiles are NaN)
 */
public record LatencySummary(long count, double p50, double p90, double p95, double p99, double p999, double max) {
    public static final LatencySummary NONE = new LatencySummary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
        Double.NaN, Double.NaN);

    /** The percentile named in rules: 50, 90, 95, 99, 99.9, or 100 for max. */
    public double percentile(double p) {
        if (p == 50) {
            return p50;
        } else if (p == 90) {
            return p90;
        } else if (p == 95) {
            return p95;
        } else if (p == 99) {
            return p99;
        } else if (p == 99.9) {
            return p999;
        } else if (p == 100) {
            return max;
        }
        throw new IllegalArgumentException("percentile " + p + " is not kept: use 50, 90, 95, 99, 99.9 or 100");
    }
}

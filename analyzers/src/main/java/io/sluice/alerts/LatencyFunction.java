package io.sluice.alerts;

import io.sluice.analyzers.stats.Dimension;
import io.sluice.analyzers.stats.LatencySummary;
import java.util.EnumSet;

/**
 * {@code latency_p50 .. latency_p999, latency_max (service=*, window=5m)}: the service's reported latency in
 * milliseconds. Latency is kept per service only; a window without samples is "no data" (the condition does not hold).
 */
final class LatencyFunction implements AlertFunction {
    private final double percentile;

    /** @param percentile 50, 90, 95, 99, 99.9, or 100 for max (what {@code LatencySummary.percentile} keeps) */
    LatencyFunction(double percentile) {
        this.percentile = percentile;
    }

    @Override
    public ThresholdUnit unit() {
        return ThresholdUnit.MILLISECONDS;
    }

    @Override
    public AlertQuery bind(FunctionCall call) {
        return KeySelector.bind(call, EnumSet.of(Dimension.SERVICE)).query((stats, selector, service) -> {
            LatencySummary summary = stats.latency(service, selector.window());
            return summary.count() == 0 ? Double.NaN : summary.percentile(percentile);
        });
    }
}

package io.sluice.server;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.sluice.analyzers.stats.Dimension;
import io.sluice.analyzers.stats.ErrorRate;
import io.sluice.analyzers.stats.LatencySummary;
import io.sluice.analyzers.stats.StreamStats;
import io.sluice.analyzers.stats.Window;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Exports what the analyzers know per service and host as Prometheus gauges, refreshed at each scrape (keys come and
 * go, so the rows are rebuilt; a key that went away disappears). At most {@code maxKeys} keys per dimension are
 * exported, on top of the analyzers' own cap, so a key explosion cannot blow up the scrape either.
 */
final class StreamStatsGauges {
    /** Label values; "quantile" is reserved for Prometheus summaries, hence "percentile". */
    private static final String[] PERCENTILES = {"50", "90", "95", "99", "99.9"};

    private final StreamStats stats;
    private final int maxKeys;
    private final MultiGauge errorRatio;
    private final MultiGauge eventsPerSecond;
    private final MultiGauge bytesPerSecond;
    private final MultiGauge latency;

    StreamStatsGauges(StreamStats stats, MeterRegistry registry, int maxKeys) {
        this.stats = stats;
        this.maxKeys = maxKeys;
        this.errorRatio = MultiGauge.builder("sluice.stream.error.ratio")
            .description("Errors / events per key and window (severity err or worse, HTTP 5xx)").register(registry);
        this.eventsPerSecond = MultiGauge.builder("sluice.stream.events.per.second")
            .description("Events per second per key and window").register(registry);
        this.bytesPerSecond = MultiGauge.builder("sluice.stream.bytes.per.second")
            .description("Bytes per second per key and window").register(registry);
        this.latency = MultiGauge.builder("sluice.service.latency.seconds")
            .description("Latency services report in their logs, per percentile and window").register(registry);
    }

    /** Rebuilds the rows from the analyzers' current state; call right before a scrape. */
    void refresh() {
        List<MultiGauge.Row<?>> errors = new ArrayList<>();
        List<MultiGauge.Row<?>> events = new ArrayList<>();
        List<MultiGauge.Row<?>> bytes = new ArrayList<>();
        List<MultiGauge.Row<?>> latencies = new ArrayList<>();
        for (Dimension dimension : List.of(Dimension.SERVICE, Dimension.HOST)) {
            String label = dimension.name().toLowerCase(Locale.ROOT);
            int exported = 0;
            for (String key : stats.keys(dimension)) {
                if (exported++ >= maxKeys) {
                    break;
                }
                for (Window window : Window.values()) {
                    Tags tags = Tags.of("dimension", label, "key", key, "window", window.label());
                    ErrorRate rate = stats.errorRate(dimension, key, window);
                    errors.add(MultiGauge.Row.of(tags, rate.ratio()));
                    var throughput = stats.throughput(dimension, key, window);
                    events.add(MultiGauge.Row.of(tags, throughput.eventsPerSecond()));
                    bytes.add(MultiGauge.Row.of(tags, throughput.bytesPerSecond()));
                    if (dimension == Dimension.SERVICE) {
                        addLatency(latencies, key, window);
                    }
                }
            }
        }
        errorRatio.register(errors, true);
        eventsPerSecond.register(events, true);
        bytesPerSecond.register(bytes, true);
        latency.register(latencies, true);
    }

    private void addLatency(List<MultiGauge.Row<?>> rows, String service, Window window) {
        LatencySummary summary = stats.latency(service, window);
        if (summary.count() == 0) {
            return;
        }
        double[] values = {summary.p50(), summary.p90(), summary.p95(), summary.p99(), summary.p999()};
        for (int i = 0; i < PERCENTILES.length; i++) {
            rows.add(MultiGauge.Row.of(Tags.of("service", service, "window", window.label(), "percentile",
                PERCENTILES[i]), values[i] / 1000.0)); // summaries are in ms; Prometheus wants seconds
        }
    }
}

package io.sluice.server.http;

import io.sluice.analyzers.stats.Dimension;
import io.sluice.analyzers.stats.ErrorRate;
import io.sluice.analyzers.stats.LatencySummary;
import io.sluice.analyzers.stats.StreamStats;
import io.sluice.analyzers.stats.Throughput;
import io.sluice.analyzers.stats.Window;
import io.vertx.core.json.JsonObject;

/** Renders what the analyzers know about one key as JSON, for {@code /api/stats} and {@code /api/services/{name}}. */
final class StreamStatsJson {
    private StreamStatsJson() {
    }

    /** Every window: error rate, latency percentiles (services only) and throughput. */
    static JsonObject key(StreamStats stats, Dimension dimension, String key) {
        JsonObject windows = new JsonObject();
        for (Window window : Window.values()) {
            JsonObject w = new JsonObject()
                .put("errors", errorRate(stats.errorRate(dimension, key, window)))
                .put("throughput", throughput(stats.throughput(dimension, key, window)));
            if (dimension == Dimension.SERVICE) {
                w.put("latencyMs", latency(stats.latency(key, window)));
            }
            windows.put(window.label(), w);
        }
        return new JsonObject().put(dimension.name().toLowerCase(java.util.Locale.ROOT), key).put("windows", windows);
    }

    /** The figures an on-call engineer scans first: 5 m error rate, 5 m p95, 1 m events/s. */
    static JsonObject brief(StreamStats stats, Dimension dimension, String key) {
        ErrorRate errors = stats.errorRate(dimension, key, Window.FIVE_MINUTES);
        JsonObject brief = new JsonObject()
            .put("errorRate5m", errors.ratio())
            .put("errors5m", errors.errors())
            .put("events5m", errors.events())
            .put("eventsPerSecond1m", stats.throughput(dimension, key, Window.ONE_MINUTE).eventsPerSecond());
        if (dimension == Dimension.SERVICE) {
            LatencySummary latency = stats.latency(key, Window.FIVE_MINUTES);
            brief.put("latencyP95Ms5m", latency.count() == 0 ? null : latency.p95());
        }
        return brief;
    }

    private static JsonObject errorRate(ErrorRate rate) {
        return new JsonObject().put("errors", rate.errors()).put("events", rate.events()).put("ratio", rate.ratio());
    }

    private static JsonObject throughput(Throughput t) {
        return new JsonObject().put("eventsPerSecond", t.eventsPerSecond()).put("bytesPerSecond", t.bytesPerSecond());
    }

    private static JsonObject latency(LatencySummary l) {
        JsonObject json = new JsonObject().put("count", l.count());
        if (l.count() > 0) {
            json.put("p50", l.p50()).put("p90", l.p90()).put("p95", l.p95()).put("p99", l.p99())
                .put("p99.9", l.p999()).put("max", l.max());
        }
        return json;
    }
}

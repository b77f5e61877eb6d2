package io.sluice.alerts;

import io.sluice.analyzers.stats.Dimension;
import io.sluice.analyzers.stats.ErrorRate;
import io.sluice.analyzers.stats.LatencySummary;
import io.sluice.analyzers.stats.StreamStats;
import io.sluice.analyzers.stats.Throughput;
import io.sluice.analyzers.stats.Window;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link StreamStats} backed by maps that tests set directly: what the analyzers would report. */
class MapStreamStats implements StreamStats {
    private final Map<String, ErrorRate> errors = new ConcurrentHashMap<>();
    private final Map<String, LatencySummary> latencies = new ConcurrentHashMap<>();
    private final Map<String, Throughput> throughputs = new ConcurrentHashMap<>();
    private final Map<Dimension, Set<String>> keys = new ConcurrentHashMap<>();

    MapStreamStats errorRate(Dimension dimension, String key, Window window, long errorCount, long events) {
        addKey(dimension, key);
        errors.put(id(dimension, key, window), new ErrorRate(errorCount, events));
        return this;
    }

    /** The same error rate in every window. */
    MapStreamStats errorRate(String service, long errorCount, long events) {
        for (Window w : Window.values()) {
            errorRate(Dimension.SERVICE, service, w, errorCount, events);
        }
        return this;
    }

    MapStreamStats p95(String service, Window window, double p95) {
        addKey(Dimension.SERVICE, service);
        latencies.put(id(Dimension.SERVICE, service, window), new LatencySummary(10, p95 / 2, p95 * 0.9, p95,
            p95 * 1.5, p95 * 2, p95 * 3));
        return this;
    }

    MapStreamStats throughput(Dimension dimension, String key, Window window, double eventsPerSecond) {
        addKey(dimension, key);
        throughputs.put(id(dimension, key, window), new Throughput(eventsPerSecond, eventsPerSecond * 100));
        return this;
    }

    /** The key drops out of {@link #keys} (silent for longer than the analyzers remember). */
    MapStreamStats forget(Dimension dimension, String key) {
        keys.getOrDefault(dimension, new TreeSet<>()).remove(key);
        return this;
    }

    @Override
    public Set<String> keys(Dimension dimension) {
        return Set.copyOf(keys.getOrDefault(dimension, Set.of()));
    }

    @Override
    public ErrorRate errorRate(Dimension dimension, String key, Window window) {
        return errors.getOrDefault(id(dimension, key, window), ErrorRate.NONE);
    }

    @Override
    public LatencySummary latency(String service, Window window) {
        return latencies.getOrDefault(id(Dimension.SERVICE, service, window), LatencySummary.NONE);
    }

    @Override
    public Throughput throughput(Dimension dimension, String key, Window window) {
        return throughputs.getOrDefault(id(dimension, key, window), Throughput.NONE);
    }

    private void addKey(Dimension dimension, String key) {
        keys.computeIfAbsent(dimension, d -> ConcurrentHashMap.newKeySet()).add(key);
    }

    private static String id(Dimension dimension, String key, Window window) {
        return dimension + "/" + key + "/" + window;
    }
}

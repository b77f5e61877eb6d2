package io.sluice.analyzers;

import io.sluice.analyzers.errors.ErrorSettings;
import io.sluice.analyzers.latency.LatencySettings;
import io.sluice.analyzers.window.ByteKeyIndex;

/**
 * Settings of the stream analyzers.
 *
 * @param maxKeysPerDimension keys tracked per dimension (services, hosts, transports) by the error-rate and
 *                            throughput analyzers; later keys count under "other". Each key costs ~4 KB per analyzer
 * @param errors              what counts as an error
 * @param latency             where latencies are read, and the latency key cap
 */
public record AnalyzerSettings(int maxKeysPerDimension, ErrorSettings errors, LatencySettings latency) {
    public static final int DEFAULT_MAX_KEYS_PER_DIMENSION = ByteKeyIndex.DEFAULT_MAX_KEYS;

    public AnalyzerSettings {
        if (maxKeysPerDimension < 1) {
            throw new IllegalArgumentException("max keys per dimension must be positive, got " + maxKeysPerDimension);
        }
        if (errors == null || latency == null) {
            throw new IllegalArgumentException("error and latency settings are required");
        }
    }

    public static AnalyzerSettings defaults() {
        return new AnalyzerSettings(DEFAULT_MAX_KEYS_PER_DIMENSION, ErrorSettings.defaults(), LatencySettings.defaults());
    }
}

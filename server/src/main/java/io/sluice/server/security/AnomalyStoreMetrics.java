package io.sluice.server.security;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.concurrent.atomic.LongAdder;

/**
 * The anomaly store's counters and gauges, read only when scraped: {@code sluice_anomaly_versions_stored_total},
 * {@code sluice_anomalies_indexed}, {@code sluice_anomalies_open}, {@code sluice_anomaly_stream_subscribers},
 * {@code sluice_anomaly_handover_overflow_total}, {@code sluice_anomaly_store_errors_total}.
 *
 * <p>Thread contract: counters are written on the security stage's and the store's threads, read from any thread.
 */
public final class AnomalyStoreMetrics implements MeterBinder {
    final LongAdder stored = new LongAdder();
    final LongAdder handOverOverflow = new LongAdder();
    final LongAdder storeErrors = new LongAdder();
    private final AnomalyStore store;

    AnomalyStoreMetrics(AnomalyStore store) {
        this.store = store;
    }

    /** Anomaly versions (created, updated, closed) written to the queue. */
    public long stored() {
        return stored.sum();
    }

    /** Anomaly versions lost because the store's thread was {@link AnomalyStore#MAX_HANDED_OVER} behind. */
    public long handOverOverflow() {
        return handOverOverflow.sum();
    }

    /** Failed writes to the anomaly queue (e.g. disk full). */
    public long storeErrors() {
        return storeErrors.sum();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("sluice.anomaly.versions.stored", this, AnomalyStoreMetrics::stored)
            .description("Anomaly versions (created, updated, closed) written to the anomalies queue")
            .register(registry);
        FunctionCounter.builder("sluice.anomaly.handover.overflow", this, AnomalyStoreMetrics::handOverOverflow)
            .description("Anomaly versions lost because the store's thread was too far behind").register(registry);
        FunctionCounter.builder("sluice.anomaly.store.errors", this, AnomalyStoreMetrics::storeErrors)
            .description("Failed writes to the anomalies queue").register(registry);
        Gauge.builder("sluice.anomalies.indexed", store, AnomalyStore::indexedCount)
            .description("Anomalies held in memory for the feed (the most recent ones)").register(registry);
        Gauge.builder("sluice.anomalies.open", store, s -> s.openAnomalies().size())
            .description("Anomalies currently open").register(registry);
        Gauge.builder("sluice.anomaly.stream.subscribers", store, AnomalyStore::subscriberCount)
            .description("Clients connected to GET /api/anomalies/stream").register(registry);
    }
}

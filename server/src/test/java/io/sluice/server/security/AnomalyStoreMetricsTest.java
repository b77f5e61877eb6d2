package io.sluice.server.security;

import static io.sluice.server.security.TestAnomalies.await;
import static io.sluice.server.security.TestAnomalies.awaitStored;
import static io.sluice.server.security.TestAnomalies.bruteForce;
import static io.sluice.server.security.TestAnomalies.updated;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.sluice.analyzers.security.Anomaly;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnomalyStoreMetricsTest {
    @TempDir
    Path dataDir;

    @Test
    void shouldExposeStoredOpenSubscribersAndOverflowInPrometheusText() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try (AnomalyStore store = AnomalyStore.open(dataDir)) {
            store.metrics().bindTo(registry);
            Anomaly first = bruteForce(1, "10.0.0.1", 1);
            store.onAnomaly(first);
            store.onAnomaly(bruteForce(2, "10.0.0.2", 2));
            store.onAnomaly(updated(first, 5, false));
            awaitStored(store, 3);
            AnomalySubscription subscription = store.subscribe(store.lastVersion(), new AnomalySubscriber() {
                @Override
                public void onVersion(AnomalyRecord record) {
                }

                @Override
                public void onEnd(String reason) {
                }
            });
            await("the subscriber is counted", () -> store.subscriberCount() == 1);
            String text = registry.scrape();
            assertContains(text, "sluice_anomaly_versions_stored_total 3.0");
            assertContains(text, "sluice_anomalies_open 1.0");
            assertContains(text, "sluice_anomalies_indexed 2.0");
            assertContains(text, "sluice_anomaly_stream_subscribers 1.0");
            assertContains(text, "sluice_anomaly_handover_overflow_total 0.0");
            assertContains(text, "sluice_anomaly_store_errors_total 0.0");
            subscription.close();
            assertContains(registry.scrape(), "sluice_anomaly_stream_subscribers 0.0");
        }
    }

    private static void assertContains(String text, String line) {
        assertTrue(text.contains(line), "missing '" + line + "' in\n" + text);
    }
}

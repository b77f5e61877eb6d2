package io.sluice.bench.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {
    private static final String SCRAPE = """
        # HELP sluice_pipeline_latency_seconds Receive -> stage latency inside Sluice over the last minute
        # TYPE sluice_pipeline_latency_seconds gauge
        sluice_pipeline_latency_seconds{percentile="100",stage="analyzer"} 0.9
        sluice_pipeline_latency_seconds{percentile="100",stage="journal"} 0.0125
        sluice_pipeline_latency_seconds{percentile="50",stage="journal"} 2.5E-4
        sluice_pipeline_latency_seconds{percentile="99",stage="journal"} 0.003
        sluice_pipeline_latency_seconds{percentile="99.9",stage="journal"} 0.007
        sluice_events_dropped_total{transport="tcp"} 0.0
        sluice_events_dropped_total{transport="udp"} 1234.0
        sluice_events_dropped_total_extra 9.0
        """;

    @Test
    void shouldReadJournalPercentilesInMilliseconds() {
        LatencyMs l = PrometheusText.journalLatency(SCRAPE);
        assertEquals(0.25, l.p50(), 1e-9);
        assertEquals(3.0, l.p99(), 1e-9);
        assertEquals(7.0, l.p999(), 1e-9);
        assertEquals(12.5, l.max(), 1e-9);
    }

    @Test
    void shouldMatchLabelsNotPrefixes() {
        assertEquals(1234.0, PrometheusText.value(SCRAPE, PrometheusText.EVENTS_DROPPED, Map.of("transport", "udp")));
        assertEquals(9.0, PrometheusText.value(SCRAPE, "sluice_events_dropped_total_extra", Map.of()));
        assertTrue(Double.isNaN(PrometheusText.value(SCRAPE, "sluice_missing", Map.of())));
    }

    @Test
    void shouldReportNoLatencyBeforeAnyEvent() {
        assertNull(PrometheusText.journalLatency(
            "sluice_pipeline_latency_seconds{percentile=\"50\",stage=\"journal\"} NaN\n"));
    }
}

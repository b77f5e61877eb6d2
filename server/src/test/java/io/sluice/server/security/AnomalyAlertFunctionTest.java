package io.sluice.server.security;

import static io.sluice.server.security.TestAnomalies.anomaly;
import static io.sluice.server.security.TestAnomalies.awaitStored;
import static io.sluice.server.security.TestAnomalies.updated;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.alerts.Alert;
import io.sluice.alerts.AlertEngine;
import io.sluice.alerts.AlertEngineOptions;
import io.sluice.alerts.AlertFunctions;
import io.sluice.alerts.AlertRule;
import io.sluice.alerts.AlertRules;
import io.sluice.alerts.AlertState;
import io.sluice.alerts.InvalidRuleException;
import io.sluice.analyzers.security.Anomaly;
import io.sluice.analyzers.stats.Dimension;
import io.sluice.analyzers.stats.ErrorRate;
import io.sluice.analyzers.stats.LatencySummary;
import io.sluice.analyzers.stats.StreamStats;
import io.sluice.analyzers.stats.Throughput;
import io.sluice.analyzers.stats.Window;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code anomaly(...)} in alert rules: bound through the engine's registry, evaluated over the store. */
class AnomalyAlertFunctionTest {
    /** The anomaly function reads no stream statistics. */
    private static final StreamStats NO_STATS = new StreamStats() {
        @Override
        public Set<String> keys(Dimension dimension) {
            return Set.of();
        }

        @Override
        public ErrorRate errorRate(Dimension dimension, String key, Window window) {
            throw new UnsupportedOperationException();
        }

        @Override
        public LatencySummary latency(String service, Window window) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Throughput throughput(Dimension dimension, String key, Window window) {
            throw new UnsupportedOperationException();
        }
    };

    @TempDir
    Path dataDir;

    private final List<Alert> alerts = new ArrayList<>();

    @Test
    void shouldFireARuleOnAnOpenBruteForceAnomalyAndResolveWhenItCloses() {
        try (AnomalyStore store = AnomalyStore.open(dataDir)) {
            AlertEngine engine = engine(store, "anomaly(detector=brute_force, severity<=P2) > 0");
            Instant now = Instant.parse("2026-11-23T10:00:00Z");
            engine.evaluate(now);
            assertTrue(alerts.isEmpty(), "nothing open yet");

            Anomaly low = anomaly(store.nextId().getAsLong(), "brute_force", "P3", "ip", "10.0.0.1", 1, true);
            Anomaly other = anomaly(store.nextId().getAsLong(), "port_scan", "P1", "ip", "10.0.0.2", 1, true);
            store.onAnomaly(low);
            store.onAnomaly(other);
            awaitStored(store, 2);
            engine.evaluate(now.plusSeconds(1));
            assertTrue(alerts.isEmpty(), "P3 is not <= P2, and a port scan is another detector: " + alerts);

            Anomaly attack = anomaly(store.nextId().getAsLong(), "brute_force", "P2", "ip", "203.0.113.9", 2, true);
            store.onAnomaly(attack);
            awaitStored(store, 3);
            engine.evaluate(now.plusSeconds(2));
            Alert firing = alerts.get(alerts.size() - 1);
            assertEquals(AlertState.FIRING, firing.state());
            assertEquals("brute_force", firing.labels().get("detector"));
            assertEquals(1.0, firing.value());

            store.onAnomaly(updated(attack, 60, false));
            awaitStored(store, 4);
            engine.evaluate(now.plusSeconds(3));
            assertEquals(AlertState.RESOLVED, alerts.get(alerts.size() - 1).state());
        }
    }

    @Test
    void shouldCountEveryDetectorOrSubjectWithAWildcard() {
        List<Anomaly> open = List.of(
            anomaly(1, "brute_force", "P2", "ip", "10.0.0.1", 1, true),
            anomaly(2, "brute_force", "P1", "ip", "10.0.0.2", 1, true),
            anomaly(3, "port_scan", "P3", "ip", "10.0.0.1", 1, true));
        AlertFunctions functions = AnomalyAlertFunction.withAnomalies(AlertFunctions.builtins(), () -> open);

        assertEquals(Map.of("brute_force", 2.0, "port_scan", 1.0), values(functions, "anomaly(detector=*)"));
        assertEquals(Map.of("brute_force", 2.0, "port_scan", 1.0), values(functions, "anomaly()"));
        assertEquals(Map.of("10.0.0.1", 2.0, "10.0.0.2", 1.0), values(functions, "anomaly(by=subject)"));
        assertEquals(Map.of("brute_force", 1.0), values(functions, "anomaly(severity=P1)"));
        assertEquals(Map.of("web_attack", 0.0), values(functions, "anomaly(detector=web_attack)"),
            "a named detector with nothing open reports 0");
    }

    @Test
    void shouldRejectBadArgumentsWithTheirColumn() {
        AlertFunctions functions = AnomalyAlertFunction.withAnomalies(AlertFunctions.builtins(), List::of);
        assertRejected(functions, "anomaly(severity<=P7) > 0", "severity takes P1, P2 or P3");
        assertRejected(functions, "anomaly(detector!=brute_force) > 0", "detector takes '='");
        assertRejected(functions, "anomaly(by=host) > 0", "by takes detector or subject");
        assertRejected(functions, "anomaly(service=checkout) > 0", "unknown argument 'service'");
    }

    private AlertEngine engine(AnomalyStore store, String expr) {
        AlertRule rule = new AlertRule("BruteForce", expr, null, "P2", Map.of(), Map.of("summary", "brute force"),
            null);
        return new AlertEngine(NO_STATS, List.of(rule), (alert, transition) -> alerts.add(alert),
            AlertEngineOptions.DEFAULTS, AnomalyAlertFunction.withAnomalies(store), Clock.systemUTC());
    }

    /** The values a rule over {@code call} sees, by key, through a real engine evaluation. */
    private static Map<String, Double> values(AlertFunctions functions, String call) {
        Map<String, Double> values = new java.util.TreeMap<>();
        AlertRule rule = new AlertRule("Probe", call + " >= 0", null, "P3", Map.of(), Map.of(), null);
        AlertEngine engine = new AlertEngine(NO_STATS, List.of(rule), (alert, transition) -> {
            String key = alert.labels().getOrDefault("detector", alert.labels().get("subject"));
            values.put(key, alert.value());
        }, AlertEngineOptions.DEFAULTS, functions, Clock.systemUTC());
        engine.evaluate(Instant.now());
        return values;
    }

    private static void assertRejected(AlertFunctions functions, String expr, String reason) {
        InvalidRuleException e = assertThrows(InvalidRuleException.class, () -> AlertRules.validate(
            List.of(new AlertRule("Bad", expr, null, "P2", Map.of(), Map.of(), null)), functions));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
        assertTrue(e.column() > 0, "names the column: " + e.getMessage());
    }
}

package io.sluice.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.analyzers.stats.Dimension;
import io.sluice.analyzers.stats.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The shipped {@code default-rules.yaml}: loads, validates, says what the SLOs say, and fires when they break. */
class DefaultRulesTest {
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private static Map<String, AlertRule> byName() {
        Map<String, AlertRule> rules = new TreeMap<>();
        AlertsYaml.defaultRules().forEach(rule -> rules.put(rule.name(), rule));
        return rules;
    }

    @Test
    void shouldLoadTheSloRules() {
        Map<String, AlertRule> rules = byName();
        assertEquals(List.of("CriticalErrorRate", "CriticalLatencyP95", "HighErrorRate", "HighLatencyP95",
            "SourceSilent"), List.copyOf(rules.keySet()));
        assertRule(rules.get("HighErrorRate"), "P2", Duration.ofMinutes(5), "> 0.01");
        assertRule(rules.get("CriticalErrorRate"), "P1", Duration.ofMinutes(1), "> 0.05");
        assertRule(rules.get("HighLatencyP95"), "P2", Duration.ofMinutes(5), "> 500ms");
        assertRule(rules.get("CriticalLatencyP95"), "P1", Duration.ofMinutes(5), "> 2s");
        assertRule(rules.get("SourceSilent"), "P3", Duration.ofMinutes(5), "== 0/s");
    }

    private static void assertRule(AlertRule rule, String severity, Duration forDuration, String condition) {
        assertEquals(severity, rule.severity(), rule.name());
        assertEquals(forDuration, rule.forDuration(), rule.name());
        assertTrue(rule.expr().endsWith(condition), rule.expr());
        assertTrue(rule.annotations().keySet().containsAll(List.of("summary", "description", "runbook_url")));
        String runbook = rule.annotations().get("runbook_url");
        assertTrue(runbook.startsWith("deploy/runbooks/") && runbook.endsWith(".md"), runbook);
    }

    @Test
    void shouldFireWhenTheSlosBreak() {
        MapStreamStats stats = new MapStreamStats()
            .errorRate("checkout", 100, 1000)       // 10 %: both error-rate rules
            .errorRate("quiet", 2, 3)               // too few events to judge
            .p95("search", Window.FIVE_MINUTES, 2500)
            .throughput(Dimension.HOST, "web01", Window.FIVE_MINUTES, 0)
            .throughput(Dimension.HOST, "web02", Window.FIVE_MINUTES, 12);
        AlertEngine engine = new AlertEngine(stats, AlertsYaml.defaultRules(), (alert, transition) -> { },
            AlertEngineOptions.DEFAULTS);
        engine.evaluate(T0);
        engine.evaluate(T0.plus(Duration.ofMinutes(5)));
        Map<String, String> firing = new TreeMap<>();
        for (Alert alert : engine.active()) {
            assertEquals(AlertState.FIRING, alert.state(), alert.toString());
            String key = alert.labels().getOrDefault("service", alert.labels().get("source"));
            firing.merge(alert.rule(), key, (a, b) -> a + "," + b);
        }
        assertEquals(Map.of("HighErrorRate", "checkout", "CriticalErrorRate", "checkout", "HighLatencyP95", "search",
            "CriticalLatencyP95", "search", "SourceSilent", "web01"), firing);
        Alert silent = engine.active().stream().filter(a -> a.rule().equals("SourceSilent")).findFirst().orElseThrow();
        assertEquals("web01: no events for 10 minutes", silent.annotations().get("summary"));
    }
}

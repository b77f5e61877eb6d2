package io.sluice.alerts;

import static io.sluice.alerts.AlertEngineTest.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.alerts.RecordingListener.Notice;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link AlertEngine#replaceRules}: validated first, state kept for surviving (rule, key), removed rules resolved. */
class AlertEngineReloadTest {
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final String ABOVE_1_PERCENT = "error_rate(service=*) > 0.01";

    private final MapStreamStats stats = new MapStreamStats().errorRate("checkout", 5, 100);
    private final RecordingListener listener = new RecordingListener();
    private final TestClock clock = new TestClock(T0);

    private AlertEngine engine(AlertRule... rules) {
        return new AlertEngine(stats, List.of(rules), listener, AlertEngineOptions.DEFAULTS, AlertFunctions.builtins(),
            clock);
    }

    @Test
    void shouldKeepPendingSinceOfSurvivingRule() {
        AlertEngine engine = engine(rule("HighErrorRate", ABOVE_1_PERCENT, Duration.ofMinutes(5), null));
        engine.evaluate(T0);
        clock.advance(Duration.ofMinutes(2));
        engine.replaceRules(List.of(new AlertRule("HighErrorRate", "error_rate(service=*) > 0.02",
            Duration.ofMinutes(5), "P1", Map.of("team", "core"), Map.of(), null)));
        engine.evaluate(T0.plus(Duration.ofMinutes(4)));
        assertEquals(AlertState.PENDING, engine.active().get(0).state());
        engine.evaluate(T0.plus(Duration.ofMinutes(5)));
        Alert firing = engine.active().get(0);
        assertEquals(AlertState.FIRING, firing.state());
        assertEquals(T0, firing.activeSince());
        assertEquals("core", firing.labels().get("team"));
        assertEquals("P1", firing.severity());
        assertEquals(List.of(AlertState.PENDING, AlertState.FIRING),
            listener.notices().stream().map(Notice::state).toList());
    }

    @Test
    void shouldResolveFiringAlertsOfRemovedRulesAndDropPendingOnes() {
        AlertEngine engine = engine(rule("Firing", ABOVE_1_PERCENT, Duration.ZERO, null),
            rule("Pending", ABOVE_1_PERCENT, Duration.ofMinutes(5), null),
            rule("Kept", ABOVE_1_PERCENT, Duration.ZERO, null));
        engine.evaluate(T0);
        listener.drain();
        clock.advance(Duration.ofSeconds(30));
        engine.replaceRules(List.of(rule("Kept", ABOVE_1_PERCENT, Duration.ZERO, null)));
        List<Notice> notices = listener.drain();
        assertEquals(1, notices.size(), notices.toString());
        assertEquals("Firing", notices.get(0).alert().rule());
        assertEquals(AlertState.RESOLVED, notices.get(0).state());
        assertEquals(T0.plusSeconds(30), notices.get(0).alert().resolvedAt());
        assertEquals(List.of("Kept"), engine.active().stream().map(Alert::rule).toList());
        assertEquals("Firing", engine.recent(5).get(0).rule());
    }

    @Test
    void shouldReannounceAFiringAlertWhoseLabelsChanged() {
        AlertEngine engine = engine(rule("HighErrorRate", ABOVE_1_PERCENT, Duration.ZERO, null));
        engine.evaluate(T0);
        String before = listener.drain().get(0).alert().fingerprint();
        engine.replaceRules(List.of(rule("HighErrorRate", "error_rate(service=*) > 0.02", Duration.ZERO, null)));
        assertEquals(List.of(), listener.drain());  // same labels: nothing to tell

        clock.advance(Duration.ofSeconds(5));
        engine.replaceRules(List.of(new AlertRule("HighErrorRate", ABOVE_1_PERCENT, Duration.ZERO, "P1", Map.of(),
            Map.of(), null)));
        List<Notice> notices = listener.drain();
        assertEquals(List.of(AlertState.RESOLVED, AlertState.FIRING), notices.stream().map(Notice::state).toList());
        assertEquals(before, notices.get(0).alert().fingerprint());
        assertEquals(T0.plusSeconds(5), notices.get(0).alert().resolvedAt());
        assertEquals("P1", notices.get(1).alert().severity());
        assertEquals(T0, notices.get(1).alert().firedAt());
        assertTrue(!before.equals(notices.get(1).alert().fingerprint()));
    }

    @Test
    void shouldRejectABadSetAndKeepTheOldRules() {
        AlertEngine engine = engine(rule("HighErrorRate", ABOVE_1_PERCENT, Duration.ZERO, null));
        engine.evaluate(T0);
        List<AlertRule> before = engine.rules();
        InvalidRuleException e = assertThrows(InvalidRuleException.class, () -> engine.replaceRules(List.of(
            rule("Good", ABOVE_1_PERCENT, Duration.ZERO, null),
            rule("Broken", "error_rate(service=*) >> 1", Duration.ZERO, null))));
        assertTrue(e.getMessage().contains("rule 'Broken': expr column 24"), e.getMessage());
        assertEquals(before, engine.rules());
        assertEquals("HighErrorRate", engine.active().get(0).rule());
    }

    @Test
    void shouldRejectDuplicateNamesListingEveryProblem() {
        AlertEngine engine = engine();
        InvalidRuleException e = assertThrows(InvalidRuleException.class, () -> engine.replaceRules(List.of(
            rule("A", ABOVE_1_PERCENT, Duration.ZERO, null),
            rule("A", ABOVE_1_PERCENT, Duration.ZERO, null),
            rule("B", "nope(service=*) > 1", Duration.ZERO, null))));
        assertTrue(e.getMessage().startsWith("2 broken rules:"), e.getMessage());
        assertTrue(e.getMessage().contains("rule 'A': another rule has the same name"), e.getMessage());
        assertTrue(e.getMessage().contains("rule 'B': expr column 1: unknown function 'nope'"), e.getMessage());
        assertEquals(List.of(), engine.rules());
    }

    @Test
    void shouldListRulesWithTheInlineForApplied() {
        AlertEngine engine = engine(rule("Silent", "throughput(source=*) < 1/s for 10m", Duration.ofMinutes(1), null));
        assertEquals(Duration.ofMinutes(10), engine.rules().get(0).forDuration());
        assertEquals("throughput(source=*) < 1/s for 10m", engine.rules().get(0).expr());
    }
}

package io.sluice.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.alerts.RecordingListener.Notice;
import io.sluice.analyzers.stats.Dimension;
import io.sluice.analyzers.stats.ErrorRate;
import io.sluice.analyzers.stats.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The per-(rule, key) state machine, driven by {@link AlertEngine#evaluate} with a hand-moved clock. */
class AlertEngineTest {
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private final MapStreamStats stats = new MapStreamStats();
    private final RecordingListener listener = new RecordingListener();
    private final TestClock clock = new TestClock(T0);

    static AlertRule rule(String name, String expr, Duration forDuration, Duration keepFiringFor) {
        return new AlertRule(name, expr, forDuration, "P2", Map.of("team", "payments"),
            Map.of("summary", "{{ $labels.service }} errors at {{ $value }}"), keepFiringFor);
    }

    private AlertEngine engine(AlertRule... rules) {
        return new AlertEngine(stats, List.of(rules), listener, AlertEngineOptions.DEFAULTS, AlertFunctions.builtins(),
            clock);
    }

    /** Evaluates at T0 + {@code at}. */
    private void evaluateAt(AlertEngine engine, Duration at) {
        engine.evaluate(T0.plus(at));
    }

    private static Duration s(double seconds) {
        return Duration.ofMillis((long) (seconds * 1000));
    }

    @Test
    void shouldGoPendingThenFiringExactlyAtFor() {
        AlertEngine engine = engine(rule("HighErrorRate", "error_rate(service=*) > 0.01", Duration.ofMinutes(5), null));
        stats.errorRate("checkout", 5, 100);
        evaluateAt(engine, s(0));
        List<Notice> pending = listener.drain();
        assertEquals(1, pending.size());
        assertEquals(AlertState.PENDING, pending.get(0).state());
        assertTrue(pending.get(0).transition());
        assertEquals(T0, pending.get(0).alert().activeSince());
        assertNull(pending.get(0).alert().firedAt());

        evaluateAt(engine, s(299.75));
        assertEquals(List.of(), listener.drain());
        assertEquals(AlertState.PENDING, engine.active().get(0).state());

        evaluateAt(engine, s(300));
        List<Notice> firing = listener.drain();
        assertEquals(1, firing.size());
        Alert alert = firing.get(0).alert();
        assertEquals(AlertState.FIRING, alert.state());
        assertTrue(firing.get(0).transition());
        assertEquals(T0, alert.activeSince());
        assertEquals(T0.plusSeconds(300), alert.firedAt());
        assertEquals(0.05, alert.value(), 1e-9);
        assertEquals("checkout errors at 0.05", alert.annotations().get("summary"));
    }

    @Test
    void shouldFireAtTheFirstEvaluationWithForZero() {
        AlertEngine engine = engine(rule("HighErrorRate", "error_rate(service=*) > 0.01", Duration.ZERO, null));
        stats.errorRate("checkout", 5, 100);
        evaluateAt(engine, s(0));
        List<Notice> notices = listener.drain();
        assertEquals(1, notices.size(), notices.toString());
        assertEquals(AlertState.FIRING, notices.get(0).state());
        assertEquals(T0, notices.get(0).alert().firedAt());
    }

    @Test
    void shouldReturnPendingToInactiveWithoutNotification() {
        AlertEngine engine = engine(rule("HighErrorRate", "error_rate(service=*) > 0.01", Duration.ofMinutes(5), null));
        stats.errorRate("checkout", 5, 100);
        evaluateAt(engine, s(0));
        listener.drain();
        stats.errorRate("checkout", 0, 100);
        evaluateAt(engine, s(60));
        assertEquals(List.of(), listener.drain());
        assertEquals(List.of(), engine.active());
        assertEquals(List.of(), engine.recent(10));

        stats.errorRate("checkout", 5, 100);  // a new episode starts its own pending time
        evaluateAt(engine, s(120));
        assertEquals(T0.plusSeconds(120), listener.drain().get(0).alert().activeSince());
    }

    @Test
    void shouldResolveFiringAlertOnceThenBeInactive() {
        AlertEngine engine = engine(rule("HighErrorRate", "error_rate(service=*) > 0.01", Duration.ZERO, null));
        stats.errorRate("checkout", 5, 100);
        evaluateAt(engine, s(0));
        listener.drain();
        stats.errorRate("checkout", 0, 100);
        evaluateAt(engine, s(10));
        evaluateAt(engine, s(20));
        evaluateAt(engine, s(90));
        List<Notice> notices = listener.drain();
        assertEquals(1, notices.size(), notices.toString());
        Alert resolved = notices.get(0).alert();
        assertEquals(AlertState.RESOLVED, resolved.state());
        assertTrue(notices.get(0).transition());
        assertEquals(T0.plusSeconds(10), resolved.resolvedAt());
        assertEquals(T0, resolved.firedAt());
        assertEquals(0.0, resolved.value());
        assertEquals(List.of(), engine.active());
        assertEquals(List.of(resolved), engine.recent(10));
    }

    @Test
    void shouldResendFiringAlertsEveryResendInterval() {
        AlertEngine engine = engine(rule("HighErrorRate", "error_rate(service=*) > 0.01", Duration.ZERO, null));
        stats.errorRate("checkout", 5, 100);
        for (int tick = 0; tick <= 4 * 180; tick++) {  // every 250 ms for 3 minutes
            evaluateAt(engine, Duration.ofMillis(250L * tick));
        }
        List<Notice> notices = listener.drain();
        assertEquals(4, notices.size(), notices.toString());
        assertTrue(notices.get(0).transition());
        for (int i = 1; i < 4; i++) {
            assertFalse(notices.get(i).transition());
            assertEquals(AlertState.FIRING, notices.get(i).state());
            assertEquals(notices.get(0).alert().fingerprint(), notices.get(i).alert().fingerprint());
        }
    }

    @Test
    void shouldFanOutOneAlertPerKeyWithItsLabels() {
        AlertEngine engine = engine(rule("HighErrorRate", "error_rate(service=*) > 0.01", Duration.ZERO, null));
        stats.errorRate("cart", 9, 100).errorRate("checkout", 0, 100).errorRate("search", 2, 100);
        evaluateAt(engine, s(0));
        List<Alert> active = engine.active();
        assertEquals(2, active.size());
        assertEquals(Map.of("alertname", "HighErrorRate", "severity", "P2", "team", "payments", "service", "cart"),
            active.get(0).labels());
        assertEquals("search", active.get(1).labels().get("service"));
        assertEquals("search errors at 0.02", active.get(1).annotations().get("summary"));
        assertFalse(active.get(0).fingerprint().equals(active.get(1).fingerprint()));
        assertTrue(active.get(0).fingerprint().matches("[0-9a-f]{16}"));
        assertEquals(Fingerprint.of(active.get(0).labels()), active.get(0).fingerprint());
    }

    @Test
    void shouldNotFlapWhileKeepFiringForHasNotPassed() {
        AlertEngine engine = engine(rule("HighErrorRate", "error_rate(service=*) > 0.01", Duration.ZERO,
            Duration.ofMinutes(2)));
        stats.errorRate("checkout", 5, 100);
        evaluateAt(engine, s(0));
        listener.drain();
        stats.errorRate("checkout", 0, 100);
        evaluateAt(engine, s(10));
        evaluateAt(engine, s(60));
        stats.errorRate("checkout", 5, 100);  // back above: the false streak starts over
        evaluateAt(engine, s(70));
        stats.errorRate("checkout", 0, 100);
        evaluateAt(engine, s(80));
        evaluateAt(engine, s(199.75));
        assertEquals(List.of(), transitions(listener.drain()));
        assertEquals(AlertState.FIRING, engine.active().get(0).state());
        evaluateAt(engine, s(200));
        List<Notice> notices = transitions(listener.drain());
        assertEquals(1, notices.size());
        assertEquals(AlertState.RESOLVED, notices.get(0).state());
    }

    /** State changes only (a firing alert is also re-sent every minute). */
    private static List<Notice> transitions(List<Notice> notices) {
        return notices.stream().filter(Notice::transition).toList();
    }

    @Test
    void shouldResolveWhenTheKeyDisappears() {
        AlertEngine engine = engine(rule("SourceSilent", "throughput(source=*, window=5m) == 0/s", Duration.ZERO,
            null));
        stats.throughput(Dimension.HOST, "web01", Window.FIVE_MINUTES, 0);
        evaluateAt(engine, s(0));
        assertEquals("web01", listener.drain().get(0).alert().labels().get("source"));
        stats.forget(Dimension.HOST, "web01");
        evaluateAt(engine, s(1));
        assertEquals(AlertState.RESOLVED, listener.drain().get(0).state());
    }

    @Test
    void shouldKeepStateWhenTheAnalyzersFail() {
        boolean[] down = {false};
        MapStreamStats flaky = new MapStreamStats() {
            @Override
            public ErrorRate errorRate(Dimension dimension, String key, Window window) {
                if (down[0]) {
                    throw new IllegalStateException("analyzer down");
                }
                return super.errorRate(dimension, key, window);
            }
        };
        flaky.errorRate("checkout", 5, 100);
        AlertEngine engine = new AlertEngine(flaky, List.of(rule("R", "error_rate(service=*) > 0.01", Duration.ZERO,
            null)), listener, AlertEngineOptions.DEFAULTS, AlertFunctions.builtins(), clock);
        engine.evaluate(T0);
        listener.drain();
        down[0] = true;
        engine.evaluate(T0.plusSeconds(1));
        assertEquals(1, engine.evaluationFailures());
        assertEquals(List.of(), listener.drain());
        assertEquals(AlertState.FIRING, engine.active().get(0).state());
    }

    @Test
    void shouldMoveOnWhenTheListenerThrows() {
        AlertEngine engine = new AlertEngine(stats, List.of(rule("R", "error_rate(service=*) > 0.01", Duration.ZERO,
            null)), (alert, transition) -> {
                throw new IllegalStateException("outbox full");
            }, AlertEngineOptions.DEFAULTS, AlertFunctions.builtins(), clock);
        stats.errorRate("checkout", 5, 100);
        engine.evaluate(T0);
        assertEquals(1, engine.listenerFailures());
        assertEquals(AlertState.FIRING, engine.active().get(0).state());
    }

    @Test
    void shouldKeepABoundedNewestFirstHistory() {
        AlertEngine engine = new AlertEngine(stats, List.of(rule("R", "error_rate(service=*) > 0.01", Duration.ZERO,
            null)), listener, new AlertEngineOptions(null, null, 2), AlertFunctions.builtins(), clock);
        for (int episode = 0; episode < 3; episode++) {
            stats.errorRate("checkout", 5, 100);
            engine.evaluate(T0.plusSeconds(episode * 10L));
            stats.errorRate("checkout", 0, 100);
            engine.evaluate(T0.plusSeconds(episode * 10L + 5));
        }
        List<Alert> recent = engine.recent(10);
        assertEquals(2, recent.size());
        assertEquals(T0.plusSeconds(25), recent.get(0).resolvedAt());
        assertEquals(T0.plusSeconds(15), recent.get(1).resolvedAt());
        assertEquals(1, engine.recent(1).size());
    }

    @Test
    void shouldTreatMissingLatencyAsNoData() {
        AlertEngine engine = engine(rule("SlowApi", "latency_p95(service=*) != 1ms", Duration.ZERO, null));
        stats.errorRate("api", 0, 10);  // a known service without latency samples
        stats.p95("web", Window.ONE_MINUTE, 800);
        evaluateAt(engine, s(0));
        List<Alert> active = engine.active();
        assertEquals(1, active.size());
        assertEquals("web", active.get(0).labels().get("service"));
    }
}

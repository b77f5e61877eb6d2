package io.sluice.alerts;

import static io.sluice.alerts.AlertEngineTest.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.analyzers.stats.Dimension;
import io.sluice.analyzers.stats.ErrorRate;
import io.sluice.analyzers.stats.Window;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The engine on its own thread with the default 250 ms interval and the real clock. */
class AlertEngineSchedulerTest {
    private record Call(Alert alert, String thread) {
    }

    @Test
    void shouldFireAForZeroRuleWithinOneSecondOnItsOwnThread() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        MapStreamStats stats = new MapStreamStats() {
            @Override
            public ErrorRate errorRate(Dimension dimension, String key, Window window) {
                reads.incrementAndGet();
                return super.errorRate(dimension, key, window);
            }
        };
        stats.errorRate("checkout", 0, 100);
        BlockingQueue<Call> calls = new LinkedBlockingQueue<>();
        AlertEngine engine = new AlertEngine(stats, List.of(rule("HighErrorRate", "error_rate(service=*) > 0.01",
            Duration.ZERO, null)), (alert, transition) -> calls.add(new Call(alert, Thread.currentThread().getName())),
            AlertEngineOptions.DEFAULTS);
        engine.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (reads.get() == 0 && System.nanoTime() < deadline) {  // an evaluation saw the healthy state
                Thread.onSpinWait();
            }
            assertTrue(reads.get() > 0, "the engine never evaluated");
            long stepNanos = System.nanoTime();
            stats.errorRate("checkout", 3, 100);
            Call fired = calls.poll(2, TimeUnit.SECONDS);
            long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stepNanos);
            assertEquals(AlertState.FIRING, fired.alert().state());
            assertEquals("sluice-alerts", fired.thread());
            assertTrue(elapsedMs < 1000, "fired " + elapsedMs + " ms after the step");

            engine.replaceRules(List.of());  // removal resolves, notified on the engine thread too
            Call resolved = calls.poll(2, TimeUnit.SECONDS);
            assertEquals(AlertState.RESOLVED, resolved.alert().state());
            assertEquals("sluice-alerts", resolved.thread());
        } finally {
            engine.stop();
        }
    }
}

package io.sluice.analyzers.security.detect;

import io.sluice.analyzers.TestLogEvents;
import io.sluice.analyzers.security.Anomaly;
import io.sluice.core.LogEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link SecurityAnalyzer} fed one event at a time (each its own batch) with the {@link LineRecognizer}, a test
 * clock that follows the events' receive times, and a listener that keeps every anomaly it is told about.
 */
final class SecurityHarness {
    final AtomicLong clock = new AtomicLong(TestLogEvents.at(0));
    final AtomicLong ids = new AtomicLong(100);
    final List<Anomaly> told = new ArrayList<>();
    final SecurityAnalyzer analyzer;
    private long sequence = 5_000;

    SecurityHarness() {
        this(DetectorSettings.defaults());
    }

    SecurityHarness(DetectorSettings settings) {
        analyzer = new SecurityAnalyzer(settings, new LineRecognizer(), told::add, ids::incrementAndGet, clock::get);
    }

    /** Sends {@code message} from host web01 received {@code second} seconds after T0; returns its sequence. */
    long send(double second, String message) {
        return send(second, "web01", message);
    }

    long send(double second, String host, String message) {
        LogEvent event = TestLogEvents.event().host(host).app("sshd").message(message).atSecond(second).build();
        event.setSequence(++sequence);
        clock.set(Math.max(clock.get(), event.receivedAtNanos()));
        analyzer.onEvent(event, sequence, true);
        return sequence;
    }

    /** Advances the wall clock to {@code second} and ticks, as an idle stage's timeout would. */
    void tickAt(double second) {
        clock.set(TestLogEvents.at(second));
        analyzer.onTick(clock.get());
    }

    /** The latest state told of each anomaly, by id, in creation order. */
    Map<Long, Anomaly> latest() {
        Map<Long, Anomaly> latest = new LinkedHashMap<>();
        for (Anomaly a : told) {
            latest.put(a.id(), a);
        }
        return latest;
    }

    /** Latest states of the anomalies of one detector. */
    List<Anomaly> of(DetectorKind kind) {
        List<Anomaly> found = new ArrayList<>();
        for (Anomaly a : latest().values()) {
            if (a.detector().equals(kind.label())) {
                found.add(a);
            }
        }
        return found;
    }

    /** The only anomaly of {@code kind}; fails if there is not exactly one. */
    Anomaly only(DetectorKind kind) {
        List<Anomaly> found = of(kind);
        if (found.size() != 1) {
            throw new AssertionError("expected one " + kind.label() + " anomaly, got " + found);
        }
        return found.get(0);
    }

    SecurityMetrics metrics() {
        return analyzer.metrics();
    }
}

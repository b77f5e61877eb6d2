package io.sluice.analyzers.security.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.analyzers.TestLogEvents;
import io.sluice.analyzers.security.Anomaly;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Create, update (coalesced, bounded evidence), close after quiet, early close at the cap, a failing listener. */
class AnomalyLifecycleTest {
    private static final String FAILURE = "AUTH_FAILURE ip=203.0.113.5 user=root";

    @Test
    void shouldUpdateTheOpenAnomalyInsteadOfCreatingAnother() {
        SecurityHarness h = new SecurityHarness();
        for (int i = 0; i < 25; i++) {
            h.send(i * 0.5, FAILURE);
        }
        h.tickAt(20);
        Anomaly a = h.only(DetectorKind.BRUTE_FORCE);
        assertEquals(25, a.count());
        assertEquals(101, a.id(), "the id came from the supplier");
        assertEquals(1, h.metrics().anomaliesCreated(DetectorKind.BRUTE_FORCE));
        assertEquals(20, h.metrics().anomalyUpdates());
    }

    @Test
    void shouldTellUpdatesAtMostOncePerSecond() {
        SecurityHarness h = new SecurityHarness();
        for (int i = 0; i < 5; i++) {
            h.send(i * 0.01, FAILURE);
        }
        for (int i = 1; i <= 50; i++) { // 5 seconds of failures every 100 ms
            h.send(0.04 + i * 0.1, FAILURE);
        }
        List<Anomaly> versions = new ArrayList<>(h.told);
        assertTrue(versions.size() >= 5 && versions.size() <= 6, "creation + about one update per second: "
            + versions.size());
        for (int i = 2; i < versions.size(); i++) {
            long apart = versions.get(i).lastSeen().toEpochMilli() - versions.get(i - 1).lastSeen().toEpochMilli();
            assertTrue(apart >= 900, "updates " + apart + " ms apart");
        }
    }

    @Test
    void shouldKeepTheFirstAndLatestEvidenceAndAFewSamples() {
        SecurityHarness h = new SecurityHarness(DetectorSettings.defaults().withEvidence(10, 10, 3));
        List<Long> sequences = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            sequences.add(h.send(i, FAILURE));
        }
        h.tickAt(200);
        Anomaly a = h.only(DetectorKind.BRUTE_FORCE);
        List<Long> expected = new ArrayList<>(sequences.subList(0, 10));
        expected.addAll(sequences.subList(90, 100));
        assertEquals(expected, a.evidence());
        assertEquals(100, a.count());
        assertEquals(List.of(FAILURE, FAILURE, FAILURE), a.samples());
    }

    @Test
    void shouldCloseWhenTheSubjectIsQuietForTheWindowAndOpenANewOneAfter() {
        SecurityHarness h = new SecurityHarness();
        for (int i = 0; i < 5; i++) {
            h.send(i, FAILURE);
        }
        h.tickAt(4 + 599);
        assertTrue(h.only(DetectorKind.BRUTE_FORCE).open());
        h.tickAt(4 + 601);
        Anomaly closed = h.only(DetectorKind.BRUTE_FORCE);
        assertFalse(closed.open());
        assertEquals(0, h.metrics().openAnomalies());
        assertEquals(1, h.metrics().anomaliesClosed());
        for (int i = 0; i < 5; i++) {
            h.send(700 + i, FAILURE);
        }
        List<Anomaly> both = h.of(DetectorKind.BRUTE_FORCE);
        assertEquals(2, both.size());
        assertNotEquals(both.get(0).id(), both.get(1).id());
        assertTrue(both.get(1).open());
    }

    @Test
    void shouldCloseTheStalestOpenAnomalyEarlyAtTheCap() {
        SecurityHarness h = new SecurityHarness(DetectorSettings.defaults().withMaxOpenAnomalies(3));
        for (int ip = 1; ip <= 4; ip++) {
            h.send(ip, "WEB_ATTACK ip=192.0.2." + ip + " attack=XSS");
        }
        List<Anomaly> attacks = h.of(DetectorKind.WEB_ATTACK);
        assertEquals(4, attacks.size());
        assertFalse(attacks.get(0).open(), "192.0.2.1 was the least recently updated");
        assertEquals("192.0.2.1", attacks.get(0).subject());
        assertEquals(3, h.metrics().openAnomalies());
        assertEquals(1, h.metrics().anomaliesClosedEarly());
    }

    @Test
    void shouldQueueUpdatesWhenEarlyClosedAnomaliesFillTheQueue() {
        SecurityHarness h = new SecurityHarness(DetectorSettings.defaults().withMaxOpenAnomalies(2));
        for (int ip = 1; ip <= 6; ip++) { // each created, updated within the second (queued), then pushed out
            h.send(ip * 0.01, "WEB_ATTACK ip=192.0.2." + ip + " attack=XSS");
            h.send(ip * 0.01 + 0.001, "WEB_ATTACK ip=192.0.2." + ip + " attack=XSS");
        }
        h.tickAt(2);
        List<Anomaly> attacks = h.of(DetectorKind.WEB_ATTACK);
        assertEquals(6, attacks.size());
        for (Anomaly a : attacks) {
            assertEquals(2, a.count(), a.subject() + " told with its update, open or closed");
        }
        assertEquals(4, h.metrics().anomaliesClosedEarly());
    }

    @Test
    void shouldKeepDetectingWhenTheListenerThrows() {
        AtomicInteger calls = new AtomicInteger();
        AtomicLong clock = new AtomicLong(TestLogEvents.at(0));
        SecurityAnalyzer analyzer = new SecurityAnalyzer(DetectorSettings.defaults(), new LineRecognizer(), a -> {
            calls.incrementAndGet();
            throw new IllegalStateException("listener down");
        }, new AtomicLong()::incrementAndGet, clock::get);
        for (int ip = 1; ip <= 3; ip++) {
            var event = TestLogEvents.event().message("WEB_ATTACK ip=192.0.2." + ip + " attack=XSS").atSecond(ip)
                .build();
            analyzer.onEvent(event, ip, true);
        }
        assertEquals(3, calls.get());
        assertEquals(3, analyzer.metrics().listenerErrors());
        assertEquals(3, analyzer.metrics().anomaliesCreated(DetectorKind.WEB_ATTACK));
    }

    @Test
    void shouldSendPendingUpdatesOnShutdown() {
        SecurityHarness h = new SecurityHarness();
        for (int i = 0; i < 7; i++) {
            h.send(i * 0.01, FAILURE);
        }
        assertEquals(5, h.only(DetectorKind.BRUTE_FORCE).count());
        h.analyzer.onShutdown();
        assertEquals(7, h.only(DetectorKind.BRUTE_FORCE).count());
    }
}

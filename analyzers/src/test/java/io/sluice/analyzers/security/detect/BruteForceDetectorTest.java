package io.sluice.analyzers.security.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.analyzers.security.Anomaly;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Brute force: 5 failed logins from one IP in 10 minutes (fail2ban's sshd jail), P2. */
class BruteForceDetectorTest {
    private static final String FAILURE = "AUTH_FAILURE ip=203.0.113.5 user=root";

    @Test
    void shouldNotTripAtFourFailures() {
        SecurityHarness h = new SecurityHarness();
        for (int i = 0; i < 4; i++) {
            h.send(i, FAILURE);
        }
        assertTrue(h.of(DetectorKind.BRUTE_FORCE).isEmpty());
        assertEquals(1, h.metrics().trackedKeys(DetectorKind.BRUTE_FORCE));
    }

    @Test
    void shouldTripAtTheFifthFailureWithItsEvidence() {
        SecurityHarness h = new SecurityHarness();
        List<Long> sequences = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            sequences.add(h.send(i * 10, FAILURE));
        }
        sequences.add(h.send(40, "INVALID_USER ip=203.0.113.5 user=oracle")); // an unknown user counts too
        Anomaly a = h.only(DetectorKind.BRUTE_FORCE);
        assertEquals("P2", a.severity());
        assertEquals("ip", a.subjectType());
        assertEquals("203.0.113.5", a.subject());
        assertEquals(5, a.count());
        assertEquals(sequences, a.evidence());
        assertEquals(at(0), a.firstSeen());
        assertEquals(at(40), a.lastSeen());
        assertTrue(a.open());
        assertEquals("5", a.details().get("failures"));
        assertEquals(1, h.metrics().anomaliesCreated(DetectorKind.BRUTE_FORCE));
        assertEquals(1, h.metrics().openAnomalies());
    }

    @Test
    void shouldForgetFailuresOlderThanTheWindow() {
        SecurityHarness h = new SecurityHarness();
        List<Long> sequences = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            sequences.add(h.send(i, FAILURE));
        }
        sequences.add(h.send(600, FAILURE)); // the first failure is exactly 10 minutes old: out, 4 remain
        assertTrue(h.of(DetectorKind.BRUTE_FORCE).isEmpty());
        sequences.add(h.send(600.5, FAILURE)); // 1, 2, 3, 600, 600.5
        Anomaly a = h.only(DetectorKind.BRUTE_FORCE);
        assertEquals(sequences.subList(1, 6), a.evidence());
        assertEquals(at(1), a.firstSeen());
    }

    @Test
    void shouldCountEachIpSeparatelyAndIgnoreSuccesses() {
        SecurityHarness h = new SecurityHarness();
        for (int i = 0; i < 4; i++) {
            h.send(i, "AUTH_FAILURE ip=198.51.100.1 user=root");
            h.send(i, "AUTH_FAILURE ip=198.51.100.2 user=root");
            h.send(i, "AUTH_SUCCESS ip=198.51.100.3 user=root");
            h.send(i, "PROBE ip=198.51.100.1");
        }
        assertTrue(h.of(DetectorKind.BRUTE_FORCE).isEmpty());
        assertEquals(2, h.metrics().trackedKeys(DetectorKind.BRUTE_FORCE));
    }

    static java.time.Instant at(double second) {
        long nanos = io.sluice.analyzers.TestLogEvents.at(second);
        return java.time.Instant.ofEpochSecond(nanos / 1_000_000_000L, nanos % 1_000_000_000L);
    }
}

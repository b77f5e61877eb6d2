package io.sluice.server.security;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.analyzers.security.Anomaly;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Anomalies as detectors report them, and the waits and servers the security tests share. */
final class TestAnomalies {
    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private TestAnomalies() {
    }

    /** An anomaly last seen {@code secondsAfterT0} after {@link #T0}, first seen a minute before that. */
    static Anomaly anomaly(long id, String detector, String severity, String subjectType, String subject,
                           long secondsAfterT0, boolean open) {
        Instant lastSeen = T0.plusSeconds(secondsAfterT0);
        return new Anomaly(id, detector, severity, subjectType, subject, lastSeen.minusSeconds(60), lastSeen, 5,
            List.of(id * 10, id * 10 + 1), List.of("sample of " + id), Map.of("service", "sshd"), open);
    }

    static Anomaly bruteForce(long id, String ip, long secondsAfterT0) {
        return anomaly(id, "brute_force", "P2", "ip", ip, secondsAfterT0, true);
    }

    /** The same anomaly one update later: counted once more, seen {@code seconds} later, open or closed. */
    static Anomaly updated(Anomaly a, long seconds, boolean open) {
        return new Anomaly(a.id(), a.detector(), a.severity(), a.subjectType(), a.subject(), a.firstSeen(),
            a.lastSeen().plusSeconds(seconds), a.count() + 1, a.evidence(), a.samples(), a.details(), open);
    }

    /** Polls {@code condition} until it holds or 10 s pass. */
    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Waits until the store has stored {@code versions} versions in all. */
    static void awaitStored(AnomalyStore store, long versions) {
        await(versions + " anomaly versions stored", () -> store.lastVersion() >= versions);
    }
}

package io.sluice.analyzers.security.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.analyzers.security.Anomaly;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Success after failures (P1) and privilege escalation attempts (P2, P1 when persistent). */
class LoginOutcomeDetectorsTest {
    @Test
    void shouldRaiseP1WhenAnIpSucceedsAfterThreeFailures() {
        SecurityHarness h = new SecurityHarness();
        long f1 = h.send(0, "AUTH_FAILURE ip=203.0.113.8 user=deploy");
        long f2 = h.send(1, "AUTH_FAILURE ip=203.0.113.8 user=deploy");
        long f3 = h.send(2, "AUTH_FAILURE ip=203.0.113.8 user=deploy");
        long success = h.send(3, "AUTH_SUCCESS ip=203.0.113.8 user=deploy");
        Anomaly a = h.only(DetectorKind.SUCCESS_AFTER_FAILURES);
        assertEquals("P1", a.severity());
        assertEquals("ip", a.subjectType());
        assertEquals("203.0.113.8", a.subject());
        assertEquals(List.of(f1, f2, f3, success), a.evidence());
        assertEquals("3", a.details().get("failures_before_success"));
    }

    @Test
    void shouldNotRaiseOnASuccessAfterTwoFailures() {
        SecurityHarness h = new SecurityHarness();
        h.send(0, "AUTH_FAILURE ip=203.0.113.8 user=deploy");
        h.send(1, "AUTH_FAILURE ip=203.0.113.8 user=deploy");
        h.send(3, "AUTH_SUCCESS ip=203.0.113.8 user=deploy");
        assertTrue(h.told.isEmpty());
    }

    @Test
    void shouldRaiseP1WhenAUserSucceedsAfterFailuresFromOtherIps() {
        SecurityHarness h = new SecurityHarness();
        h.send(0, "AUTH_FAILURE ip=10.1.0.1 user=alice");
        h.send(1, "AUTH_FAILURE ip=10.1.0.2 user=alice");
        h.send(2, "AUTH_FAILURE ip=10.1.0.3 user=alice");
        h.send(30, "AUTH_SUCCESS ip=10.9.9.9 user=alice");
        Anomaly a = h.only(DetectorKind.SUCCESS_AFTER_FAILURES);
        assertEquals("user", a.subjectType());
        assertEquals("alice", a.subject());
        assertEquals(4, a.evidence().size());
    }

    @Test
    void shouldNotRaiseWhenTheFailuresAreOlderThanTheWindow() {
        SecurityHarness h = new SecurityHarness();
        for (int i = 0; i < 3; i++) {
            h.send(i, "AUTH_FAILURE ip=203.0.113.8 user=deploy");
        }
        h.send(601, "AUTH_SUCCESS ip=203.0.113.8 user=deploy");
        assertTrue(h.of(DetectorKind.SUCCESS_AFTER_FAILURES).isEmpty());
    }

    @Test
    void shouldRaiseP2OnOnePrivilegeFailureAndEscalateTheSameAnomalyToP1() {
        SecurityHarness h = new SecurityHarness();
        h.send(0, "PRIVILEGE_FAILURE user=mallory");
        Anomaly first = h.only(DetectorKind.PRIVILEGE_ESCALATION);
        assertEquals("P2", first.severity());
        assertEquals("mallory", first.subject());
        for (int i = 1; i < 4; i++) {
            h.send(i * 0.1, "PRIVILEGE_FAILURE user=mallory");
        }
        h.tickAt(2);
        assertEquals("P2", h.only(DetectorKind.PRIVILEGE_ESCALATION).severity(), "4 failures: still P2");
        h.send(2.5, "PRIVILEGE_FAILURE user=mallory");
        Anomaly escalated = h.only(DetectorKind.PRIVILEGE_ESCALATION);
        assertEquals(first.id(), escalated.id());
        assertEquals("P1", escalated.severity(), "told at once, not coalesced: an escalation is news");
        assertEquals(5, escalated.count());
    }

    @Test
    void shouldKeyPrivilegeFailuresWithoutUserByHost() {
        SecurityHarness h = new SecurityHarness();
        h.send(0, "db7", "PRIVILEGE_FAILURE");
        Anomaly a = h.only(DetectorKind.PRIVILEGE_ESCALATION);
        assertEquals("host", a.subjectType());
        assertEquals("db7", a.subject());
    }
}

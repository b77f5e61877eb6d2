package io.sluice.analyzers.security.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.analyzers.security.Anomaly;
import org.junit.jupiter.api.Test;

/** Web attack signatures (P2 at once) and 401/403 bursts per IP (P3 at 10 in a minute). */
class WebDetectorsTest {
    @Test
    void shouldRaiseP2OnTheFirstAttackSignatureAndCollectTheKinds() {
        SecurityHarness h = new SecurityHarness();
        long first = h.send(0, "WEB_ATTACK ip=198.51.100.20 status=404 attack=PATH_TRAVERSAL");
        h.send(1, "WEB_ATTACK ip=198.51.100.20 status=500 attack=SQL_INJECTION");
        h.tickAt(3); // the coalesced update goes out a second after the creation
        Anomaly a = h.only(DetectorKind.WEB_ATTACK);
        assertEquals("P2", a.severity());
        assertEquals("198.51.100.20", a.subject());
        assertEquals(2, a.count());
        assertEquals(first, a.evidence().get(0));
        assertEquals("PATH_TRAVERSAL,SQL_INJECTION", a.details().get("attack_kinds"));
    }

    @Test
    void shouldRaiseP3OnTenDeniedRequestsInAMinuteButNotNine() {
        SecurityHarness h = new SecurityHarness();
        for (int i = 0; i < 9; i++) {
            h.send(i * 6, "WEB_REQUEST ip=198.51.100.30 status=" + (i % 2 == 0 ? 401 : 403));
            h.send(i * 6, "WEB_REQUEST ip=198.51.100.30 status=200");
        }
        assertTrue(h.of(DetectorKind.WEB_AUTH_BURST).isEmpty());
        h.send(53.9, "AUTH_FAILURE ip=198.51.100.30 status=401"); // a failed web login counts as a 401 too
        Anomaly a = h.only(DetectorKind.WEB_AUTH_BURST);
        assertEquals("P3", a.severity());
        assertEquals(10, a.evidence().size());
        assertTrue(h.of(DetectorKind.WEB_ATTACK).isEmpty());
    }

    @Test
    void shouldNotCallDeniedRequestsSpreadOverMinutesABurst() {
        SecurityHarness h = new SecurityHarness();
        for (int i = 0; i < 30; i++) {
            h.send(i * 7, "WEB_REQUEST ip=198.51.100.30 status=401");
        }
        assertTrue(h.of(DetectorKind.WEB_AUTH_BURST).isEmpty());
    }
}

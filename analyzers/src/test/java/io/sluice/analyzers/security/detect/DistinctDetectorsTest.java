package io.sluice.analyzers.security.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.analyzers.security.Anomaly;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Password spraying, distributed brute force and port scans: K distinct values per subject in a window. */
class DistinctDetectorsTest {
    @Test
    void shouldTripSprayingAtFiveDistinctUsersFromOneIp() {
        SecurityHarness h = new SecurityHarness();
        List<Long> firstPerUser = new ArrayList<>();
        for (int u = 0; u < 4; u++) {
            firstPerUser.add(h.send(u, "AUTH_FAILURE ip=192.0.2.9 user=user" + u));
        }
        h.send(5, "AUTH_FAILURE ip=192.0.2.9 user=user0"); // a repeated user is not a new one
        assertTrue(h.of(DetectorKind.PASSWORD_SPRAYING).isEmpty());
        long fifth = h.send(6, "INVALID_USER ip=192.0.2.9 user=user4");
        Anomaly a = h.only(DetectorKind.PASSWORD_SPRAYING);
        assertEquals("192.0.2.9", a.subject());
        assertEquals("P2", a.severity());
        assertEquals("5", a.details().get("distinct_users"));
        // one event per distinct user, the latest of each: user0's repeat at second 5 replaced its first
        assertEquals(List.of(firstPerUser.get(1), firstPerUser.get(2), firstPerUser.get(3), fifth - 1, fifth),
            a.evidence());
    }

    @Test
    void shouldNotCountUsersOutsideTheSprayWindow() {
        SecurityHarness h = new SecurityHarness();
        for (int u = 0; u < 4; u++) {
            h.send(u, "AUTH_FAILURE ip=192.0.2.9 user=user" + u);
        }
        h.send(600.5, "AUTH_FAILURE ip=192.0.2.9 user=user4"); // user0 fell out of the 10 minutes
        assertTrue(h.of(DetectorKind.PASSWORD_SPRAYING).isEmpty());
        h.send(601, "AUTH_FAILURE ip=192.0.2.9 user=user5"); // user1 out too: 2, 3, 4, 5
        assertTrue(h.of(DetectorKind.PASSWORD_SPRAYING).isEmpty());
        h.send(601.5, "AUTH_FAILURE ip=192.0.2.9 user=user6"); // 2, 3, 4, 5, 6
        assertEquals(1, h.of(DetectorKind.PASSWORD_SPRAYING).size());
    }

    @Test
    void shouldTripDistributedBruteForceAtFiveIpsForOneUser() {
        SecurityHarness h = new SecurityHarness();
        for (int ip = 1; ip <= 4; ip++) {
            h.send(ip, "AUTH_FAILURE ip=10.0.0." + ip + " user=admin");
            h.send(ip, "AUTH_FAILURE ip=10.0.0." + ip + " user=admin");
        }
        assertTrue(h.of(DetectorKind.DISTRIBUTED_BRUTE_FORCE).isEmpty());
        h.send(9, "AUTH_FAILURE ip=10.0.0.5 user=admin");
        Anomaly a = h.only(DetectorKind.DISTRIBUTED_BRUTE_FORCE);
        assertEquals("user", a.subjectType());
        assertEquals("admin", a.subject());
        assertEquals(5, a.evidence().size());
        assertTrue(h.of(DetectorKind.BRUTE_FORCE).isEmpty(), "no single IP failed 5 times");
    }

    @Test
    void shouldTripPortScanAtTenDistinctPortsInAMinute() {
        SecurityHarness h = new SecurityHarness();
        for (int port = 1; port <= 9; port++) {
            h.send(port, "FIREWALL_HIT ip=198.51.100.77 port=" + (1000 + port));
            h.send(port, "FIREWALL_HIT ip=198.51.100.77 port=1001"); // the same port again and again
        }
        assertTrue(h.of(DetectorKind.PORT_SCAN).isEmpty());
        h.send(59, "FIREWALL_HIT ip=198.51.100.77 port=22");
        Anomaly a = h.only(DetectorKind.PORT_SCAN);
        assertEquals("198.51.100.77", a.subject());
        assertEquals("10", a.details().get("distinct_ports"));
        assertEquals(10, a.evidence().size());
        assertEquals("PT1M", a.details().get("window"));
    }

    @Test
    void shouldNotCallPortsSpreadOverMoreThanAMinuteAScan() {
        SecurityHarness h = new SecurityHarness();
        for (int port = 1; port <= 20; port++) {
            h.send(port * 7, "FIREWALL_HIT ip=198.51.100.77 port=" + port); // 8 or 9 ports per minute
        }
        assertTrue(h.of(DetectorKind.PORT_SCAN).isEmpty());
    }
}

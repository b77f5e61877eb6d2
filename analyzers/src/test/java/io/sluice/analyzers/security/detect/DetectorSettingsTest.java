package io.sluice.analyzers.security.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Defaults as documented; invalid thresholds and memory bounds refused with their reason. */
class DetectorSettingsTest {
    @Test
    void shouldCarryTheDocumentedDefaults() {
        DetectorSettings d = DetectorSettings.defaults();
        assertEquals(Threshold.of(5, Duration.ofMinutes(10)), d.bruteForce());
        assertEquals(Threshold.of(10, Duration.ofMinutes(1)), d.portScan());
        assertEquals(3, d.successAfterFailures().count());
        assertEquals(1, d.privilegeEscalation().count());
        assertEquals(5, d.privilegeEscalationP1());
        assertEquals(Duration.ofSeconds(10), d.volume().bucket());
        assertEquals(Duration.ofMinutes(1), d.ruleOf(DetectorKind.VOLUME_SPIKE).window());
    }

    @Test
    void shouldRefuseInvalidThresholds() {
        assertThrows(IllegalArgumentException.class, () -> Threshold.of(0, Duration.ofMinutes(1)));
        assertThrows(IllegalArgumentException.class, () -> Threshold.of(5, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> Threshold.of(Threshold.MAX_COUNT + 1, Duration.ofMinutes(1)));
        assertThrows(IllegalArgumentException.class, () -> DetectorSettings.defaults().withMaxTrackedKeys(0));
        assertThrows(IllegalArgumentException.class, () -> new VolumeSettings(Duration.ofMillis(1500), 0.05, 4, 3, 50,
            30, Duration.ofMinutes(1)));
    }

    @Test
    void shouldRefuseMoreSlotsThanTheMemoryBound() {
        DetectorSettings d = DetectorSettings.defaults();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DetectorSettings(
            DetectorSettings.MAX_TRACKED_KEYS, 10, 10, 10, 3, Threshold.of(1000, Duration.ofMinutes(10)),
            d.passwordSpraying(), d.distributedBruteForce(), d.successAfterFailures(), d.privilegeEscalation(),
            d.privilegeEscalationP1(), d.portScan(), d.webAttack(), d.webAuthBurst(), d.volume()));
        assertTrue(e.getMessage().contains("preallocated"), e.getMessage());
    }
}

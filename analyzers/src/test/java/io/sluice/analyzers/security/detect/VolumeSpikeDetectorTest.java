package io.sluice.analyzers.security.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.analyzers.security.Anomaly;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Per-host rate spikes against the host's own EWMA baseline, after a warm-up; steady noise stays quiet. */
class VolumeSpikeDetectorTest {
    private static final int BUCKET_SECONDS = 10;

    @Test
    void shouldStayQuietOnSteadyNoiseAndRaiseP3OnASpike() {
        SecurityHarness h = new SecurityHarness();
        Random random = new Random(42);
        int buckets = 360; // an hour of 15..25 events per 10 s, and a noisier host beside it (0..60)
        for (int b = 0; b < buckets; b++) {
            sendSpread(h, "app1", b, 15 + random.nextInt(11));
            sendSpread(h, "batch9", b, random.nextInt(61));
        }
        assertTrue(h.of(DetectorKind.VOLUME_SPIKE).isEmpty(), "no false positive on steady noise: " + h.told);
        assertEquals(2, h.metrics().trackedKeys(DetectorKind.VOLUME_SPIKE));

        sendSpread(h, "app1", buckets, 400);
        Anomaly a = h.only(DetectorKind.VOLUME_SPIKE);
        assertEquals("P3", a.severity());
        assertEquals("host", a.subjectType());
        assertEquals("app1", a.subject());
        double mean = Double.parseDouble(a.details().get("baseline_mean"));
        assertEquals(20, mean, 3);
        assertTrue(Integer.parseInt(a.details().get("events_in_bucket")) > 50);
    }

    @Test
    void shouldNotJudgeAHostBeforeItsBaselineWarmedUp() {
        SecurityHarness h = new SecurityHarness();
        for (int b = 0; b < 20; b++) {
            sendSpread(h, "app2", b, 10);
        }
        sendSpread(h, "app2", 20, 500);
        assertTrue(h.of(DetectorKind.VOLUME_SPIKE).isEmpty());
    }

    @Test
    void shouldCloseTheSpikeOnceTheRateIsBackToNormal() {
        SecurityHarness h = new SecurityHarness();
        for (int b = 0; b < 40; b++) {
            sendSpread(h, "app3", b, 20);
        }
        sendSpread(h, "app3", 40, 300);
        for (int b = 41; b < 55; b++) {
            sendSpread(h, "app3", b, 20);
        }
        Anomaly a = h.only(DetectorKind.VOLUME_SPIKE);
        assertTrue(!a.open(), "closed a minute after the spiking bucket");
    }

    /** {@code count} plain (non-security) events from {@code host}, spread over bucket {@code b}. */
    private static void sendSpread(SecurityHarness h, String host, int b, int count) {
        for (int i = 0; i < count; i++) {
            h.send(b * BUCKET_SECONDS + (i + 0.5) * BUCKET_SECONDS / (count + 1.0), host, "GET /health 200");
        }
    }
}

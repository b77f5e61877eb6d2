package io.sluice.analyzers.security.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.analyzers.TestLogEvents;
import io.sluice.core.Field;
import io.sluice.core.LogEvent;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A million distinct attacking IPs: tracked keys stay at the cap, open anomalies at theirs, the heap bounded. */
class MemoryBoundTest {
    private static final int ATTACKERS = 1_000_000;
    private static final int FAILURES_EACH = 5;
    private static final long MB = 1024 * 1024;

    @Test
    void shouldKeepTrackedKeysAndHeapBoundedUnderAMillionAttackingIps() {
        long before = usedHeapAfterGc();
        AtomicLong told = new AtomicLong();
        AtomicLong clock = new AtomicLong(TestLogEvents.at(0));
        DetectorSettings settings = DetectorSettings.defaults();
        SecurityAnalyzer analyzer = new SecurityAnalyzer(settings, new LineRecognizer(), a -> told.incrementAndGet(),
            new AtomicLong()::incrementAndGet, clock::get);
        LogEvent event = new LogEvent();
        byte[] peer = "192.0.2.1:514".getBytes(StandardCharsets.US_ASCII);
        long sequence = 0;
        for (int ip = 0; ip < ATTACKERS; ip++) {
            byte[] line = ("AUTH_FAILURE ip=10." + (ip >>> 16) + "." + ((ip >>> 8) & 0xff) + "." + (ip & 0xff)
                + " user=root").getBytes(StandardCharsets.US_ASCII);
            for (int f = 0; f < FAILURES_EACH; f++) {
                event.setRaw(line, 0, line.length);
                event.setSpan(Field.MESSAGE, 0, line.length);
                event.setPeer(peer, peer.length);
                event.setSequence(++sequence);
                event.setReceivedAtNanos(TestLogEvents.at(sequence / 10_000.0)); // 10 000 events/s
                clock.set(event.receivedAtNanos());
                analyzer.onEvent(event, sequence, (sequence & 63) == 0);
            }
        }
        long after = usedHeapAfterGc();
        SecurityMetrics m = analyzer.metrics();
        System.out.printf("1M attacking IPs: heap growth %d MB, tracked brute-force keys %d, open anomalies %d,"
            + " created %d, closed early %d%n", (after - before) / MB, m.trackedKeys(DetectorKind.BRUTE_FORCE),
            m.openAnomalies(), m.anomaliesCreated(DetectorKind.BRUTE_FORCE), m.anomaliesClosedEarly());
        assertEquals(settings.maxTrackedKeys(), m.trackedKeys(DetectorKind.BRUTE_FORCE));
        assertTrue(m.trackedKeys(DetectorKind.SUCCESS_AFTER_FAILURES) <= 2 * settings.maxTrackedKeys());
        assertEquals(ATTACKERS, m.anomaliesCreated(DetectorKind.BRUTE_FORCE), "every attacker detected");
        assertTrue(m.openAnomalies() <= settings.maxOpenAnomalies());
        assertTrue(after - before < 200 * MB, "heap grew by " + (after - before) / MB + " MB");
        assertTrue(analyzer != null && told.get() >= ATTACKERS);
    }

    private static long usedHeapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}

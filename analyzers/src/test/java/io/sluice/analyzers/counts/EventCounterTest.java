package io.sluice.analyzers.counts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.core.Field;
import io.sluice.core.LogEvent;
import io.sluice.core.TestEvents;
import io.sluice.core.Transport;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventCounterTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void shouldCountPerTransportSeverityAndApp() {
        EventCounter counter = new EventCounter(100);
        counter.onEvent(event("sshd", 3, Transport.TCP, 100), 0, false);
        counter.onEvent(event("sshd", 6, Transport.TCP, 100), 1, false);
        counter.onEvent(event("cron", 6, Transport.UDP, 100), 2, false);
        counter.onEvent(event(null, -1, Transport.TCP, 100), 3, true);

        CountsSnapshot snapshot = counter.snapshot(101);
        assertEquals(4, snapshot.total());
        assertEquals(Map.of("tcp", 3L, "udp", 1L), snapshot.perTransport());
        assertEquals(Map.of("err", 1L, "info", 2L, "unknown", 1L), snapshot.perSeverity());
        assertEquals(Map.of("sshd", 2L, "cron", 1L, "-", 1L), snapshot.perApp());
    }

    @Test
    void shouldAverageTheLastTenWholeSecondsAndForgetOlderOnes() {
        EventCounter counter = new EventCounter(100);
        long seq = 0;
        for (long second = 100; second < 120; second++) {
            for (int i = 0; i < 5; i++) {
                counter.onEvent(event("a", 6, Transport.TCP, second), seq++, i == 4);
            }
        }
        assertEquals(5.0, counter.snapshot(120).eventsPerSecond(), 1e-9);
        assertEquals(2.5, counter.snapshot(125).eventsPerSecond(), 1e-9);
        assertEquals(0.0, counter.snapshot(200).eventsPerSecond(), 1e-9);
    }

    @Test
    void shouldCountKeysPastTheCapUnderOther() {
        ByteKeyCounterTable table = new ByteKeyCounterTable(3);
        for (int i = 0; i < 10; i++) {
            byte[] key = ("app" + i).getBytes();
            table.add(key, 0, key.length, 1);
        }
        byte[] again = "app0".getBytes();
        table.add(again, 0, again.length, 5);
        Map<String, Long> counts = table.snapshot();
        assertEquals(3, table.size());
        assertEquals(6L, counts.get("app0"));
        assertEquals(7L, counts.get(ByteKeyCounterTable.OVERFLOW_KEY));
    }

    private static LogEvent event(String app, int severity, Transport transport, long second) {
        LogEvent event = TestEvents.raw("<13>x");
        event.setTransport(transport);
        event.setPriority(1, severity);
        if (app != null) {
            byte[] bytes = (app + " rest").getBytes();
            event.setRaw(bytes, 0, bytes.length);
            event.setPriority(1, severity);
            event.setSpan(Field.APP_NAME, 0, app.length());
        }
        event.setReceivedAtNanos(second * SECOND + 1234);
        return event;
    }
}

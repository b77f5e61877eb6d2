package io.sluice.analyzers.counts;

import com.lmax.disruptor.EventHandler;
import io.sluice.core.Field;
import io.sluice.core.LogEvent;
import io.sluice.core.Severity;
import io.sluice.core.Transport;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The counting analyzer: events per transport, per severity and per app-name, plus events/s over the last
 * {@link #RATE_WINDOW_SECONDS} seconds. Runs on its own ring consumer thread, in parallel with the journal; counts
 * are read by the HTTP API through {@link #snapshot()}. No allocation per event (a new app-name's bytes are copied
 * once, up to the key cap).
 */
public final class EventCounter implements EventHandler<LogEvent> {
    public static final int RATE_WINDOW_SECONDS = 10;
    private static final byte[] NO_APP = {'-'};
    private static final int SEVERITY_SLOTS = 9; // 0..7 plus "unknown" at index 8
    private static final int TRANSPORT_SLOTS = 8;

    private final AtomicLongArray perTransport = new AtomicLongArray(TRANSPORT_SLOTS);
    private final AtomicLongArray perSeverity = new AtomicLongArray(SEVERITY_SLOTS);
    private final ByteKeyCounterTable perApp;
    private final EventRateWindow rate = new EventRateWindow(RATE_WINDOW_SECONDS);
    private long total;
    private volatile long totalPublished;
    private long batchSecond = Long.MIN_VALUE;
    private long batchEventsInSecond;

    public EventCounter(int maxApps) {
        this.perApp = new ByteKeyCounterTable(maxApps);
    }

    @Override
    public void onEvent(LogEvent event, long sequence, boolean endOfBatch) {
        total++;
        increment(perTransport, event.transport().code());
        int severity = event.severity();
        increment(perSeverity, severity >= 0 && severity < 8 ? severity : 8);
        if (event.has(Field.APP_NAME)) {
            perApp.add(event.raw(), event.spanOffset(Field.APP_NAME), event.spanLength(Field.APP_NAME), 1);
        } else {
            perApp.add(NO_APP, 0, 1, 1);
        }
        countSecond(event.receivedAtNanos() / 1_000_000_000L);
        if (endOfBatch) {
            flushSecond();
            totalPublished = total;
        }
    }

    /** Groups the per-second adds: events in one batch mostly share their receive second. */
    private void countSecond(long second) {
        if (second != batchSecond) {
            flushSecond();
            batchSecond = second;
        }
        batchEventsInSecond++;
    }

    private void flushSecond() {
        if (batchEventsInSecond > 0) {
            rate.add(batchSecond, batchEventsInSecond);
            batchEventsInSecond = 0;
        }
    }

    private static void increment(AtomicLongArray counts, int index) {
        counts.setRelease(index, counts.getPlain(index) + 1);
    }

    public long total() {
        return totalPublished;
    }

    /** Copies all counts out for the API. Any thread; allocates. */
    public CountsSnapshot snapshot(long nowEpochSecond) {
        Map<String, Long> transports = new LinkedHashMap<>();
        for (Transport t : Transport.values()) {
            long n = perTransport.getAcquire(t.code());
            if (n > 0) {
                transports.put(t.label(), n);
            }
        }
        Map<String, Long> severities = new LinkedHashMap<>();
        for (int s = 0; s < SEVERITY_SLOTS; s++) {
            long n = perSeverity.getAcquire(s);
            if (n > 0) {
                severities.put(s < 8 ? Severity.keywordOf(s) : "unknown", n);
            }
        }
        return new CountsSnapshot(totalPublished, transports, severities, perApp.snapshot(),
            rate.ratePerSecond(nowEpochSecond), rate.seconds());
    }
}

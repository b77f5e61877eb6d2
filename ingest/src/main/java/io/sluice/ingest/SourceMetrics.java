package io.sluice.ingest;

import io.sluice.core.Transport;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * What one source counts, written from its event loops (hence adders) and read by the metrics endpoint. Counts are
 * added once per read batch, not once per event.
 */
public final class SourceMetrics {
    private final Transport transport;
    public final LongAdder eventsReceived = new LongAdder();
    public final LongAdder bytesReceived = new LongAdder();
    /** Frames longer than the maximum: cut, published with the truncated flag and dead-lettered by the journal. */
    public final LongAdder framesTruncated = new LongAdder();
    /** Bytes thrown away from the tails of cut frames. */
    public final LongAdder truncatedBytes = new LongAdder();
    /** Octet-counting headers that were not a number; the connection then falls back to LF framing. */
    public final LongAdder framingErrors = new LongAdder();
    /** Events that parsed as neither RFC 5424 nor RFC 3164 and were kept as {@code format: raw}. */
    public final LongAdder parseFailures = new LongAdder();
    /** Times a connection was paused because the ring was full (TCP backpressure). */
    public final LongAdder backpressurePauses = new LongAdder();
    public final LongAdder connectionsOpened = new LongAdder();
    public final AtomicLong connectionsActive = new AtomicLong();
    /** Read errors and resets reported by connections. */
    public final LongAdder connectionErrors = new LongAdder();

    public SourceMetrics(Transport transport) {
        this.transport = transport;
    }

    public Transport transport() {
        return transport;
    }
}

package io.sluice.ingest;

import io.sluice.core.Transport;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * What one source counts, written from its event loops (hence adders) and read by the metrics endpoint. Stream
 * sources add once per read batch, not once per event; the UDP source once per datagram. A counter a transport
 * cannot produce stays 0 (no connections over UDP, no drops over TCP).
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
    /** Read errors and resets reported by connections (for UDP: errors the datagram socket reported). */
    public final LongAdder connectionErrors = new LongAdder();
    /**
     * Datagrams dropped because the ring was full (UDP only). A datagram socket cannot slow its sender the way a
     * paused TCP connection does, and waiting for room would stall the event loop while the kernel's receive buffer
     * overflows anyway; so the datagram is dropped here, where the loss is counted. Drops in the kernel (receive
     * buffer full) never reach Sluice: the host's {@code Udp: RcvbufErrors} counts those.
     */
    public final LongAdder eventsDropped = new LongAdder();
    /**
     * TLS handshakes that failed: a missing or untrusted client certificate (mutual TLS), plain text sent to the TLS
     * port, no common protocol or cipher, or a handshake timeout.
     */
    public final LongAdder handshakeFailures = new LongAdder();
    /** Times new TLS certificates were taken into use without a restart. */
    public final LongAdder certificateReloads = new LongAdder();
    /** Reloads refused (unreadable, invalid or mismatched PEM files); the certificates in use stay. */
    public final LongAdder certificateReloadFailures = new LongAdder();

    public SourceMetrics(Transport transport) {
        this.transport = transport;
    }

    public Transport transport() {
        return transport;
    }
}

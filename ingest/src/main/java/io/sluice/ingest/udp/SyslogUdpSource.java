package io.sluice.ingest.udp;

import io.sluice.core.EpochClock;
import io.sluice.core.Format;
import io.sluice.core.LogEvent;
import io.sluice.core.Transport;
import io.sluice.core.pipeline.EventRing;
import io.sluice.ingest.SourceMetrics;
import io.sluice.ingest.syslog.SyslogDecoder;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.datagram.DatagramPacket;
import io.vertx.core.datagram.DatagramSocket;
import io.vertx.core.datagram.DatagramSocketOptions;
import io.vertx.core.net.SocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Syslog over UDP (RFC 5426, RFC 5424 / RFC 3164 content): one datagram is one message, trailing LF, CR and NUL
 * dropped. Each datagram is copied into one claimed ring slot and parsed there, on the event loop, like a TCP frame.
 *
 * <p>When the ring is full the datagram is dropped and counted in {@link SourceMetrics#eventsDropped}: UDP has no
 * way to slow a sender, and waiting would stall the event loop while the kernel buffer overflows instead. A datagram
 * longer than {@link SyslogUdpSettings#maxDatagramBytes()} is cut and flagged truncated (the journal dead-letters it).
 *
 * <p>Thread contract: one instance is one socket served by the event loop of the context it is deployed on; every
 * handler runs there. Per datagram nothing is allocated beyond what Vert.x allocates to deliver it.
 */
public final class SyslogUdpSource extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(SyslogUdpSource.class);

    private final SyslogUdpSettings settings;
    private final EventRing ring;
    private final SourceMetrics metrics;
    private final EpochClock clock;
    private final SyslogDecoder decoder = new SyslogDecoder();
    /** "ip:port" of the current datagram's sender, rewritten in place for each datagram. */
    private final byte[] peer = new byte[LogEvent.MAX_PEER_BYTES];
    private DatagramSocket socket;

    public SyslogUdpSource(SyslogUdpSettings settings, EventRing ring, SourceMetrics metrics, EpochClock clock) {
        if (metrics.transport() != Transport.UDP) {
            throw new IllegalArgumentException("metrics are for " + metrics.transport());
        }
        this.settings = settings;
        this.ring = ring;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public Future<?> start() {
        if (settings.receiveBufferBytes() > SyslogUdpSettings.FAST_RECEIVE_BUFFER_LIMIT) {
            LOG.warn("syslog-udp receive buffer {} bytes: above {} every datagram costs a fresh read buffer",
                settings.receiveBufferBytes(), SyslogUdpSettings.FAST_RECEIVE_BUFFER_LIMIT);
        }
        socket = vertx.createDatagramSocket(new DatagramSocketOptions()
            .setReceiveBufferSize(settings.receiveBufferBytes())
            .setIpV6(settings.host().indexOf(':') >= 0));
        socket.handler(this::onDatagram);
        socket.exceptionHandler(error -> metrics.connectionErrors.increment());
        return socket.listen(settings.port(), settings.host())
            .onSuccess(s -> LOG.debug("syslog-udp listener bound to {}:{}", settings.host(), actualPort()));
    }

    /** Closes the socket; datagrams still in the kernel buffer are lost, as UDP allows. */
    @Override
    public Future<?> stop() {
        return socket == null ? Future.succeededFuture() : socket.close();
    }

    /** The port actually bound (differs from the configured one when that was 0), or -1 before the start. */
    public int actualPort() {
        SocketAddress local = socket == null ? null : socket.localAddress();
        return local == null ? -1 : local.port();
    }

    private void onDatagram(DatagramPacket packet) {
        Buffer data = packet.data(); // read through Buffer: its getByteBuf() would allocate a slice per datagram
        int length = data.length();
        metrics.bytesReceived.add(length);
        while (length > 0 && isTrailer(data.getByte(length - 1))) {
            length--;
        }
        if (length == 0) {
            return; // a keep-alive or an empty line: no message
        }
        long sequence = ring.tryClaim(1);
        if (sequence < 0) {
            metrics.eventsDropped.increment();
            return;
        }
        // counted before publishing, so the counter never lags behind what the consumers already see
        metrics.eventsReceived.increment();
        try {
            fill(ring.slot(sequence), data, length, packet.sender());
        } finally {
            ring.publish(sequence); // a claimed slot must be published, or every consumer stalls at it
        }
    }

    private void fill(LogEvent event, Buffer data, int length, SocketAddress sender) {
        int kept = Math.min(length, settings.maxDatagramBytes());
        data.getBytes(0, kept, event.ensureRawCapacity(kept), 0);
        event.setRawLength(kept);
        event.setTransport(Transport.UDP);
        event.setPeer(peer, formatPeer(sender, peer));
        event.setReceivedAtNanos(clock.epochNanos());
        if (kept < length) {
            event.markTruncated(length);
            metrics.framesTruncated.increment();
            metrics.truncatedBytes.add(length - kept);
        }
        decoder.decode(event);
        if (event.format() == Format.RAW) {
            metrics.parseFailures.increment();
        }
    }

    private static boolean isTrailer(byte b) {
        return b == '\n' || b == '\r' || b == 0;
    }

    /**
     * Writes "ip:port" ("[ip]:port" for IPv6) into {@code out} and returns its length. {@code host()} is the literal
     * address Vert.x already holds for a received packet, so this copies characters instead of building a String.
     */
    static int formatPeer(SocketAddress sender, byte[] out) {
        String host = sender.host() == null ? "" : sender.host();
        boolean v6 = host.indexOf(':') >= 0;
        int limit = out.length - 7; // room for "]:65535"
        int n = 0;
        if (v6) {
            out[n++] = '[';
        }
        for (int i = 0; i < host.length() && n < limit; i++) {
            out[n++] = (byte) host.charAt(i);
        }
        if (v6) {
            out[n++] = ']';
        }
        out[n++] = ':';
        return writeDigits(sender.port(), out, n);
    }

    private static int writeDigits(int value, byte[] out, int at) {
        int digits = value < 10 ? 1 : value < 100 ? 2 : value < 1000 ? 3 : value < 10_000 ? 4 : 5;
        for (int i = at + digits - 1; i >= at; i--) {
            out[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        return at + digits;
    }
}

package io.sluice.ingest.tcp;

import io.sluice.core.EpochClock;
import io.sluice.core.Transport;
import io.sluice.core.pipeline.EventRing;
import io.sluice.ingest.SourceMetrics;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Syslog over TCP (RFC 6587 framing, RFC 5424 / RFC 3164 content). One instance is one listening socket served by
 * one event loop; deploy several with the same port to use more loops. Connections hand their frames to the ring
 * through {@link SyslogConnections}.
 */
public final class SyslogTcpSource extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(SyslogTcpSource.class);
    /** How long a graceful stop keeps reading connections that still send. */
    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(5);

    private final SyslogTcpSettings settings;
    private final EventRing ring;
    private final SourceMetrics metrics;
    private final EpochClock clock;
    private final Duration shutdownGrace;
    private NetServer server;
    private SyslogConnections connections;

    public SyslogTcpSource(SyslogTcpSettings settings, EventRing ring, SourceMetrics metrics, EpochClock clock,
                           Duration shutdownGrace) {
        if (metrics.transport() != Transport.TCP) {
            throw new IllegalArgumentException("metrics are for " + metrics.transport());
        }
        this.settings = settings;
        this.ring = ring;
        this.metrics = metrics;
        this.clock = clock;
        this.shutdownGrace = shutdownGrace;
    }

    @Override
    public Future<?> start() {
        NetServerOptions options = new NetServerOptions()
            .setHost(settings.host())
            .setPort(settings.port())
            .setReuseAddress(true)
            .setTcpNoDelay(true);
        if (settings.receiveBufferBytes() > 0) {
            options.setReceiveBufferSize(settings.receiveBufferBytes()); // Vert.x then reads with buffers this large
        }
        server = vertx.createNetServer(options);
        connections = new SyslogConnections(vertx, ring, metrics, clock, settings.maxFrameLength(),
            settings.claimBatch());
        server.connectHandler(connections);
        return server.listen().onSuccess(s -> LOG.debug("syslog-tcp listener bound to {}:{}", settings.host(),
            s.actualPort()));
    }

    /**
     * Stops accepting once the accept backlog is empty, lets open connections finish sending (up to the grace
     * period), then closes them.
     */
    @Override
    public Future<?> stop() {
        return server == null ? Future.succeededFuture() : connections.shutdown(server, shutdownGrace);
    }

    /** The port actually bound (differs from the configured one when that was 0). */
    public int actualPort() {
        return server == null ? -1 : server.actualPort();
    }
}

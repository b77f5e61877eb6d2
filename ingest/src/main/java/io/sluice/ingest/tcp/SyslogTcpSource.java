package io.sluice.ingest.tcp;

import io.sluice.core.EpochClock;
import io.sluice.core.Transport;
import io.sluice.core.pipeline.EventRing;
import io.sluice.ingest.SourceMetrics;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Syslog over TCP (RFC 6587 framing, RFC 5424 / RFC 3164 content). One instance is one listening socket served by
 * one event loop; deploy several with the same port to use more loops. Connections hand their frames to the ring
 * through {@link SyslogTcpConnection}.
 */
public final class SyslogTcpSource extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(SyslogTcpSource.class);
    /** How long a graceful stop keeps reading connections that still send. */
    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(5);
    /**
     * A stop first waits until no connection was accepted for this long: a client whose handshake the kernel already
     * completed (it may have sent and exited) is still in the accept backlog, and unbinding would reset it.
     */
    private static final long ACCEPT_QUIET_MS = 100;
    private static final long FLUSH_TIMEOUT_NANOS = 30_000_000_000L;

    private final SyslogTcpSettings settings;
    private final EventRing ring;
    private final SourceMetrics metrics;
    private final EpochClock clock;
    private final Duration shutdownGrace;
    private NetServer server;
    private long lastAcceptNanos = System.nanoTime();
    /** Connections not yet finished: open, or closed with received bytes still waiting for ring space. */
    private int unfinished;

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
            .setReceiveBufferSize(settings.receiveBufferBytes())
            .setReuseAddress(true)
            .setTcpNoDelay(true);
        server = vertx.createNetServer(options);
        server.connectHandler(socket -> {
            lastAcceptNanos = System.nanoTime();
            unfinished++;
            new SyslogTcpConnection(socket, vertx, ring, metrics, clock, settings, () -> unfinished--).start();
        });
        return server.listen().onSuccess(s -> LOG.debug("syslog-tcp listener bound to {}:{}", settings.host(),
            s.actualPort()));
    }

    /**
     * Stops accepting once the accept backlog is empty, lets open connections finish sending (up to the grace
     * period), then closes them.
     */
    @Override
    public Future<?> stop() {
        if (server == null) {
            return Future.succeededFuture();
        }
        Promise<Void> backlogDrained = Promise.promise();
        whenAcceptsQuiet(backlogDrained);
        return backlogDrained.future()
            .compose(ignored -> server.shutdown(shutdownGrace))
            .compose(ignored -> {
                Promise<Void> flushed = Promise.promise();
                whenConnectionsFinished(flushed, System.nanoTime() + FLUSH_TIMEOUT_NANOS);
                return flushed.future();
            });
    }

    /** Closed connections may still hold bytes they read but could not publish yet (ring full): wait for those. */
    private void whenConnectionsFinished(Promise<Void> done, long deadline) {
        if (unfinished <= 0) {
            done.complete();
        } else if (System.nanoTime() > deadline) {
            LOG.warn("{} syslog-tcp connection(s) still had unpublished bytes at shutdown", unfinished);
            done.complete();
        } else {
            vertx.setTimer(1, id -> whenConnectionsFinished(done, deadline));
        }
    }

    private void whenAcceptsQuiet(Promise<Void> done) {
        long quietMs = (System.nanoTime() - lastAcceptNanos) / 1_000_000;
        if (quietMs >= ACCEPT_QUIET_MS) {
            done.complete();
        } else {
            vertx.setTimer(ACCEPT_QUIET_MS - quietMs, id -> whenAcceptsQuiet(done));
        }
    }

    /** The port actually bound (differs from the configured one when that was 0). */
    public int actualPort() {
        return server == null ? -1 : server.actualPort();
    }
}

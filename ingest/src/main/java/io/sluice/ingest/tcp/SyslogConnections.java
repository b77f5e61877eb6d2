package io.sluice.ingest.tcp;

import io.sluice.core.EpochClock;
import io.sluice.core.pipeline.EventRing;
import io.sluice.ingest.SourceMetrics;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connect handler of one syslog stream listener, plain TCP or TLS (RFC 5425 framing is RFC 6587 octet counting,
 * which the same framer reads): runs every accepted socket as a {@link SyslogTcpConnection}, tagging its events with
 * {@code metrics.transport()}, and knows when they have all finished, so that a stop loses nothing.
 *
 * <p>Thread contract: one instance per listener, used only on that listener's event loop (the verticle's context):
 * set it as the {@link NetServer#connectHandler}, call {@link #shutdown} from the verticle's {@code stop()}.
 */
public final class SyslogConnections implements Handler<NetSocket> {
    private static final Logger LOG = LoggerFactory.getLogger(SyslogConnections.class);
    /**
     * A stop first waits until no connection was accepted for this long: a client whose handshake the kernel already
     * completed (it may have sent and exited) is still in the accept backlog, and unbinding would reset it.
     */
    private static final long ACCEPT_QUIET_MS = 100;
    private static final long FLUSH_TIMEOUT_NANOS = 30_000_000_000L;

    private final Vertx vertx;
    private final EventRing ring;
    private final SourceMetrics metrics;
    private final EpochClock clock;
    private final int maxFrameLength;
    private final int claimBatch;
    private long lastAcceptNanos = System.nanoTime();
    /** Connections not yet finished: open, or closed with received bytes still waiting for ring space. */
    private int unfinished;
    private final Runnable onFinished = () -> unfinished--;

    /**
     * @param maxFrameLength longest frame kept whole; longer ones are cut, flagged truncated and dead-lettered
     * @param claimBatch     most frames published with one ring claim
     */
    public SyslogConnections(Vertx vertx, EventRing ring, SourceMetrics metrics, EpochClock clock, int maxFrameLength,
                             int claimBatch) {
        this.vertx = vertx;
        this.ring = ring;
        this.metrics = metrics;
        this.clock = clock;
        this.maxFrameLength = maxFrameLength;
        this.claimBatch = claimBatch;
    }

    @Override
    public void handle(NetSocket socket) {
        lastAcceptNanos = System.nanoTime();
        unfinished++;
        new SyslogTcpConnection(socket, vertx, ring, metrics, clock, maxFrameLength, claimBatch, onFinished).start();
    }

    /**
     * Stops {@code server} gracefully: once the accept backlog is empty it stops accepting, lets open connections
     * finish sending (up to {@code grace}), closes them, then waits until every byte they sent is in the ring.
     */
    public Future<Void> shutdown(NetServer server, Duration grace) {
        Promise<Void> backlogDrained = Promise.promise();
        whenAcceptsQuiet(backlogDrained);
        return backlogDrained.future()
            .compose(ignored -> server.shutdown(grace))
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
            LOG.warn("{} syslog-{} connection(s) still had unpublished bytes at shutdown", unfinished,
                metrics.transport().label());
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
}

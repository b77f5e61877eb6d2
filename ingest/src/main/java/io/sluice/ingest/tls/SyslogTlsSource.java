package io.sluice.ingest.tls;

import io.sluice.core.EpochClock;
import io.sluice.core.Transport;
import io.sluice.core.pipeline.EventRing;
import io.sluice.ingest.SourceMetrics;
import io.sluice.ingest.tcp.SyslogConnections;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.ServerSSLOptions;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Syslog over TLS (RFC 5425: octet-counted frames, RFC 5424 / RFC 3164 content). After the handshake a connection
 * is a syslog stream like a TCP one and runs the same code ({@link SyslogConnections}): framing, parsing in the slot,
 * pausing the socket when the ring is full, graceful stop.
 *
 * <p>Certificates come from PEM files and are replaced without a restart: every
 * {@link SyslogTlsSettings#reloadInterval()} (and on {@link #reload()}) the files are checked and, if they changed,
 * read, checked (key matches certificate, CA bundle parses) and handed to the running server; open connections keep
 * the certificate they were made with. Files that fail the check change nothing but a counter and a warning.
 *
 * <p>Thread contract: one instance is one listening socket served by the event loop of the context it is deployed
 * on; all its state lives there. {@link #reload()}, {@link #engineName()} and {@link #actualPort()} may be called
 * from any thread.
 */
public final class SyslogTlsSource extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(SyslogTlsSource.class);
    /** How long a graceful stop keeps reading connections that still send. */
    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(5);

    private final SyslogTlsSettings settings;
    private final EventRing ring;
    private final SourceMetrics metrics;
    private final EpochClock clock;
    private final Duration shutdownGrace;
    private final TlsEngine engine;
    private final CertificateFiles files;
    private volatile NetServer server;
    private SyslogConnections connections;
    private long reloadTimer = -1;
    /** Stamp of the files in use, and of the last set refused (so the timer warns once per broken set). */
    private String loadedStamp;
    private String refusedStamp;
    /** Reloads run one after another; each waits for the previous one. */
    private Future<Boolean> lastReload = Future.succeededFuture(false);

    /**
     * @throws IllegalArgumentException if {@code settings} name no certificate or {@code metrics} are not for TLS
     * @throws IllegalStateException    if the OpenSSL engine is asked for but cannot load here
     */
    public SyslogTlsSource(SyslogTlsSettings settings, EventRing ring, SourceMetrics metrics, EpochClock clock,
                           Duration shutdownGrace) {
        if (metrics.transport() != Transport.TLS) {
            throw new IllegalArgumentException("metrics are for " + metrics.transport());
        }
        if (!settings.isConfigured()) {
            throw new IllegalArgumentException("syslog over TLS needs a certificate and key");
        }
        this.settings = settings;
        this.ring = ring;
        this.metrics = metrics;
        this.clock = clock;
        this.shutdownGrace = shutdownGrace;
        this.engine = settings.engine().resolve();
        this.files = new CertificateFiles(settings.certPath(), settings.keyPath(), settings.clientCaPath());
    }

    /** Reads and checks the certificates (on a worker: file I/O), then binds. Fails if they cannot be served. */
    @Override
    public Future<?> start() {
        return vertx.executeBlocking(() -> files.load(vertx)).compose(this::listen);
    }

    private Future<NetServer> listen(CertificateFiles.Loaded loaded) {
        ServerSSLOptions ssl = loaded.options();
        NetServerOptions options = new NetServerOptions()
            .setHost(settings.host())
            .setPort(settings.port())
            .setReuseAddress(true)
            .setTcpNoDelay(true)
            .setSsl(true)
            .setSslEngineOptions(engine.options())
            .setKeyCertOptions(ssl.getKeyCertOptions())
            .setTrustOptions(ssl.getTrustOptions())
            .setClientAuth(ssl.getClientAuth());
        if (settings.receiveBufferBytes() > 0) {
            options.setReceiveBufferSize(settings.receiveBufferBytes()); // Vert.x then reads with buffers this large
        }
        NetServer created = vertx.createNetServer(options);
        connections = new SyslogConnections(vertx, ring, metrics, clock, settings.maxFrameLength(),
            settings.claimBatch());
        created.connectHandler(connections);
        created.exceptionHandler(this::onHandshakeFailed);
        return created.listen().onSuccess(bound -> {
            server = bound;
            loadedStamp = loaded.stamp();
            if (!settings.reloadInterval().isZero()) {
                reloadTimer = vertx.setPeriodic(settings.reloadInterval().toMillis(), id -> enqueueReload(true));
            }
            LOG.debug("syslog-tls listener bound to {}:{} ({}), certificate {}", settings.host(),
                bound.actualPort(), engine.describe(), loaded.summary());
        });
    }

    /** Like the TCP source: stops accepting, lets senders finish (up to the grace period), then closes. */
    @Override
    public Future<?> stop() {
        vertx.cancelTimer(reloadTimer);
        return server == null ? Future.succeededFuture() : connections.shutdown(server, shutdownGrace);
    }

    /**
     * Checks the PEM files now (the server calls this on SIGHUP) and serves them from the next handshake on if they
     * changed. Succeeds with true when new certificates are in use, false when the files are unchanged (or hold
     * what is already served); fails, keeping the certificates in use, when they cannot be read or do not fit
     * together. Callable from any thread once started.
     */
    public Future<Boolean> reload() {
        if (server == null) {
            return Future.failedFuture(new IllegalStateException("syslog-tls source not started"));
        }
        Promise<Boolean> result = Promise.promise();
        context.runOnContext(ignored -> enqueueReload(false).onComplete(result));
        return result.future();
    }

    private Future<Boolean> enqueueReload(boolean periodic) {
        lastReload = lastReload.transform(ignored -> reloadIfChanged(periodic));
        return lastReload;
    }

    /** Runs on the context; only the file work goes to a worker. */
    private Future<Boolean> reloadIfChanged(boolean periodic) {
        return vertx.executeBlocking(files::stamp).compose(stamp -> {
            if (stamp.equals(loadedStamp) || periodic && stamp.equals(refusedStamp)) {
                return Future.succeededFuture(false);
            }
            return vertx.executeBlocking(() -> files.load(vertx))
                .compose(loaded -> server.updateSSLOptions(loaded.options()).map(updated -> onLoaded(loaded, updated)))
                .recover(error -> onRefused(stamp, error));
        });
    }

    private boolean onLoaded(CertificateFiles.Loaded loaded, boolean updated) {
        loadedStamp = loaded.stamp();
        refusedStamp = null;
        if (updated) { // false: the files were touched but hold what is already served
            metrics.certificateReloads.increment();
            LOG.info("syslog-tls certificate reloaded: {}", loaded.summary());
        }
        return updated;
    }

    private Future<Boolean> onRefused(String stamp, Throwable error) {
        refusedStamp = stamp;
        metrics.certificateReloadFailures.increment();
        LOG.warn("syslog-tls keeps its certificate: reloading {} failed: {}", files, error.toString());
        return Future.failedFuture(error);
    }

    /** Handshake errors are the client's (or a scanner's): counted, and logged only at debug level. */
    private void onHandshakeFailed(Throwable error) {
        metrics.handshakeFailures.increment();
        LOG.debug("syslog-tls handshake failed: {}", error.toString());
    }

    /** The TLS implementation in use, for the startup log: {@code "openssl (BoringSSL)"} or {@code "jdk"}. */
    public String engineName() {
        return engine.describe();
    }

    /** The port actually bound (differs from the configured one when that was 0), or -1 before the start. */
    public int actualPort() {
        NetServer bound = server;
        return bound == null ? -1 : bound.actualPort();
    }
}

package io.sluice.ingest.tls;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What a user configures for the syslog TLS listener (RFC 5425). Without a certificate the listener is not
 * configured ({@link #isConfigured()} is false, as in {@link #defaults()}) and the server does not start it.
 *
 * @param host               address to bind
 * @param port               port to bind; 0 picks a free one
 * @param certPath           PEM certificate chain the server presents (leaf first), or null: TLS not configured
 * @param keyPath            PEM private key of that certificate (PKCS#8, or PKCS#1 RSA / SEC1 EC), or null with
 *                           {@code certPath}
 * @param clientCaPath       PEM bundle of the CAs that sign client certificates, or null; when set, clients must
 *                           present a certificate signed by one of them (mutual TLS)
 * @param reloadInterval     how often the PEM files are checked for changes, which are then loaded without a
 *                           restart; {@link Duration#ZERO} checks only on {@code SyslogTlsSource.reload()}
 * @param engine             TLS implementation, see {@link TlsEngine}
 * @param maxFrameLength     longest message kept whole; longer frames are cut and dead-lettered
 * @param receiveBufferBytes socket receive buffer (SO_RCVBUF) asked of the kernel; 0 = the kernel's autotuning
 * @param claimBatch         most frames published with one ring claim
 */
public record SyslogTlsSettings(String host, int port, Path certPath, Path keyPath, Path clientCaPath,
                                Duration reloadInterval, TlsEngine engine, int maxFrameLength,
                                int receiveBufferBytes, int claimBatch) {
    public static final String DEFAULT_HOST = "0.0.0.0";
    /** The port RFC 5425 assigns to syslog over TLS. */
    public static final int DEFAULT_PORT = 6514;
    public static final Duration DEFAULT_RELOAD_INTERVAL = Duration.ofSeconds(10);
    public static final TlsEngine DEFAULT_ENGINE = TlsEngine.AUTO;
    public static final int DEFAULT_MAX_FRAME_LENGTH = 64 * 1024;
    /** 0: the kernel's autotuning; see {@link io.sluice.ingest.tcp.SyslogTcpSettings#DEFAULT_RECEIVE_BUFFER_BYTES}. */
    public static final int DEFAULT_RECEIVE_BUFFER_BYTES = 0;
    public static final int DEFAULT_CLAIM_BATCH = 256;

    public SyslogTlsSettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host is required");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        if ((certPath == null) != (keyPath == null)) {
            throw new IllegalArgumentException("a certificate needs its key and a key its certificate");
        }
        if (clientCaPath != null && certPath == null) {
            throw new IllegalArgumentException("client CA given without a server certificate");
        }
        if (reloadInterval == null || reloadInterval.isNegative()
            || !reloadInterval.isZero() && reloadInterval.toMillis() < 1) {
            throw new IllegalArgumentException("reload interval must be zero or at least 1 ms, got " + reloadInterval);
        }
        if (engine == null) {
            throw new IllegalArgumentException("engine is required");
        }
        if (maxFrameLength < 16) {
            throw new IllegalArgumentException("max frame length must be >= 16, got " + maxFrameLength);
        }
        if (claimBatch < 1 || receiveBufferBytes < 0) {
            throw new IllegalArgumentException("claim batch must be positive, receive buffer >= 0");
        }
    }

    /** Everything at its default and no certificate: not configured. */
    public static SyslogTlsSettings defaults() {
        return new SyslogTlsSettings(DEFAULT_HOST, DEFAULT_PORT, null, null, null, DEFAULT_RELOAD_INTERVAL,
            DEFAULT_ENGINE, DEFAULT_MAX_FRAME_LENGTH, DEFAULT_RECEIVE_BUFFER_BYTES, DEFAULT_CLAIM_BATCH);
    }

    /** True when a certificate and key are given, i.e. the listener can start. */
    public boolean isConfigured() {
        return certPath != null;
    }

    /** True when clients must present a certificate signed by {@link #clientCaPath()}. */
    public boolean requiresClientCertificate() {
        return clientCaPath != null;
    }

    public SyslogTlsSettings withEndpoint(String newHost, int newPort) {
        return new SyslogTlsSettings(newHost, newPort, certPath, keyPath, clientCaPath, reloadInterval, engine,
            maxFrameLength, receiveBufferBytes, claimBatch);
    }

    public SyslogTlsSettings withCertificate(Path cert, Path key) {
        return new SyslogTlsSettings(host, port, cert, key, clientCaPath, reloadInterval, engine, maxFrameLength,
            receiveBufferBytes, claimBatch);
    }

    public SyslogTlsSettings withClientCa(Path caBundle) {
        return new SyslogTlsSettings(host, port, certPath, keyPath, caBundle, reloadInterval, engine, maxFrameLength,
            receiveBufferBytes, claimBatch);
    }

    public SyslogTlsSettings withReloadInterval(Duration interval) {
        return new SyslogTlsSettings(host, port, certPath, keyPath, clientCaPath, interval, engine, maxFrameLength,
            receiveBufferBytes, claimBatch);
    }

    public SyslogTlsSettings withEngine(TlsEngine newEngine) {
        return new SyslogTlsSettings(host, port, certPath, keyPath, clientCaPath, reloadInterval, newEngine,
            maxFrameLength, receiveBufferBytes, claimBatch);
    }
}

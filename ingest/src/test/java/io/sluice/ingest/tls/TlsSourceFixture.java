package io.sluice.ingest.tls;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sluice.core.EpochClock;
import io.sluice.core.Transport;
import io.sluice.core.pipeline.EventPipeline;
import io.sluice.ingest.RecordingStage;
import io.sluice.ingest.SourceMetrics;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * A TLS source on 127.0.0.1 (port 0) feeding a real ring with a recording consumer, the test PKI, and JDK clients.
 * The source serves {@link #certFile} / {@link #keyFile}, copies of the first server certificate that tests may
 * overwrite to exercise reloads.
 */
final class TlsSourceFixture implements AutoCloseable {
    final TestCertificates pki;
    final Path certFile;
    final Path keyFile;
    final RecordingStage recorder = new RecordingStage();
    final SourceMetrics metrics = new SourceMetrics(Transport.TLS);
    private final Vertx vertx = Vertx.vertx();
    private EventPipeline pipeline;
    private SyslogTlsSource source;

    private TlsSourceFixture(Path dir) throws IOException, InterruptedException {
        pki = TestCertificates.create(dir);
        certFile = dir.resolve("live-cert.pem");
        keyFile = dir.resolve("live-key.pem");
        serve(pki.serverCert, pki.serverKey);
    }

    /** A fixture with a fresh PKI in {@code dir}; skips the test where the openssl CLI is missing. */
    static TlsSourceFixture create(Path dir) throws IOException, InterruptedException {
        assumeTrue(TestCertificates.opensslAvailable(), "openssl CLI needed to make test certificates");
        return new TlsSourceFixture(dir);
    }

    /** Loopback, the live files, the engine picked automatically (OpenSSL here), no reload timer. */
    SyslogTlsSettings settings() {
        return SyslogTlsSettings.defaults().withEndpoint("127.0.0.1", 0).withCertificate(certFile, keyFile)
            .withReloadInterval(Duration.ZERO);
    }

    SyslogTlsSource start(SyslogTlsSettings settings) throws Exception {
        pipeline = recorder.startPipeline(1024);
        source = new SyslogTlsSource(settings, pipeline.ring(), metrics, new EpochClock(),
            SyslogTlsSource.DEFAULT_SHUTDOWN_GRACE);
        vertx.deployVerticle(source).await(10, TimeUnit.SECONDS);
        return source;
    }

    int port() {
        return source.actualPort();
    }

    /** Overwrites the live files, as a deployer renewing the certificate would. */
    void serve(Path cert, Path key) throws IOException {
        Files.copy(cert, certFile, StandardCopyOption.REPLACE_EXISTING);
        Files.copy(key, keyFile, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Sends each message as an RFC 5425 frame ({@code LEN SP MSG}) over one connection, then closes it. */
    void send(SSLContext client, String... messages) throws IOException {
        try (SSLSocket socket = connect(client)) {
            OutputStream out = socket.getOutputStream();
            for (String message : messages) {
                byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
                out.write((bytes.length + " ").getBytes(StandardCharsets.US_ASCII));
                out.write(bytes);
            }
            out.flush();
        }
    }

    /** The certificate the server presents to a new connection. */
    X509Certificate serverCertificate(SSLContext client) throws IOException {
        try (SSLSocket socket = connect(client)) {
            return (X509Certificate) socket.getSession().getPeerCertificates()[0];
        }
    }

    /** A handshaken connection that also checks the server certificate names 127.0.0.1. */
    SSLSocket connect(SSLContext client) throws IOException {
        SSLSocket socket = (SSLSocket) client.getSocketFactory().createSocket("127.0.0.1", port());
        socket.setSoTimeout(10_000);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(parameters);
        socket.startHandshake();
        return socket;
    }

    @Override
    public void close() throws TimeoutException {
        recorder.release();
        vertx.close().await(10, TimeUnit.SECONDS);
        if (pipeline != null) {
            pipeline.drainAndStop(Duration.ofSeconds(10));
        }
    }
}

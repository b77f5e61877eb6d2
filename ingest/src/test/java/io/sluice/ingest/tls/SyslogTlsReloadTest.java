package io.sluice.ingest.tls;

import static io.sluice.ingest.RecordingStage.awaitCondition;
import static io.sluice.ingest.tls.TestCertificates.SERVER2_SERIAL;
import static io.sluice.ingest.tls.TestCertificates.SERVER_SERIAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.core.Field;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Certificates replaced on disk are served to new connections without a restart; broken ones are refused. */
class SyslogTlsReloadTest {
    @TempDir
    Path dir;
    @AutoClose
    private TlsSourceFixture fixture;
    private SSLContext client;

    @BeforeEach
    void setUp() throws Exception {
        fixture = TlsSourceFixture.create(dir);
        client = fixture.pki.clientContext(false);
    }

    @Test
    void shouldServeTheNewCertificateAfterReload() throws Exception {
        SyslogTlsSource source = fixture.start(fixture.settings());
        assertEquals(SERVER_SERIAL, servedSerial());

        fixture.serve(fixture.pki.server2Cert, fixture.pki.server2Key);
        assertTrue(source.reload().await(10, TimeUnit.SECONDS));

        assertEquals(SERVER2_SERIAL, servedSerial());
        assertEquals("CN=sluice-server-2", fixture.serverCertificate(client).getSubjectX500Principal().getName());
        assertEquals(1, fixture.metrics.certificateReloads.sum());
        assertFalse(source.reload().await(10, TimeUnit.SECONDS), "unchanged files: nothing to reload");

        fixture.send(client, "<14>1 2026-11-23T10:00:00Z web01 app - - - after reload");
        fixture.recorder.awaitEvent(e -> "after reload".equals(e.fieldAsString(Field.MESSAGE)));
    }

    @Test
    void shouldPickUpReplacedFilesOnTheReloadTimer() throws Exception {
        fixture.start(fixture.settings().withReloadInterval(Duration.ofMillis(100)));
        assertEquals(SERVER_SERIAL, servedSerial());

        fixture.serve(fixture.pki.server2Cert, fixture.pki.server2Key);

        awaitCondition(() -> SERVER2_SERIAL.equals(servedSerialOrNull()), () -> "still serving the old certificate");
        assertTrue(fixture.metrics.certificateReloads.sum() >= 1);
    }

    @Test
    void shouldKeepTheCertificateInUseWhenReloadedFilesAreBroken() throws Exception {
        SyslogTlsSource source = fixture.start(fixture.settings());

        Files.writeString(fixture.certFile, "not a certificate");
        assertThrows(Exception.class, () -> source.reload().await(10, TimeUnit.SECONDS));
        assertEquals(1, fixture.metrics.certificateReloadFailures.sum());
        assertEquals(SERVER_SERIAL, servedSerial());

        // A well-formed key of the same type that belongs to another certificate: parses, but cannot serve.
        fixture.serve(fixture.pki.serverCert, fixture.pki.clientKey);
        Exception mismatch = assertThrows(Exception.class, () -> source.reload().await(10, TimeUnit.SECONDS));
        assertTrue(mismatch.getMessage().contains("does not belong"), mismatch.getMessage());
        assertEquals(2, fixture.metrics.certificateReloadFailures.sum());
        assertEquals(SERVER_SERIAL, servedSerial());

        fixture.serve(fixture.pki.server2Cert, fixture.pki.server2Key);
        assertTrue(source.reload().await(10, TimeUnit.SECONDS));
        assertEquals(SERVER2_SERIAL, servedSerial());
        assertEquals(1, fixture.metrics.certificateReloads.sum());
    }

    private BigInteger servedSerial() throws IOException {
        return fixture.serverCertificate(client).getSerialNumber();
    }

    private BigInteger servedSerialOrNull() {
        try {
            return servedSerial();
        } catch (IOException e) {
            return null;
        }
    }
}

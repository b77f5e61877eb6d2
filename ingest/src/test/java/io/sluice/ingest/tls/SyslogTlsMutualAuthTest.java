package io.sluice.ingest.tls;

import static io.sluice.ingest.RecordingStage.awaitCondition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.core.Field;
import io.sluice.core.LogEvent;
import io.sluice.core.Transport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With a client CA bundle configured, only clients holding a certificate it signed get their messages in. */
class SyslogTlsMutualAuthTest {
    private static final String REFUSED = "<14>1 2026-11-23T10:00:00Z web01 app - - - without a certificate";
    private static final String ACCEPTED = "<14>1 2026-11-23T10:00:00Z web01 app - - - with a certificate";

    @TempDir
    Path dir;
    @AutoClose
    private TlsSourceFixture fixture;

    @BeforeEach
    void setUp() throws Exception {
        fixture = TlsSourceFixture.create(dir);
        fixture.start(fixture.settings().withClientCa(fixture.pki.caCert));
    }

    @Test
    void shouldRefuseAClientWithoutCertificateAndAcceptOneWithIt() throws Exception {
        assertTrue(isRefused(fixture.pki.clientContext(false)), "a client without certificate got through");
        awaitCondition(() -> fixture.metrics.handshakeFailures.sum() >= 1, () -> "no handshake failure counted");

        fixture.send(fixture.pki.clientContext(true), ACCEPTED);
        LogEvent event = fixture.recorder.awaitEvent(e -> "with a certificate".equals(e.fieldAsString(Field.MESSAGE)));
        assertEquals(Transport.TLS, event.transport());
        assertEquals(1, fixture.recorder.events().size(), "only the authenticated client's event is stored");
        assertEquals(1, fixture.metrics.connectionsOpened.sum());
    }

    /**
     * Sends a frame without a client certificate and reads. Under TLS 1.3 the client's handshake may complete before
     * the server checks the (empty) certificate, so the refusal can show up as a failed handshake, an alert on the
     * read, or the server closing the connection.
     */
    private boolean isRefused(SSLContext client) {
        try (SSLSocket socket = fixture.connect(client)) {
            OutputStream out = socket.getOutputStream();
            byte[] frame = (REFUSED.length() + " " + REFUSED).getBytes(StandardCharsets.US_ASCII);
            out.write(frame);
            out.flush();
            InputStream in = socket.getInputStream();
            return in.read() == -1;
        } catch (IOException refused) {
            return true;
        }
    }
}

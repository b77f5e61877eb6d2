package io.sluice.ingest.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.handler.ssl.OpenSsl;
import io.sluice.core.Field;
import io.sluice.core.Format;
import io.sluice.core.LogEvent;
import io.sluice.core.Transport;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Syslog over TLS end to end: real handshakes on loopback, frames into a real ring, with either engine. */
class SyslogTlsSourceTest {
    @TempDir
    Path dir;
    @AutoClose
    private TlsSourceFixture fixture;

    @BeforeEach
    void setUp() throws Exception {
        fixture = TlsSourceFixture.create(dir);
    }

    @Test
    void shouldDeliverOctetCountedFramesFromAJdkClientAsTls() throws Exception {
        SyslogTlsSource source = fixture.start(fixture.settings());
        if (OpenSsl.isAvailable()) {
            assertEquals("openssl (BoringSSL)", source.engineName());
        }
        fixture.send(fixture.pki.clientContext(false),
            "<34>1 2026-11-23T10:00:00.123Z web01 su 4242 ID47 - su root failed",
            "<13>Nov 23 10:00:00 web02 nginx[812]: GET / 200");

        LogEvent rfc5424 = fixture.recorder.awaitEvent(e -> "su".equals(e.fieldAsString(Field.APP_NAME)));
        assertEquals(Format.RFC5424, rfc5424.format());
        assertEquals("su root failed", rfc5424.fieldAsString(Field.MESSAGE));
        assertEquals(Transport.TLS, rfc5424.transport());
        assertTrue(new String(rfc5424.peer(), 0, rfc5424.peerLength(), StandardCharsets.US_ASCII)
            .startsWith("127.0.0.1:"));
        LogEvent rfc3164 = fixture.recorder.awaitEvent(e -> "nginx".equals(e.fieldAsString(Field.APP_NAME)));
        assertEquals("GET / 200", rfc3164.fieldAsString(Field.MESSAGE));
        assertEquals(Transport.TLS, rfc3164.transport());
        assertEquals(2, fixture.metrics.eventsReceived.sum());
    }

    @Test
    void shouldWorkWithTheJdkEngineWhenAskedFor() throws Exception {
        SyslogTlsSource source = fixture.start(fixture.settings().withEngine(TlsEngine.JDK));
        assertEquals("jdk", source.engineName());
        fixture.send(fixture.pki.clientContext(false), "<14>1 2026-11-23T10:00:00Z web01 jdkapp - - - over jdk tls");

        LogEvent event = fixture.recorder.awaitEvent(e -> "jdkapp".equals(e.fieldAsString(Field.APP_NAME)));
        assertEquals("over jdk tls", event.fieldAsString(Field.MESSAGE));
        assertEquals(Transport.TLS, event.transport());
    }

    @Test
    void shouldStoreALinePipedThroughOpensslSClient() throws Exception {
        fixture.start(fixture.settings());
        Process client = new ProcessBuilder(TestCertificates.OPENSSL.toString(), "s_client", "-connect",
            "127.0.0.1:" + fixture.port(), "-quiet", "-no_ign_eof", "-CAfile", fixture.pki.caCert.toString(),
            "-verify_return_error").redirectErrorStream(true).start();
        try {
            try (OutputStream stdin = client.getOutputStream()) {
                stdin.write("<13>Nov 23 10:00:00 web01 sclient[7]: piped through s_client\n"
                    .getBytes(StandardCharsets.US_ASCII));
            }
            LogEvent event = fixture.recorder.awaitEvent(e -> "sclient".equals(e.fieldAsString(Field.APP_NAME)));
            assertEquals("piped through s_client", event.fieldAsString(Field.MESSAGE));
            assertEquals(Transport.TLS, event.transport());
        } finally {
            if (!client.waitFor(5, TimeUnit.SECONDS)) {
                client.destroyForcibly();
            }
        }
    }
}

package io.sluice.ingest.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.core.EpochClock;
import io.sluice.core.Transport;
import io.sluice.core.pipeline.EventPipeline;
import io.sluice.ingest.RecordingStage;
import io.sluice.ingest.SourceMetrics;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SyslogTlsSettingsTest {
    private static final Path CERT = Path.of("cert.pem");
    private static final Path KEY = Path.of("key.pem");

    @Test
    void shouldBeUnconfiguredWithoutACertificate() {
        SyslogTlsSettings defaults = SyslogTlsSettings.defaults();
        assertFalse(defaults.isConfigured());
        assertEquals(6514, defaults.port());
        assertEquals(Duration.ofSeconds(10), defaults.reloadInterval());
        assertTrue(defaults.withCertificate(CERT, KEY).isConfigured());
        assertFalse(defaults.withCertificate(CERT, KEY).requiresClientCertificate());
        assertTrue(defaults.withCertificate(CERT, KEY).withClientCa(Path.of("ca.pem")).requiresClientCertificate());
    }

    @Test
    void shouldRejectSettingsThatCannotWork() {
        SyslogTlsSettings defaults = SyslogTlsSettings.defaults();
        assertThrows(IllegalArgumentException.class, () -> defaults.withCertificate(CERT, null));
        assertThrows(IllegalArgumentException.class, () -> defaults.withCertificate(null, KEY));
        assertThrows(IllegalArgumentException.class, () -> defaults.withClientCa(Path.of("ca.pem")));
        assertThrows(IllegalArgumentException.class, () -> defaults.withReloadInterval(Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> defaults.withReloadInterval(Duration.ofNanos(10)));
        assertThrows(IllegalArgumentException.class, () -> defaults.withEndpoint("127.0.0.1", -1));
    }

    @Test
    void shouldRefuseToBuildASourceWithoutACertificate() {
        try (EventPipeline pipeline = new RecordingStage().startPipeline(16)) {
            assertThrows(IllegalArgumentException.class, () -> new SyslogTlsSource(SyslogTlsSettings.defaults(),
                pipeline.ring(), new SourceMetrics(Transport.TLS), new EpochClock(),
                SyslogTlsSource.DEFAULT_SHUTDOWN_GRACE));
        }
    }
}

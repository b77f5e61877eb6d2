package io.sluice.ingest.udp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SyslogUdpSettingsTest {
    @Test
    void shouldDefaultToPort5514WithAOneMebibyteReceiveBufferAnd64KibDatagrams() {
        SyslogUdpSettings defaults = SyslogUdpSettings.defaults();
        assertEquals(5514, defaults.port());
        assertEquals(1024 * 1024, defaults.receiveBufferBytes());
        assertEquals(64 * 1024, defaults.maxDatagramBytes());
    }

    @Test
    void shouldRejectSettingsThatCannotWork() {
        SyslogUdpSettings defaults = SyslogUdpSettings.defaults();
        assertThrows(IllegalArgumentException.class, () -> defaults.withEndpoint("127.0.0.1", 65_536));
        assertThrows(IllegalArgumentException.class, () -> defaults.withEndpoint(" ", 0));
        assertThrows(IllegalArgumentException.class, () -> defaults.withMaxDatagramBytes(8));
        assertThrows(IllegalArgumentException.class, () -> defaults.withMaxDatagramBytes(70_000));
        assertThrows(IllegalArgumentException.class, () -> new SyslogUdpSettings("0.0.0.0", 0, 1000, 1000),
            "a datagram as long as the read buffer may have been cut by the kernel: not detectable");
    }
}

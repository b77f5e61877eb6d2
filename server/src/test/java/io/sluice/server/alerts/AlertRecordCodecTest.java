package io.sluice.server.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sluice.alerts.Alert;
import io.sluice.alerts.AlertState;
import java.util.Map;
import net.openhft.chronicle.bytes.Bytes;
import org.junit.jupiter.api.Test;

class AlertRecordCodecTest {
    @Test
    void shouldReadBackWhatItWrote() {
        AlertRecord record = new AlertRecord(1_795_000_000_123_456_789L, true, TestAlerts.resolved("R", "svc"));
        assertEquals(record, roundTrip(record));
    }

    @Test
    void shouldKeepNullInstantsAndEmptyMaps() {
        Alert alert = new Alert("R", "fp", AlertState.PENDING, "P3", Map.of(), Map.of(), Double.NaN, null, null,
            null);
        AlertRecord record = new AlertRecord(-5, false, alert);
        AlertRecord back = roundTrip(record);
        assertEquals(record.recordedAtNanos(), back.recordedAtNanos());
        assertEquals(alert.state(), back.alert().state());
        assertEquals(null, back.alert().activeSince());
        assertEquals(Map.of(), back.alert().labels());
        assertEquals(true, Double.isNaN(back.alert().value()));
    }

    @Test
    void shouldRefuseAnUnknownVersion() {
        Bytes<?> bytes = Bytes.allocateElasticOnHeap(64);
        bytes.writeByte((byte) 99);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> AlertRecordCodec.read(bytes));
        assertEquals(true, e.getMessage().contains("version 99"));
    }

    private static AlertRecord roundTrip(AlertRecord record) {
        Bytes<?> bytes = Bytes.allocateElasticOnHeap(256);
        AlertRecordCodec.write(record, bytes);
        return AlertRecordCodec.read(bytes);
    }
}

package io.sluice.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.analyzers.security.Anomaly;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.openhft.chronicle.bytes.Bytes;
import org.junit.jupiter.api.Test;

class AnomalyRecordCodecTest {
    @Test
    void shouldRoundTripEveryField() {
        Anomaly anomaly = new Anomaly(42, "password_spraying", "P1", "ip", "203.0.113.9",
            Instant.parse("2026-11-23T10:00:00.123456789Z"), Instant.parse("2026-11-23T10:05:00Z"), 17,
            List.of(1L, 2L, 99L), List.of("Failed password for invalid user ünïcode", ""),
            Map.of("users", "root,admin,oracle", "service", "sshd"), true);
        AnomalyRecord record = new AnomalyRecord(7, 1_763_892_000_000_000_001L, anomaly);

        assertEquals(record, roundTrip(record));
    }

    @Test
    void shouldKeepNullInstantsAndEmptyLists() {
        Anomaly anomaly = new Anomaly(1, "source_silent", "P3", "host", "web01", null, null, 0, List.of(),
            List.of(), Map.of(), false);
        assertEquals(anomaly, roundTrip(new AnomalyRecord(1, 0, anomaly)).anomaly());
    }

    @Test
    void shouldRefuseARecordVersionItCannotRead() {
        Bytes<?> bytes = Bytes.allocateElasticOnHeap(16);
        bytes.writeByte((byte) 9);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> AnomalyRecordCodec.read(bytes));
        assertTrue(e.getMessage().contains("anomaly record version 9"), e.getMessage());
    }

    private static AnomalyRecord roundTrip(AnomalyRecord record) {
        Bytes<?> bytes = Bytes.allocateElasticOnHeap(256);
        AnomalyRecordCodec.write(record, bytes);
        return AnomalyRecordCodec.read(bytes);
    }
}

package io.sluice.server.alerts;

import io.sluice.alerts.Alert;
import io.sluice.alerts.AlertState;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import net.openhft.chronicle.bytes.Bytes;

/**
 * The binary layout of an {@link AlertRecord} inside a Chronicle excerpt, shared by the {@code alerts} history and
 * the {@code alert-outbox} queues. Layout v1: version byte, recorded-at nanos, transition flag, then the alert's
 * fields (strings as UTF-8, maps as a stop-bit count and key/value pairs, instants as epoch nanos or
 * {@link #NO_INSTANT}).
 *
 * <p>Thread contract: stateless; safe from any thread. Allocates the decoded record (alerts are rare).
 */
final class AlertRecordCodec {
    static final byte VERSION = 1;
    /** Stands for a null instant. */
    static final long NO_INSTANT = Long.MIN_VALUE;
    private static final AlertState[] STATES = AlertState.values();

    private AlertRecordCodec() {
    }

    static void write(AlertRecord record, Bytes<?> out) {
        Alert alert = record.alert();
        out.writeByte(VERSION);
        out.writeLong(record.recordedAtNanos());
        out.writeBoolean(record.transition());
        out.writeUtf8(alert.rule());
        out.writeUtf8(alert.fingerprint());
        out.writeByte((byte) alert.state().ordinal());
        out.writeUtf8(alert.severity());
        writeMap(alert.labels(), out);
        writeMap(alert.annotations(), out);
        out.writeDouble(alert.value());
        out.writeLong(nanos(alert.activeSince()));
        out.writeLong(nanos(alert.firedAt()));
        out.writeLong(nanos(alert.resolvedAt()));
    }

    /** @throws IllegalStateException on a record version this build cannot read */
    static AlertRecord read(Bytes<?> in) {
        byte version = in.readByte();
        if (version != VERSION) {
            throw new IllegalStateException("alert record version " + version + " is not supported (expected "
                + VERSION + "): written by a newer Sluice?");
        }
        long recordedAt = in.readLong();
        boolean transition = in.readBoolean();
        String rule = in.readUtf8();
        String fingerprint = in.readUtf8();
        AlertState state = STATES[in.readByte()];
        String severity = in.readUtf8();
        Map<String, String> labels = readMap(in);
        Map<String, String> annotations = readMap(in);
        double value = in.readDouble();
        Instant activeSince = instant(in.readLong());
        Instant firedAt = instant(in.readLong());
        Instant resolvedAt = instant(in.readLong());
        return new AlertRecord(recordedAt, transition, new Alert(rule, fingerprint, state, severity, labels,
            annotations, value, activeSince, firedAt, resolvedAt));
    }

    private static void writeMap(Map<String, String> map, Bytes<?> out) {
        Map<String, String> m = map == null ? Map.of() : map;
        out.writeStopBit(m.size());
        for (Map.Entry<String, String> e : m.entrySet()) {
            out.writeUtf8(e.getKey());
            out.writeUtf8(e.getValue());
        }
    }

    private static Map<String, String> readMap(Bytes<?> in) {
        int size = (int) in.readStopBit();
        Map<String, String> map = new LinkedHashMap<>(Math.max(4, size * 2));
        for (int i = 0; i < size; i++) {
            map.put(in.readUtf8(), in.readUtf8());
        }
        return Collections.unmodifiableMap(map);
    }

    static long nanos(Instant instant) {
        return instant == null ? NO_INSTANT : instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    static Instant instant(long nanos) {
        return nanos == NO_INSTANT ? null : Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L),
            Math.floorMod(nanos, 1_000_000_000L));
    }
}

package io.sluice.server.alerts;

import io.sluice.alerts.Alert;
import io.sluice.alerts.AlertState;
import java.time.Instant;
import java.util.Map;
import net.openhft.chronicle.bytes.Bytes;

/**
 * The binary layout of an {@link AlertRecord} inside a Chronicle excerpt, shared by the {@code alerts} history and
 * the {@code alert-outbox} queues. Layout v1: version byte, recorded-at nanos, transition flag, then the alert's
 * fields (strings as UTF-8, maps and instants as {@link RecordBytes} writes them).
 *
 * <p>Thread contract: stateless; safe from any thread. Allocates the decoded record (alerts are rare).
 */
final class AlertRecordCodec {
    static final byte VERSION = 1;
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
        RecordBytes.writeMap(alert.labels(), out);
        RecordBytes.writeMap(alert.annotations(), out);
        out.writeDouble(alert.value());
        out.writeLong(RecordBytes.nanos(alert.activeSince()));
        out.writeLong(RecordBytes.nanos(alert.firedAt()));
        out.writeLong(RecordBytes.nanos(alert.resolvedAt()));
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
        Map<String, String> labels = RecordBytes.readMap(in);
        Map<String, String> annotations = RecordBytes.readMap(in);
        double value = in.readDouble();
        Instant activeSince = RecordBytes.instant(in.readLong());
        Instant firedAt = RecordBytes.instant(in.readLong());
        Instant resolvedAt = RecordBytes.instant(in.readLong());
        return new AlertRecord(recordedAt, transition, new Alert(rule, fingerprint, state, severity, labels,
            annotations, value, activeSince, firedAt, resolvedAt));
    }
}

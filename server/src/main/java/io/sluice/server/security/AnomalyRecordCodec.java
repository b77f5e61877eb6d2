package io.sluice.server.security;

import io.sluice.analyzers.security.Anomaly;
import io.sluice.server.alerts.RecordBytes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.openhft.chronicle.bytes.Bytes;

/**
 * The binary layout of an {@link AnomalyRecord} inside a Chronicle excerpt of the {@code anomalies} queue. Layout v1:
 * version byte, version sequence, recorded-at nanos, then the anomaly: id, detector, severity, subject type, subject
 * (UTF-8), first/last seen (epoch nanos), count, evidence (stop-bit count + longs), samples (stop-bit count + UTF-8),
 * details (see {@link RecordBytes#writeMap}), open flag. The version sequence comes first so that a resuming reader
 * skips excerpts after reading 9 bytes.
 *
 * <p>Thread contract: stateless; safe from any thread. Allocates the decoded record (anomalies are rare).
 */
final class AnomalyRecordCodec {
    static final byte VERSION = 1;

    private AnomalyRecordCodec() {
    }

    static void write(AnomalyRecord record, Bytes<?> out) {
        Anomaly a = record.anomaly();
        out.writeByte(VERSION);
        out.writeLong(record.version());
        out.writeLong(record.recordedAtNanos());
        out.writeLong(a.id());
        out.writeUtf8(a.detector());
        out.writeUtf8(a.severity());
        out.writeUtf8(a.subjectType());
        out.writeUtf8(a.subject());
        out.writeLong(RecordBytes.nanos(a.firstSeen()));
        out.writeLong(RecordBytes.nanos(a.lastSeen()));
        out.writeLong(a.count());
        out.writeStopBit(a.evidence().size());
        for (long seq : a.evidence()) {
            out.writeLong(seq);
        }
        out.writeStopBit(a.samples().size());
        for (String sample : a.samples()) {
            out.writeUtf8(sample);
        }
        RecordBytes.writeMap(a.details(), out);
        out.writeBoolean(a.open());
    }

    /**
     * The version sequence of the record at the read position, consuming the version byte and the sequence only.
     *
     * @throws IllegalStateException on a record version this build cannot read
     */
    static long readVersionSequence(Bytes<?> in) {
        byte version = in.readByte();
        if (version != VERSION) {
            throw new IllegalStateException("anomaly record version " + version + " is not supported (expected "
                + VERSION + "): written by a newer Sluice?");
        }
        return in.readLong();
    }

    /** Reads the rest of a record after {@link #readVersionSequence}. */
    static AnomalyRecord readAfterVersion(long versionSequence, Bytes<?> in) {
        long recordedAt = in.readLong();
        long id = in.readLong();
        String detector = in.readUtf8();
        String severity = in.readUtf8();
        String subjectType = in.readUtf8();
        String subject = in.readUtf8();
        Instant firstSeen = RecordBytes.instant(in.readLong());
        Instant lastSeen = RecordBytes.instant(in.readLong());
        long count = in.readLong();
        int evidenceCount = (int) in.readStopBit();
        List<Long> evidence = new ArrayList<>(evidenceCount);
        for (int i = 0; i < evidenceCount; i++) {
            evidence.add(in.readLong());
        }
        int sampleCount = (int) in.readStopBit();
        List<String> samples = new ArrayList<>(sampleCount);
        for (int i = 0; i < sampleCount; i++) {
            samples.add(in.readUtf8());
        }
        Map<String, String> details = RecordBytes.readMap(in);
        boolean open = in.readBoolean();
        return new AnomalyRecord(versionSequence, recordedAt, new Anomaly(id, detector, severity, subjectType, subject,
            firstSeen, lastSeen, count, evidence, samples, details, open));
    }

    static AnomalyRecord read(Bytes<?> in) {
        return readAfterVersion(readVersionSequence(in), in);
    }
}

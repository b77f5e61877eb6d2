package io.sluice.analyzers.security.detect;

import io.sluice.analyzers.security.SecuritySignal;
import io.sluice.core.LogEvent;

/**
 * Distinct values per subject in a sliding window (users per IP, IPs per user, ports per IP), tripping at K: exact up
 * to K with K slots per subject, no set per key. Subclasses say which signals count, the subject and the value.
 *
 * <p>Thread contract: as {@link SignalDetector}.
 */
abstract class WindowDistinctDetector implements SignalDetector {
    private final DetectorKind kind;
    private final SubjectType subjectType;
    private final int threshold;
    private final KeyedDistinctWindow window;
    /** Set by {@link #select}: the subject's span in the event's raw bytes and the value's hash. */
    int subjectOffset;
    int subjectLength;
    long value;

    WindowDistinctDetector(DetectorKind kind, SubjectType subjectType, Threshold rule, int maxKeys) {
        this.kind = kind;
        this.subjectType = subjectType;
        this.threshold = rule.count();
        this.window = new KeyedDistinctWindow(maxKeys, rule.count(), rule.windowNanos());
    }

    /** Whether the signal counts; if so sets the subject span and {@link #value}. */
    abstract boolean select(LogEvent event, SecuritySignal signal);

    @Override
    public final boolean onSignal(LogEvent event, SecuritySignal signal, Detection out) {
        if (!select(event, signal)) {
            return false;
        }
        byte[] raw = event.raw();
        long key = KeyHash.of(raw, subjectOffset, subjectLength);
        int distinct = window.record(key, value, event.receivedAtNanos(), event.sequence());
        if (distinct < threshold) {
            return false;
        }
        out.trip(kind, Priority.P2, subjectType, raw, subjectOffset, subjectLength, key, event, distinct)
            .evidenceFrom(window);
        return true;
    }

    @Override
    public final DetectorKind kind() {
        return kind;
    }

    @Override
    public final int trackedKeys() {
        return window.trackedKeys();
    }
}

package io.sluice.analyzers.security.detect;

import io.sluice.analyzers.security.SecuritySignal;
import io.sluice.core.LogEvent;

/**
 * The shape most detectors share: select the signals that count and their subject, count them per subject in a
 * sliding window, trip at the threshold. Subclasses say what counts ({@link #select}) and how urgent it is.
 *
 * <p>Thread contract: as {@link SignalDetector}.
 */
abstract class WindowCountDetector implements SignalDetector {
    private final DetectorKind kind;
    private final int threshold;
    private final KeyedEventWindow window;
    /** The subject's span in the event's raw bytes, set by {@link #select}. */
    int subjectOffset;
    int subjectLength;

    /**
     * @param depth events remembered per key: at least {@code threshold} (more when a second, higher threshold
     *              escalates)
     */
    WindowCountDetector(DetectorKind kind, Threshold rule, int depth, int maxKeys) {
        this.kind = kind;
        this.threshold = rule.count();
        this.window = new KeyedEventWindow(maxKeys, Math.max(depth, rule.count()), rule.windowNanos());
    }

    /** Returns the subject type and sets {@link #subjectOffset}/{@link #subjectLength} if the signal counts; else null. */
    abstract SubjectType select(LogEvent event, SecuritySignal signal);

    Priority priorityOf(int inWindow) {
        return Priority.P2;
    }

    /** Adds detector-specific facts to a detection. */
    void annotate(SecuritySignal signal, Detection out) {
    }

    @Override
    public final boolean onSignal(LogEvent event, SecuritySignal signal, Detection out) {
        SubjectType type = select(event, signal);
        if (type == null) {
            return false;
        }
        byte[] raw = event.raw();
        long key = KeyHash.of(type.ordinal(), KeyHash.of(raw, subjectOffset, subjectLength));
        int counted = window.record(key, event.receivedAtNanos(), event.sequence());
        if (counted < threshold) {
            return false;
        }
        out.trip(kind, priorityOf(counted), type, raw, subjectOffset, subjectLength, key, event, counted)
            .evidenceFrom(window);
        annotate(signal, out);
        return true;
    }

    /** Selects the signal's source IP as the subject, if it has one. */
    final SubjectType sourceIp(SecuritySignal signal) {
        if (signal.sourceIpLength() <= 0) {
            return null;
        }
        subjectOffset = signal.sourceIpOffset();
        subjectLength = signal.sourceIpLength();
        return SubjectType.IP;
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

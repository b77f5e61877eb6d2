package io.sluice.analyzers.security.detect;

import io.sluice.analyzers.security.AttackKind;
import io.sluice.core.LogEvent;

/**
 * What a detector found in one event: a flyweight the detector fills and the {@link AnomalyBook} reads at once (it
 * copies what it keeps). The subject is a span of the event's raw bytes; nothing is allocated.
 *
 * <p>Thread contract: one instance per security stage, valid until the next detector fills it.
 */
final class Detection {
    DetectorKind kind;
    Priority priority;
    SubjectType subjectType;
    byte[] subjectBytes;
    int subjectOffset;
    int subjectLength;
    long subjectKey;
    long atNanos;
    long sequence;
    long firstAtNanos;
    int inWindow;
    final long[] evidence;
    int evidenceLength;
    AttackKind attack = AttackKind.NONE;
    double baselineMean = Double.NaN;
    double baselineStddev = Double.NaN;

    Detection(int maxEvidence) {
        this.evidence = new long[maxEvidence];
    }

    /** Starts a detection of {@code event} for the subject {@code bytes[offset, offset+length)}, keyed {@code key}. */
    Detection trip(DetectorKind detector, Priority level, SubjectType type, byte[] bytes, int offset, int length,
                   long key, LogEvent event, int counted) {
        kind = detector;
        priority = level;
        subjectType = type;
        subjectBytes = bytes;
        subjectOffset = offset;
        subjectLength = length;
        subjectKey = key;
        atNanos = event.receivedAtNanos();
        sequence = event.sequence();
        firstAtNanos = atNanos;
        inWindow = counted;
        evidenceLength = 0;
        attack = AttackKind.NONE;
        baselineMean = Double.NaN;
        baselineStddev = Double.NaN;
        return this;
    }

    /** Takes the evidence (the window's events) of the key {@code window} last recorded or counted. */
    Detection evidenceFrom(KeyedEventWindow window) {
        evidenceLength = window.evidence(atNanos, evidence);
        firstAtNanos = Math.min(atNanos, window.firstInWindow());
        return this;
    }

    /** Takes the evidence (one event per distinct value) of the key {@code window} last recorded. */
    Detection evidenceFrom(KeyedDistinctWindow window) {
        evidenceLength = window.evidence(atNanos, evidence);
        firstAtNanos = Math.min(atNanos, window.firstInWindow());
        return this;
    }

    /** Adds the triggering event itself when the window did not record it (success after failures). */
    Detection addOwnSequence() {
        if (evidenceLength < evidence.length) {
            evidence[evidenceLength++] = sequence;
        }
        return this;
    }
}

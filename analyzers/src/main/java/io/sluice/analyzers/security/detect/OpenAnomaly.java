package io.sluice.analyzers.security.detect;

import io.sluice.analyzers.security.Anomaly;
import io.sluice.analyzers.security.AttackKind;
import io.sluice.core.Field;
import io.sluice.core.LogEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The mutable state of one open anomaly: counts and times as primitives, evidence in fixed arrays (the first N
 * sequence numbers, then a ring of the latest M), a few sample messages. Allocated when the anomaly is created; an
 * update allocates only while samples are missing. {@link #toAnomaly} builds the immutable record for listeners.
 *
 * <p>Thread contract: the security stage's thread only.
 */
final class OpenAnomaly {
    private static final int SAMPLE_BYTES = 256;

    final long id;
    final DetectorKind kind;
    final SubjectType subjectType;
    final String subject;
    final int tableId;
    Priority priority;
    long firstSeen;
    long lastSeen;
    long count;
    /** Updated since the listener was last told. */
    boolean dirty;
    /** In the book's list of anomalies to tell about. */
    boolean queued;
    boolean closed;
    long lastNotifiedNanos;
    private int maxInWindow;
    private int attackMask;
    private double baselineMean = Double.NaN;
    private double baselineStddev = Double.NaN;
    private final long[] first;
    private int firstLength;
    private final long[] latest;
    private long latestWritten;
    private final String[] samples;
    private int sampleCount;

    OpenAnomaly(long id, int tableId, Detection d, LogEvent event, DetectorSettings settings) {
        this.id = id;
        this.tableId = tableId;
        this.kind = d.kind;
        this.subjectType = d.subjectType;
        this.subject = new String(d.subjectBytes, d.subjectOffset, d.subjectLength, StandardCharsets.UTF_8);
        this.first = new long[settings.evidenceFirst()];
        this.latest = new long[settings.evidenceLatest()];
        this.samples = new String[settings.samples()];
        this.priority = d.priority;
        this.firstSeen = d.firstAtNanos;
        this.lastSeen = d.atNanos;
        this.lastNotifiedNanos = d.atNanos;
        this.count = Math.max(d.inWindow, d.evidenceLength);
        for (int i = 0; i < d.evidenceLength; i++) {
            addEvidence(d.evidence[i]);
        }
        absorb(d, event);
    }

    /** Folds a later detection in; returns true when it raised the priority. */
    boolean update(Detection d, LogEvent event) {
        count++;
        firstSeen = Math.min(firstSeen, d.firstAtNanos);
        lastSeen = Math.max(lastSeen, d.atNanos);
        addEvidence(d.sequence);
        boolean raised = d.priority.above(priority);
        if (raised) {
            priority = d.priority;
        }
        absorb(d, event);
        return raised;
    }

    private void absorb(Detection d, LogEvent event) {
        maxInWindow = Math.max(maxInWindow, d.inWindow);
        if (d.attack != AttackKind.NONE) {
            attackMask |= 1 << d.attack.ordinal();
        }
        if (!Double.isNaN(d.baselineMean)) {
            baselineMean = d.baselineMean;
            baselineStddev = d.baselineStddev;
        }
        if (sampleCount < samples.length) {
            samples[sampleCount++] = sampleOf(event);
        }
    }

    private void addEvidence(long sequence) {
        if (firstLength < first.length) {
            first[firstLength++] = sequence;
        } else if (latest.length > 0) {
            latest[(int) (latestWritten++ % latest.length)] = sequence;
        }
    }

    /** The record listeners see; {@code rule} gives the threshold and window shown in the details. Allocates. */
    Anomaly toAnomaly(boolean open, Threshold rule) {
        List<Long> evidence = new ArrayList<>(firstLength + latest.length);
        for (int i = 0; i < firstLength; i++) {
            evidence.add(first[i]);
        }
        long kept = Math.min(latestWritten, latest.length);
        for (long i = latestWritten - kept; i < latestWritten; i++) {
            evidence.add(latest[(int) (i % latest.length)]);
        }
        List<String> sampleList = new ArrayList<>(sampleCount);
        for (int i = 0; i < sampleCount; i++) {
            sampleList.add(samples[i]);
        }
        return new Anomaly(id, kind.label(), priority.name(), subjectType.label(), subject, instant(firstSeen),
            instant(lastSeen), count, evidence, sampleList, details(rule), open);
    }

    private Map<String, String> details(Threshold rule) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("threshold", Integer.toString(rule.count()));
        details.put("window", rule.window().toString());
        details.put(kind.countName(), Integer.toString(maxInWindow));
        if (attackMask != 0) {
            StringBuilder kinds = new StringBuilder();
            for (AttackKind attack : AttackKind.values()) {
                if ((attackMask & (1 << attack.ordinal())) != 0) {
                    kinds.append(kinds.length() == 0 ? "" : ",").append(attack.name());
                }
            }
            details.put("attack_kinds", kinds.toString());
        }
        if (!Double.isNaN(baselineMean)) {
            details.put("baseline_mean", String.format(Locale.ROOT, "%.2f", baselineMean));
            details.put("baseline_stddev", String.format(Locale.ROOT, "%.2f", baselineStddev));
        }
        return details;
    }

    private static String sampleOf(LogEvent event) {
        int offset = event.has(Field.MESSAGE) ? event.spanOffset(Field.MESSAGE) : 0;
        int length = event.has(Field.MESSAGE) ? event.spanLength(Field.MESSAGE) : event.rawLength();
        return new String(event.raw(), offset, Math.min(length, SAMPLE_BYTES), StandardCharsets.UTF_8);
    }

    private static Instant instant(long epochNanos) {
        return Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L), Math.floorMod(epochNanos,
            1_000_000_000L));
    }
}

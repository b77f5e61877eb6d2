package io.sluice.analyzers.security.detect;

import io.sluice.analyzers.security.AnomalyListener;
import io.sluice.core.LogEvent;
import java.util.function.LongSupplier;

/**
 * The open anomalies, one per (detector, subject), and their lifecycle: created when a detector first trips for a
 * subject (listener told at once), updated by later detections (listener told at most once a second per anomaly,
 * from {@link #flushUpdates}; at once when the priority rises), closed when the subject has been quiet for the
 * detector's window (from {@link #closeQuiet}), or early when the open-anomaly cap needs room (the least recently
 * updated goes). Bounded: an {@link LruKeyTable} of {@code maxOpenAnomalies} entries.
 *
 * <p>Thread contract: the security stage's thread only. Allocates only when an anomaly is created or the listener is
 * told.
 */
final class AnomalyBook {
    static final long UPDATE_INTERVAL_NANOS = 1_000_000_000L;

    private final DetectorSettings settings;
    private final AnomalyListener listener;
    private final LongSupplier ids;
    private final SecurityMetrics metrics;
    private final LruKeyTable table;
    private final OpenAnomaly[] byTableId;
    private final OpenAnomaly[] dirty;
    private final Threshold[] rules = new Threshold[DetectorKind.COUNT];
    private final long[] windowNanos = new long[DetectorKind.COUNT];
    private final long shortestWindowNanos;
    private int dirtyCount;
    private int open;

    AnomalyBook(DetectorSettings settings, AnomalyListener listener, LongSupplier ids, SecurityMetrics metrics) {
        this.settings = settings;
        this.listener = listener;
        this.ids = ids;
        this.metrics = metrics;
        this.table = new LruKeyTable(settings.maxOpenAnomalies());
        this.byTableId = new OpenAnomaly[settings.maxOpenAnomalies()];
        this.dirty = new OpenAnomaly[settings.maxOpenAnomalies()];
        long shortest = Long.MAX_VALUE;
        for (DetectorKind kind : DetectorKind.values()) {
            rules[kind.ordinal()] = settings.ruleOf(kind);
            windowNanos[kind.ordinal()] = rules[kind.ordinal()].windowNanos();
            shortest = Math.min(shortest, windowNanos[kind.ordinal()]);
        }
        this.shortestWindowNanos = shortest;
    }

    /** Creates or updates the anomaly of {@code d}'s detector and subject; {@code event} is the triggering event. */
    void record(Detection d, LogEvent event) {
        long key = KeyHash.of(d.kind.ordinal() * 8L + d.subjectType.ordinal(), d.subjectKey);
        int tableId = table.find(key);
        if (tableId == LruKeyTable.NONE) {
            if (open == settings.maxOpenAnomalies()) {
                close(byTableId[table.oldest()], true);
            }
            tableId = table.insert(key);
            OpenAnomaly created = new OpenAnomaly(ids.getAsLong(), tableId, d, event, settings);
            byTableId[tableId] = created;
            open++;
            metrics.onCreated(d.kind);
            tell(created, true);
            return;
        }
        table.touch(tableId);
        OpenAnomaly anomaly = byTableId[tableId];
        metrics.onUpdated();
        if (anomaly.update(d, event)) {
            anomaly.lastNotifiedNanos = d.atNanos;
            tell(anomaly, true); // an escalation is news: not coalesced
        } else {
            markDirty(anomaly);
        }
    }

    private void markDirty(OpenAnomaly a) {
        a.dirty = true;
        if (a.queued) {
            return;
        }
        if (dirtyCount == dirty.length) {
            sweep(0, false, false); // only closed or already told entries can fill it: live ones are fewer than the cap
        }
        a.queued = true;
        dirty[dirtyCount++] = a;
    }

    /** Tells the listener about updated anomalies not told for a second (all of them if {@code force}). */
    void flushUpdates(long nowNanos, boolean force) {
        sweep(nowNanos, force, true);
    }

    /** Walks the queued anomalies: drops closed and told ones, tells the due ones if {@code tell}, keeps the rest. */
    private void sweep(long nowNanos, boolean force, boolean tell) {
        int kept = 0;
        for (int i = 0; i < dirtyCount; i++) {
            OpenAnomaly a = dirty[i];
            dirty[i] = null;
            boolean due = tell && (force || nowNanos - a.lastNotifiedNanos >= UPDATE_INTERVAL_NANOS);
            if (a.closed || !a.dirty || due) {
                a.queued = false;
                if (due && !a.closed && a.dirty) {
                    a.lastNotifiedNanos = nowNanos;
                    tell(a, true);
                }
            } else {
                dirty[kept++] = a;
            }
        }
        dirtyCount = kept;
    }

    /** Closes anomalies whose subject has been quiet for their detector's window as of {@code nowNanos}. */
    void closeQuiet(long nowNanos) {
        int id = table.oldest();
        while (id != LruKeyTable.NONE) {
            int next = table.newerThan(id);
            OpenAnomaly a = byTableId[id];
            long quiet = nowNanos - a.lastSeen;
            if (quiet >= windowNanos[a.kind.ordinal()]) {
                close(a, false);
            } else if (quiet < shortestWindowNanos) {
                break; // later entries were updated later still: none of them can be quiet long enough
            }
            id = next;
        }
    }

    int open() {
        return open;
    }

    private void close(OpenAnomaly a, boolean early) {
        a.closed = true;
        a.dirty = false;
        table.remove(a.tableId);
        byTableId[a.tableId] = null;
        open--;
        metrics.onClosed(early);
        tell(a, false);
    }

    /** Tells the listener; a failing listener is counted, never allowed to stop the stage. */
    private void tell(OpenAnomaly a, boolean stillOpen) {
        a.dirty = false;
        try {
            listener.onAnomaly(a.toAnomaly(stillOpen, rules[a.kind.ordinal()]));
        } catch (RuntimeException e) {
            metrics.onListenerError();
        }
    }
}

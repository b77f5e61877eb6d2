package io.sluice.analyzers.security.detect;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.IntUnaryOperator;

/**
 * Counters and gauges of the security stage, for the server to bind to its meter registry: anomalies created per
 * detector, open anomalies, tracked keys per detector.
 *
 * <p>Thread contract: written by the security stage's thread only (ordered plain stores, no read-modify-write
 * contention); every getter may be called from any thread.
 */
public final class SecurityMetrics {
    private final AtomicLongArray created = new AtomicLongArray(DetectorKind.COUNT);
    private final AtomicLong securityEvents = new AtomicLong();
    private final AtomicLong updates = new AtomicLong();
    private final AtomicLong closed = new AtomicLong();
    private final AtomicLong closedEarly = new AtomicLong();
    private final AtomicLong listenerErrors = new AtomicLong();
    private final AtomicInteger open = new AtomicInteger();
    private final IntUnaryOperator trackedKeysByKind;

    SecurityMetrics(IntUnaryOperator trackedKeysByKind) {
        this.trackedKeysByKind = trackedKeysByKind;
    }

    /** Anomalies {@code kind} created since start. */
    public long anomaliesCreated(DetectorKind kind) {
        return created.get(kind.ordinal());
    }

    /** Open anomalies now, all detectors. */
    public int openAnomalies() {
        return open.get();
    }

    /** Keys (IPs, users, hosts) {@code kind} tracks now; at most the configured cap per table. */
    public int trackedKeys(DetectorKind kind) {
        return trackedKeysByKind.applyAsInt(kind.ordinal());
    }

    /** Events the recognizer found a security meaning in. */
    public long securityEvents() {
        return securityEvents.get();
    }

    /** Later detections folded into an open anomaly. */
    public long anomalyUpdates() {
        return updates.get();
    }

    public long anomaliesClosed() {
        return closed.get();
    }

    /** Anomalies closed before their subject went quiet because the open-anomaly cap was reached. */
    public long anomaliesClosedEarly() {
        return closedEarly.get();
    }

    /** Exceptions thrown by the anomaly listener (caught, so the stage keeps going). */
    public long listenerErrors() {
        return listenerErrors.get();
    }

    void onSecurityEvent() {
        securityEvents.lazySet(securityEvents.get() + 1);
    }

    void onCreated(DetectorKind kind) {
        created.lazySet(kind.ordinal(), created.get(kind.ordinal()) + 1);
        open.lazySet(open.get() + 1);
    }

    void onUpdated() {
        updates.lazySet(updates.get() + 1);
    }

    void onClosed(boolean early) {
        closed.lazySet(closed.get() + 1);
        open.lazySet(open.get() - 1);
        if (early) {
            closedEarly.lazySet(closedEarly.get() + 1);
        }
    }

    void onListenerError() {
        listenerErrors.lazySet(listenerErrors.get() + 1);
    }
}

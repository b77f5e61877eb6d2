package io.sluice.analyzers.security.detect;

import com.lmax.disruptor.EventHandler;
import io.sluice.analyzers.security.AnomalyListener;
import io.sluice.analyzers.security.SecurityRecognizer;
import io.sluice.analyzers.security.SecuritySignal;
import io.sluice.core.LogEvent;
import java.util.function.LongSupplier;

/**
 * The security stage: every event feeds the per-host volume detector; events the {@link SecurityRecognizer} finds a
 * security meaning in feed the signal detectors; detections become anomalies in the {@link AnomalyBook}, which tells
 * the {@link AnomalyListener}. Windows run on each event's receive time; a wall-clock tick at the end of each batch
 * (and on a wait-strategy timeout) sends coalesced updates and closes anomalies whose subject went quiet.
 *
 * <pre>
 *   ring slot --> VolumeSpikeDetector ------------------------------+
 *            \--> recognizer --> SecuritySignal --> signal detectors -+--> Detection --> AnomalyBook --> listener
 * </pre>
 *
 * <p>Thread contract: {@link #onEvent}, {@link #onTick} and the lifecycle callbacks run on this stage's ring-consumer
 * thread only; no allocation per event unless an anomaly is created, gains a sample or the listener is told.
 * {@link #metrics()} is readable from any thread. No lock is shared with anything.
 */
public final class SecurityAnalyzer implements EventHandler<LogEvent> {
    /** The stage name the server registers this handler under. */
    public static final String STAGE = "security";
    private static final long CLOSE_CHECK_INTERVAL_NANOS = 1_000_000_000L;
    /** Sweeps of the update queue are spaced so a batch per event does not walk every open anomaly each time. */
    private static final long FLUSH_INTERVAL_NANOS = 100_000_000L;

    private final DetectorSettings settings;
    private final SecurityRecognizer recognizer;
    private final LongSupplier epochNanos;
    private final SecuritySignal signal = new SecuritySignal();
    private final SignalDetector[] detectors;
    private final VolumeSpikeDetector volume;
    private final Detection detection;
    private final SecurityMetrics metrics;
    private final AnomalyBook book;
    private long nextCloseCheckNanos = Long.MIN_VALUE;
    private long nextFlushNanos = Long.MIN_VALUE;

    /**
     * @param settings   thresholds and bounds
     * @param recognizer reads security meaning out of events; used on this stage's thread only
     * @param listener   told about anomalies created, updated and closed, on this stage's thread; must not block
     * @param anomalyIds the next anomaly id on each call, unique and increasing across restarts (the store's
     *                   high-water mark); called on this stage's thread
     * @param epochNanos wall clock in epoch nanos, the one sources stamp {@code receivedAtNanos} with
     */
    public SecurityAnalyzer(DetectorSettings settings, SecurityRecognizer recognizer, AnomalyListener listener,
                            LongSupplier anomalyIds, LongSupplier epochNanos) {
        this.settings = settings;
        this.recognizer = recognizer;
        this.epochNanos = epochNanos;
        int keys = settings.maxTrackedKeys();
        this.detectors = new SignalDetector[] {
            new BruteForceDetector(settings.bruteForce(), keys),
            new PasswordSprayDetector(settings.passwordSpraying(), keys),
            new DistributedBruteForceDetector(settings.distributedBruteForce(), keys),
            new SuccessAfterFailuresDetector(settings.successAfterFailures(), keys),
            new PrivilegeEscalationDetector(settings.privilegeEscalation(), settings.privilegeEscalationP1(), keys),
            new PortScanDetector(settings.portScan(), keys),
            new WebAttackDetector(settings.webAttack(), keys),
            new WebAuthBurstDetector(settings.webAuthBurst(), keys),
        };
        this.volume = new VolumeSpikeDetector(settings.volume(), keys);
        this.detection = new Detection(maxEvidence(settings));
        this.metrics = new SecurityMetrics(this::trackedKeys);
        this.book = new AnomalyBook(settings, listener, anomalyIds, metrics);
    }

    @Override
    public void onEvent(LogEvent event, long sequence, boolean endOfBatch) {
        if (volume.onEvent(event, detection)) {
            book.record(detection, event);
        }
        if (recognizer.recognize(event, sequence, signal)) {
            metrics.onSecurityEvent();
            for (SignalDetector detector : detectors) {
                if (detector.onSignal(event, signal, detection)) {
                    book.record(detection, event);
                }
            }
        }
        if (endOfBatch) {
            onTick(epochNanos.getAsLong());
        }
    }

    /** Wait strategies with a timeout call this when the ring is idle: quiet anomalies still close. */
    @Override
    public void onTimeout(long sequence) {
        onTick(epochNanos.getAsLong());
    }

    /** Sends the last coalesced updates before the stage stops. */
    @Override
    public void onShutdown() {
        book.flushUpdates(epochNanos.getAsLong(), true);
    }

    /**
     * Tells the listener about anomalies updated more than a second after it last heard of them (checked every 100
     * ms), and (once a second) closes anomalies whose subject was quiet for its detector's window. This stage's
     * thread only.
     */
    public void onTick(long nowNanos) {
        if (nowNanos >= nextFlushNanos) {
            nextFlushNanos = nowNanos + FLUSH_INTERVAL_NANOS;
            book.flushUpdates(nowNanos, false);
        }
        if (nowNanos >= nextCloseCheckNanos) {
            nextCloseCheckNanos = nowNanos + CLOSE_CHECK_INTERVAL_NANOS;
            book.closeQuiet(nowNanos);
        }
    }

    /** Counters and gauges; any thread. */
    public SecurityMetrics metrics() {
        return metrics;
    }

    public DetectorSettings settings() {
        return settings;
    }

    private int trackedKeys(int kindOrdinal) {
        if (kindOrdinal == DetectorKind.VOLUME_SPIKE.ordinal()) {
            return volume.trackedKeys();
        }
        for (SignalDetector detector : detectors) {
            if (detector.kind().ordinal() == kindOrdinal) {
                return detector.trackedKeys();
            }
        }
        return 0;
    }

    /** The most evidence one detection can carry: the deepest window, plus a success after failures. */
    private static int maxEvidence(DetectorSettings s) {
        int max = s.privilegeEscalationP1();
        for (DetectorKind kind : DetectorKind.values()) {
            max = Math.max(max, s.ruleOf(kind).count());
        }
        return max + 1;
    }
}

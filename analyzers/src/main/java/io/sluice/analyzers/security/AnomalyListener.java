package io.sluice.analyzers.security;

/**
 * Told about every anomaly created, updated (new evidence) and closed.
 *
 * <p>Thread contract: called on the security stage's thread; must not block (append to a queue and return). Anomaly
 * updates of one subject are batched by the detector (at most one update per anomaly per second).
 */
@FunctionalInterface
public interface AnomalyListener {
    void onAnomaly(Anomaly anomaly);
}

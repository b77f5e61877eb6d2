package io.sluice.server.alerts;

import io.sluice.alerts.Alert;
import io.sluice.alerts.AlertState;

/**
 * One alert as the engine handed it over: what the history queue and the outbox store.
 *
 * @param recordedAtNanos epoch nanos when the listener received it
 * @param transition      false for a periodic re-send of a still-firing alert
 * @param alert           the alert
 */
public record AlertRecord(long recordedAtNanos, boolean transition, Alert alert) {
    public AlertRecord {
        if (alert == null || alert.state() == null) {
            throw new IllegalArgumentException("alert and its state are required");
        }
    }

    /** True for the states notifiers send (Prometheus sends neither pending nor inactive alerts). */
    boolean notifiable() {
        return alert.state() == AlertState.FIRING || alert.state() == AlertState.RESOLVED;
    }
}

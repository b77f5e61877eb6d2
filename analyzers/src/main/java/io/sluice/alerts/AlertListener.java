package io.sluice.alerts;

/**
 * Told about every state change of every alert (pending, firing, resolved), in order per alert, and about every
 * still-firing alert again at each re-send interval (Alertmanager expects repeats while firing).
 *
 * <p>Thread contract: called on the alert engine's thread; must not block (hand the alert to an outbox and return).
 */
@FunctionalInterface
public interface AlertListener {
    /** {@code transition} is false for a periodic re-send of an alert that is still firing. */
    void onAlert(Alert alert, boolean transition);
}

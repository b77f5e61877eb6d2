package io.sluice.alerts;

/** Prometheus' alert lifecycle: a condition that holds is pending until it held for the rule's {@code for}. */
public enum AlertState {
    INACTIVE,
    PENDING,
    FIRING,
    RESOLVED
}

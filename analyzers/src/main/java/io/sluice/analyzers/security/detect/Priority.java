package io.sluice.analyzers.security.detect;

/** How urgent an anomaly is: P1 pages someone (possible compromise), P2 is an attack in progress, P3 is worth a look. */
public enum Priority {
    P1,
    P2,
    P3;

    /** True when this is more urgent than {@code other}. */
    public boolean above(Priority other) {
        return ordinal() < other.ordinal();
    }
}

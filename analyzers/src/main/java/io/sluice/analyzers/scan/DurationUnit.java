package io.sluice.analyzers.scan;

/** Units a duration may be written in, and the suffixes that name them ({@code 350us}, {@code 87ms}, {@code 1.2s}). */
public enum DurationUnit {
    NANOSECONDS(0.001),
    MICROSECONDS(1),
    MILLISECONDS(1_000),
    SECONDS(1_000_000);

    private final double micros;

    DurationUnit(double micros) {
        this.micros = micros;
    }

    /** Microseconds in one of this unit. */
    public double micros() {
        return micros;
    }
}

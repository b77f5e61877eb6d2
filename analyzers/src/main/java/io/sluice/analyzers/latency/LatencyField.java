package io.sluice.analyzers.latency;

import io.sluice.analyzers.scan.DurationUnit;

/**
 * A field that carries a latency, and the unit of a bare number in it (a value with a suffix such as {@code 87ms} or
 * {@code 1.2s} says its own unit).
 */
public record LatencyField(String name, DurationUnit unit) {
    public LatencyField {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("latency field name is required");
        }
        if (unit == null) {
            throw new IllegalArgumentException("latency field " + name + " needs a unit");
        }
    }

    public static LatencyField millis(String name) {
        return new LatencyField(name, DurationUnit.MILLISECONDS);
    }

    public static LatencyField seconds(String name) {
        return new LatencyField(name, DurationUnit.SECONDS);
    }

    public static LatencyField micros(String name) {
        return new LatencyField(name, DurationUnit.MICROSECONDS);
    }
}

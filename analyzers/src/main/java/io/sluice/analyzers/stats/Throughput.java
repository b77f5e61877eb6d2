package io.sluice.analyzers.stats;

/** Average rates of one key over one window. */
public record Throughput(double eventsPerSecond, double bytesPerSecond) {
    public static final Throughput NONE = new Throughput(0, 0);
}

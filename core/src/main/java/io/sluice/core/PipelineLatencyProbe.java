package io.sluice.core;

/**
 * Where a ring consumer reports how long an event took from receipt to its stage (receive -> journal append, receive
 * -> analyzer), so operators see Sluice's own latency next to their services'. Implemented in {@code analyzers}
 * (an HdrHistogram per stage); {@code storage} and the analyzers call it without depending on each other.
 *
 * <p>Thread contract: an instance is written by one consumer thread only; implementations must not allocate or block
 * in {@link #record}.
 */
@FunctionalInterface
public interface PipelineLatencyProbe {
    /** Records nothing: for stages wired without a probe. */
    PipelineLatencyProbe NONE = (receivedAtNanos, nowNanos) -> { };

    /**
     * @param receivedAtNanos the event's {@link LogEvent#receivedAtNanos()} (epoch nanos, {@link EpochClock})
     * @param nowNanos        when the stage handled it, from the same kind of clock
     */
    void record(long receivedAtNanos, long nowNanos);
}

package io.sluice.core;

/**
 * Where a ring consumer reports how long an event took from receipt to its stage (receive -> journal append, receive
 * -> analyzer), so operators see Sluice's own latency next to their services'. Implemented in {@code analyzers}
 * (an HdrHistogram per stage); {@code storage} and the analyzers call it without depending on each other.
 *
 * <p>Thread contract: an instance is written by one consumer thread only; implementations must not allocate or block
 * in {@link #record}. They may hold samples back until {@link #endOfBatch} (the events of one read share a receive
 * time, so most of a batch records the same latency): a stage calls it at each end of its ring batch.
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

    /** The stage's ring batch ended: samples held back must now be visible to readers. */
    default void endOfBatch() {
    }
}

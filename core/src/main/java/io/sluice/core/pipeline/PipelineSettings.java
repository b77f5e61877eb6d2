package io.sluice.core.pipeline;

import io.sluice.core.LogEvent;

/**
 * Shape of the ring: slots, bytes each slot holds inline, and how consumers wait.
 *
 * @param ringSize     number of slots, a power of two
 * @param slotBytes    raw bytes preallocated per slot; longer messages get their own array (see LogEvent)
 * @param waitStrategy how consumer threads wait for events
 */
public record PipelineSettings(int ringSize, int slotBytes, WaitStrategyKind waitStrategy) {
    /**
     * 4 096 slots: about 6 ms of events at 700 k/s, and few enough that the slots in flight stay in the CPU caches.
     * With 65 536 (~150 MB of slots) every slot was cold when a lap came back to it, on the event loop and on the ring
     * thread: the server spent 15-20 % more CPU per event at the same load (BENCHMARKS.md, "Session 7"). A full ring
     * pauses TCP reads and answers HTTP 503, so a smaller ring loses nothing there; UDP, which cannot be paused,
     * leans on the socket's receive buffer ({@code syslog.udp.receive-buffer-bytes}) for longer stalls.
     */
    public static final int DEFAULT_RING_SIZE = 4_096;
    public static final int DEFAULT_SLOT_BYTES = LogEvent.DEFAULT_INLINE_BYTES;
    public static final WaitStrategyKind DEFAULT_WAIT_STRATEGY = WaitStrategyKind.BLOCKING;

    public PipelineSettings {
        if (ringSize < 2 || Integer.bitCount(ringSize) != 1) {
            throw new IllegalArgumentException("ring size must be a power of two >= 2, got " + ringSize);
        }
        if (slotBytes < 64) {
            throw new IllegalArgumentException("slot bytes must be >= 64, got " + slotBytes);
        }
        if (waitStrategy == null) {
            throw new IllegalArgumentException("wait strategy is required");
        }
    }

    public static PipelineSettings defaults() {
        return new PipelineSettings(DEFAULT_RING_SIZE, DEFAULT_SLOT_BYTES, DEFAULT_WAIT_STRATEGY);
    }

    public PipelineSettings withRingSize(int size) {
        return new PipelineSettings(size, slotBytes, waitStrategy);
    }
}

package io.sluice.storage;

import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.RollCycles;

/**
 * How the journal lays events out on disk.
 *
 * @param rollCycle      how often Chronicle starts a new cycle file (retention deletes whole files)
 * @param maxBatchBytes  an open excerpt is closed once it holds this many bytes (it may exceed it by one record)
 * @param maxBatchEvents an open excerpt is closed once it holds this many events
 * @param fsync          force each closed excerpt to disk (msync) before the journal reports it durable. Off: an
 *                       excerpt is in the page cache when closed and survives a crash of the process, not of the
 *                       machine. On: it survives a power loss too, at a measured cost (BENCHMARKS.md).
 * @param pretouch       touch the mapped file's pages ahead of the writer from a background thread
 * @param dropBehind     with pretouch on Linux: the same thread writes back the pages the writer has left behind and
 *                       drops them from the page cache ({@link WrittenPageReleaser})
 */
public record JournalSettings(RollCycle rollCycle, int maxBatchBytes, int maxBatchEvents, boolean fsync,
                              boolean pretouch, boolean dropBehind) {
    /** Daily files; the FAST_ variant computes the file name with arithmetic instead of date formatting. */
    public static final RollCycle DEFAULT_ROLL_CYCLE = RollCycles.FAST_DAILY;
    /** Large enough to amortise the excerpt header and Chronicle's per-document cost, small enough for readers. */
    public static final int DEFAULT_MAX_BATCH_BYTES = 64 * 1024;
    public static final int DEFAULT_MAX_BATCH_EVENTS = 512;
    /** Chronicle rejects a single excerpt larger than about a quarter of its block size; stay well under. */
    public static final int MAX_BATCH_BYTES_LIMIT = 4 * 1024 * 1024;
    /** Measured on: see BENCHMARKS.md. */
    public static final boolean DEFAULT_PRETOUCH = true;
    /** Measured on: see BENCHMARKS.md ("Session 6"). */
    public static final boolean DEFAULT_DROP_BEHIND = true;

    public JournalSettings {
        if (rollCycle == null) {
            throw new IllegalArgumentException("roll cycle is required");
        }
        if (maxBatchBytes < 1024 || maxBatchBytes > MAX_BATCH_BYTES_LIMIT) {
            throw new IllegalArgumentException("max batch bytes must be in [1024, " + MAX_BATCH_BYTES_LIMIT
                + "], got " + maxBatchBytes);
        }
        if (maxBatchEvents < 1) {
            throw new IllegalArgumentException("max batch events must be >= 1, got " + maxBatchEvents);
        }
    }

    public static JournalSettings defaults() {
        return new JournalSettings(DEFAULT_ROLL_CYCLE, DEFAULT_MAX_BATCH_BYTES, DEFAULT_MAX_BATCH_EVENTS, false,
            DEFAULT_PRETOUCH, DEFAULT_DROP_BEHIND);
    }

    public JournalSettings withMaxBatchEvents(int events) {
        return new JournalSettings(rollCycle, maxBatchBytes, events, fsync, pretouch, dropBehind);
    }

    public JournalSettings withMaxBatchBytes(int bytes) {
        return new JournalSettings(rollCycle, bytes, maxBatchEvents, fsync, pretouch, dropBehind);
    }

    public JournalSettings withFsync(boolean sync) {
        return new JournalSettings(rollCycle, maxBatchBytes, maxBatchEvents, sync, pretouch, dropBehind);
    }

    public JournalSettings withPretouch(boolean on) {
        return new JournalSettings(rollCycle, maxBatchBytes, maxBatchEvents, fsync, on, dropBehind);
    }

    public JournalSettings withDropBehind(boolean on) {
        return new JournalSettings(rollCycle, maxBatchBytes, maxBatchEvents, fsync, pretouch, on);
    }
}

package io.sluice.storage;

import java.nio.file.Files;
import java.nio.file.Path;
import net.openhft.chronicle.core.time.TimeProvider;
import net.openhft.chronicle.bytes.SyncMode;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;

/** The Chronicle queues of a data dir: each a directory of daily cycle files holding the same batch format. */
public enum JournalQueue {
    /** Every event that was not truncated. */
    JOURNAL("journal"),
    /** Events whose frame was cut ({@link io.sluice.core.LogEvent#isTruncated()}): kept, but apart. */
    DEAD_LETTER("dead-letter");

    /** The file Chronicle writes first into a queue dir; its absence means "no queue here". */
    static final String METADATA_FILE = "metadata.cq4t";

    private final String dirName;

    JournalQueue(String dirName) {
        this.dirName = dirName;
    }

    /** The name used on disk, in the CLI and in the API: {@code journal} or {@code dead-letter}. */
    public String dirName() {
        return dirName;
    }

    public Path dir(Path dataDir) {
        return dataDir.resolve(dirName);
    }

    /** Parses a CLI/API name; throws IllegalArgumentException naming the valid ones. */
    public static JournalQueue ofName(String name) {
        for (JournalQueue queue : values()) {
            if (queue.dirName.equals(name)) {
                return queue;
            }
        }
        throw new IllegalArgumentException("unknown queue '" + name + "': expected journal or dead-letter");
    }

    /** Opens (creating it if needed) this queue for appending; {@code clock} picks the cycle file (tests fake it). */
    SingleChronicleQueue openForAppend(Path dataDir, RollCycle rollCycle, TimeProvider clock, boolean fsync) {
        return SingleChronicleQueueBuilder.single(dir(dataDir).toFile()).rollCycle(rollCycle).timeProvider(clock)
            .syncMode(fsync ? SyncMode.SYNC : SyncMode.NONE) // covers Chronicle's own syncs (e.g. on roll)
            .build();
    }

    /**
     * Opens this queue read-only (another process may be appending): never creates a file or directory, and fails
     * with {@link JournalNotFoundException} if there is no queue. The roll cycle is read from the queue's metadata.
     */
    SingleChronicleQueue openForRead(Path dataDir) {
        Path dir = dir(dataDir);
        if (!Files.isRegularFile(dir.resolve(METADATA_FILE))) {
            throw new JournalNotFoundException("no " + dirName + " queue in " + dataDir.toAbsolutePath()
                + " (" + dir.resolve(METADATA_FILE) + " not found): is the data dir right?");
        }
        return SingleChronicleQueueBuilder.single(dir.toFile()).readOnly(true).build();
    }
}

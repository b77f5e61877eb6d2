package io.sluice.storage;

import io.sluice.core.PipelineLatencyProbe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import net.openhft.chronicle.core.io.Closeable;
import net.openhft.chronicle.core.time.SystemTimeProvider;
import net.openhft.chronicle.core.time.TimeProvider;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;

/**
 * The write side of a data dir: the {@code journal} and {@code dead-letter} Chronicle queues, the sequence to
 * continue from, the appending pipeline stage and its metrics.
 *
 * <p>Layout decision: events are batched per Chronicle excerpt. One excerpt holds an {@link ExcerptHeader}
 * (version, count, first/last sequence, min/max receive time) followed by that many {@link EventRecordCodec}
 * records; it is closed at the Disruptor's {@code endOfBatch}, or earlier at {@link JournalSettings#maxBatchBytes()}
 * or {@link JournalSettings#maxBatchEvents()}. A probe on the target box measured this ~5% faster and ~8% cheaper in
 * CPU than one excerpt per event; the price is that a Chronicle index addresses a batch, not an event, so readers
 * iterate excerpts and then the events inside them ({@link JournalReader}). Cycle files roll daily.
 *
 * <p>One process appends to a data dir at a time: {@code open} takes an exclusive lock on {@code <dataDir>/.lock}
 * (readers take none). Thread contract: {@code open}, {@code newHandler} and {@code close} from any one thread;
 * {@link #lastSequence()} and {@link #metrics()} from any thread.
 */
public final class Journal implements AutoCloseable {
    static final String LOCK_FILE = ".lock";

    private final Path dataDir;
    private final JournalSettings settings;
    private final FileChannel lockChannel;
    private final SingleChronicleQueue journalQueue;
    private final SingleChronicleQueue deadLetterQueue;
    private final long lastSequenceAtOpen;
    private final JournalMetrics metrics;
    private final AtomicBoolean handlerActive = new AtomicBoolean();

    /**
     * With pretouch on, pages ahead of the writer are prefaulted in its own mapping where the kernel can
     * ({@link MappingPrefaulter}, a thread fed by the journal thread), else touched by a {@link JournalPretoucher}
     * thread; the other one is null, and both are when pretouch is off.
     */
    private final MappingPrefaulter prefaulter;
    private final JournalPretoucher pretoucher;

    private Journal(Path dataDir, JournalSettings settings, FileChannel lockChannel, SingleChronicleQueue journalQueue,
                    SingleChronicleQueue deadLetterQueue, boolean prefaultIfSupported) {
        this.dataDir = dataDir;
        this.settings = settings;
        this.lockChannel = lockChannel;
        this.journalQueue = journalQueue;
        this.deadLetterQueue = deadLetterQueue;
        this.lastSequenceAtOpen = Math.max(ExcerptHeader.lastSequenceIn(journalQueue),
            ExcerptHeader.lastSequenceIn(deadLetterQueue));
        this.metrics = new JournalMetrics(lastSequenceAtOpen,
            List.of(JournalQueue.JOURNAL.dir(dataDir), JournalQueue.DEAD_LETTER.dir(dataDir)));
        boolean prefault = settings.pretouch() && prefaultIfSupported && MappingPrefaulter.isSupported();
        this.prefaulter = prefault ? new MappingPrefaulter(settings.dropBehind(), settings.fsync()) : null;
        this.pretoucher = settings.pretouch() && !prefault ? new JournalPretoucher() : null;
    }

    /** Opens (creating if needed) the journal in {@code dataDir} with {@link JournalSettings#defaults()}. */
    public static Journal open(Path dataDir) {
        return open(dataDir, JournalSettings.defaults());
    }

    /**
     * Opens (creating if needed) the journal in {@code dataDir}.
     *
     * @throws IllegalStateException if another process (or another open Journal) holds the data dir
     */
    public static Journal open(Path dataDir, JournalSettings settings) {
        return open(dataDir, settings, SystemTimeProvider.INSTANCE);
    }

    /** As {@link #open(Path, JournalSettings)}, with the clock that picks cycle files: for tests of cycle rolls. */
    static Journal open(Path dataDir, JournalSettings settings, TimeProvider clock) {
        return open(dataDir, settings, clock, true);
    }

    /** As above; {@code prefaultIfSupported} false makes pretouch use the thread (tests of that fallback). */
    static Journal open(Path dataDir, JournalSettings settings, TimeProvider clock, boolean prefaultIfSupported) {
        FileChannel lock = lockDataDir(dataDir);
        SingleChronicleQueue journal = null;
        SingleChronicleQueue deadLetter = null;
        try {
            journal = JournalQueue.JOURNAL.openForAppend(dataDir, settings.rollCycle(), clock, settings.fsync());
            deadLetter = JournalQueue.DEAD_LETTER.openForAppend(dataDir, settings.rollCycle(), clock, settings.fsync());
            return new Journal(dataDir, settings, lock, journal, deadLetter, prefaultIfSupported);
        } catch (RuntimeException e) {
            Closeable.closeQuietly(journal, deadLetter); // null-safe
            closeQuietly(lock);
            throw e;
        }
    }

    /**
     * The highest journal sequence stored in either queue, or -1 if both are empty: found at open from the last
     * excerpt of each queue, then advanced by this journal's appends. The server starts the ring at this + 1.
     */
    public long lastSequence() {
        return Math.max(lastSequenceAtOpen, metrics.lastAppendedSequence());
    }

    /**
     * The pipeline stage that appends to this journal. One at a time: another can be created only after the previous
     * one's {@code onShutdown}, so the metrics keep a single writer.
     */
    public JournalHandler newHandler() {
        return newHandler(PipelineLatencyProbe.NONE);
    }

    /** As {@link #newHandler()}, reporting each event's receive -> append latency to {@code latency}. */
    public JournalHandler newHandler(PipelineLatencyProbe latency) {
        if (!handlerActive.compareAndSet(false, true)) {
            throw new IllegalStateException("a journal handler for " + dataDir + " is already active");
        }
        return new JournalHandler(journalQueue, deadLetterQueue, settings, metrics, prefaulter,
            pretoucher, () -> handlerActive.set(false), latency);
    }

    /** Pages prefaulted or touched ahead of the writer so far; 0 when pretouching is off. */
    long pretouchedPages() {
        if (prefaulter != null) {
            return prefaulter.pagesPopulated();
        }
        return pretoucher == null ? 0 : pretoucher.pagesTouched();
    }

    /** True if pretouch is done by prefaulting the writer's mapping, false if by a thread or not at all. */
    boolean prefaults() {
        return prefaulter != null;
    }

    /** How pages ahead of the writer are made ready, for the start-up log: prefault, thread or off. */
    public String pretouchMode() {
        return prefaulter != null ? "prefault (madvise)" : pretoucher != null ? "thread" : "off";
    }

    /** Whether pages behind the writer are written back and dropped from the page cache (needs the prefaulter). */
    public boolean dropsBehind() {
        return prefaulter != null && prefaulter.dropsBehind();
    }

    /** Pages behind the writer handed back to the kernel so far (see {@link WrittenPageReleaser}): for the metrics. */
    public long pagesReleased() {
        return prefaulter == null ? 0 : prefaulter.pagesReleased();
    }

    public JournalMetrics metrics() {
        return metrics;
    }

    public Path dataDir() {
        return dataDir;
    }

    public JournalSettings settings() {
        return settings;
    }

    /** Closes the queues and releases the data dir. Stop the pipeline first: its handler flushes on shutdown. */
    @Override
    public void close() {
        try {
            if (prefaulter != null) {
                prefaulter.close(); // releases the mapping it holds before the queue closes
            }
            if (pretoucher != null) {
                pretoucher.close();
            }
            journalQueue.close();
            deadLetterQueue.close();
        } finally {
            closeQuietly(lockChannel);
        }
    }

    private static FileChannel lockDataDir(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            FileChannel channel = FileChannel.open(dataDir.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                closeQuietly(channel);
                throw new IllegalStateException("data dir " + dataDir.toAbsolutePath()
                    + " is in use by another Sluice (lock " + LOCK_FILE + " held)");
            }
            return channel;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open journal in " + dataDir.toAbsolutePath(), e);
        }
    }

    /** Same-JVM holders raise instead of returning null: treat both the same. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldHere) {
            return null;
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // releasing the lock on close: nothing left to do if that fails
        }
    }
}

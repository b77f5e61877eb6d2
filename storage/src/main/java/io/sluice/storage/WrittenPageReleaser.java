package io.sluice.storage;

import java.io.File;
import java.util.ArrayDeque;
import net.openhft.chronicle.bytes.MappedBytesStore;
import net.openhft.chronicle.core.io.ReferenceOwner;
import net.openhft.posix.PosixAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes back and hands to the kernel the cycle file's pages the appender has left behind ("drop-behind"), a step at
 * a time, on the prefault thread: {@link #WRITE_LAG_BYTES} behind the writer {@code sync_file_range(WRITE)} starts
 * their writeback; {@link #EVICT_LAG_BYTES} behind, once written, {@code madvise(MADV_DONTNEED)} unmaps them from
 * the writer's mapping and from the chunks it has left, and {@code posix_fadvise(POSIX_FADV_DONTNEED)} drops them from
 * the page cache.
 *
 * <p>Why: a page the prefaulter readies comes from free memory, and on the virtual machines this project measures
 * on, memory free for a few seconds is handed back to the hypervisor (free page reporting), which must back it again
 * on first touch: 13-27 us per 4 KiB page, against 1.3 us for a page freed a moment ago (BENCHMARKS.md, "Session 6").
 * Readying the journal's pages was the largest cost per event. With drop-behind the pages readied next are mostly the
 * ones just released. It also keeps the journal's page cache to about {@link #EVICT_LAG_BYTES} plus what is readied
 * ahead, instead of all free memory, and gets its bytes to disk within that many bytes of the writer instead of when
 * the kernel's flusher gets to them (30 s, or 10 % of memory dirty): no writeback storms.
 *
 * <p>Cost: a page the writer touches again after it was dropped is read back from disk, a major fault on the journal
 * thread. Chronicle writes behind itself only into its index arrays (with the daily roll cycle, an entry every 256th
 * excerpt: a 4 KiB page of them covers 131 072 excerpts, minutes at full load) and into the file's header, which
 * {@link #FLOOR_BYTES} keeps. Replaying recent events reads them from disk, not memory. And a slow disk delays the
 * prefaulting that shares the thread: a step waits for its writeback (the prefaulter goes first whenever a step of it
 * is due, and stays 3-4 MiB ahead).
 *
 * <p>Chronicle maps a cycle file in chunks (64 MiB) that overlap the next one (by 16 MiB), and the writer's chunk is
 * not the only mapping of the pages near a chunk's end: the chunk before stays mapped for a while (the first one for
 * as long as its index arrays are in use), and another of the appender's views maps the first 16 MiB of the next
 * chunk through that chunk's overlap as the writer writes there ({@code /proc/PID/pagemap}, sampled under load).
 * {@code posix_fadvise} keeps a page that any mapping still maps. So each dropped range is also unmapped from every
 * chunk the writer has left, which stays reserved here until the drop has passed its mapped end
 * ({@link #keepUntilDropped}). Before, 10-32 MiB around each chunk boundary (30 % of the file in one sample) stayed
 * cached for good, and the pages readied in their place came from free memory. A drop that lags far behind (a slow
 * disk) keeps the chunks in between mapped until it catches up; their pages stay reclaimable.
 *
 * <p>Thread contract: one thread (the prefault thread); {@link #pagesReleased} from any.
 */
final class WrittenPageReleaser implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WrittenPageReleaser.class);
    /**
     * Whole large folios: ext4 on Linux 6.x caches sequential writes in folios of up to 2 MiB, and
     * {@code posix_fadvise} keeps a folio its range covers only in part (measured: 256 KiB steps dropped nothing).
     */
    static final long STEP_BYTES = 2L << 20;
    static final long WRITE_LAG_BYTES = 4L << 20;
    static final long EVICT_LAG_BYTES = 12L << 20;
    /** The file's header (the write position, updated by every append) and first index arrays stay cached. */
    static final long FLOOR_BYTES = 2L << 20;

    private final PosixAPI posix;
    private final PageCacheCalls.LibC libc;
    /**
     * False when the writer {@code msync}s every excerpt ({@code journal.fsync}): what lies behind it is on disk
     * already, and starting writeback there would only add data for each of the writer's ext4 journal commits to
     * wait on. Then this only drops.
     */
    private final boolean startsWriteback;
    /** The prefault thread's hold on the chunk mappings it hands over. */
    private final ReferenceOwner owner;
    /** Chunks the writer left, oldest first, kept mapped until the drop passes their end. */
    private final ArrayDeque<MappedBytesStore> leftChunks = new ArrayDeque<>();
    private File file;
    private int fd = -1;
    private long writeStartedUpTo; // both set by track
    private long droppedUpTo;
    private volatile long pagesReleased;
    private volatile boolean failed;

    /** @param owner what the chunks handed to {@link #keepUntilDropped} are reserved for */
    WrittenPageReleaser(PosixAPI posix, PageCacheCalls.LibC libc, boolean writerSyncs, ReferenceOwner owner) {
        this.posix = posix;
        this.libc = libc;
        this.startsWriteback = !writerSyncs;
        this.owner = owner;
    }

    /** Whether this machine can: the prefaulter's needs and a libc binding. */
    static boolean isSupported() {
        return PageCacheCalls.libc() != null;
    }

    /**
     * From now on the writer writes {@code cycleFile}, at file offset {@code writtenUpTo} when it was handed over:
     * drops behind in it from there (a new file: from {@link #FLOOR_BYTES}; a restart: pages written before are left
     * be).
     */
    void track(File cycleFile, long writtenUpTo) {
        if (failed || cycleFile.equals(file)) {
            return;
        }
        closeFile(); // the previous file's chunks are released; what its drop had not reached stays cached
        fd = posix.open(cycleFile.getPath(), 0 /* O_RDONLY: enough for both calls */, 0);
        if (fd < 0) {
            fail("open " + cycleFile + ": " + posix.lastErrorStr());
            return;
        }
        file = cycleFile;
        droppedUpTo = Math.max(FLOOR_BYTES, (writtenUpTo - EVICT_LAG_BYTES) & -STEP_BYTES);
        writeStartedUpTo = droppedUpTo;
    }

    /**
     * Takes over the reservation (for {@code owner}) of {@code chunk}, a chunk of the tracked file the writer has left
     * (the caller hands it over before it {@link #track tracks} a new file, which releases it): what is dropped from
     * now on is unmapped from it too, and it is released once the drop has passed its mapped end.
     */
    void keepUntilDropped(MappedBytesStore chunk) {
        if (fd < 0) {
            chunk.release(owner);
        } else {
            leftChunks.addLast(chunk);
        }
    }

    /**
     * Does the next step due behind the writer at file offset {@code writtenUpTo} of the tracked file, unmapping what
     * it drops from {@code store} (the chunk mapping the thread holds) and from the chunks kept; false when none is
     * due.
     */
    boolean step(MappedBytesStore store, long writtenUpTo) {
        if (fd < 0) {
            return false;
        }
        if (startsWriteback && writtenUpTo - WRITE_LAG_BYTES >= writeStartedUpTo + STEP_BYTES) {
            if (sync(writeStartedUpTo, PageCacheCalls.SYNC_FILE_RANGE_WRITE)) {
                writeStartedUpTo += STEP_BYTES;
            }
            return true;
        }
        if (writtenUpTo - EVICT_LAG_BYTES >= droppedUpTo + STEP_BYTES) {
            drop(store, droppedUpTo);
            droppedUpTo += STEP_BYTES;
            return true;
        }
        return false;
    }

    private void drop(MappedBytesStore store, long from) {
        if (startsWriteback && !sync(from, PageCacheCalls.SYNC_FILE_RANGE_WRITE_AND_WAIT)) { // only clean pages drop
            return;
        }
        long to = from + STEP_BYTES;
        if (!unmap(store, from, to)) {
            return;
        }
        for (MappedBytesStore chunk : leftChunks) {
            if (!unmap(chunk, from, to)) {
                return; // at once: the failure emptied leftChunks
            }
        }
        int error = libc.posix_fadvise(fd, from, STEP_BYTES, PageCacheCalls.POSIX_FADV_DONTNEED);
        if (error != 0) {
            fail("posix_fadvise: " + posix.strerror(error));
            return;
        }
        pagesReleased = pagesReleased + STEP_BYTES / MappingPrefaulter.PAGE_BYTES; // one writer
        while (!leftChunks.isEmpty() && mappedEnd(leftChunks.peekFirst()) <= to) { // kept in file order
            leftChunks.pollFirst().release(owner);
        }
    }

    /** Unmaps {@code [from, to)} from {@code chunk}'s mapping where that maps it; false after a failed call. */
    private boolean unmap(MappedBytesStore chunk, long from, long to) {
        long mappedFrom = Math.max(from, chunk.start());
        long mappedTo = Math.min(to, mappedEnd(chunk));
        if (mappedFrom < mappedTo
            && posix.madvise(chunk.addressForWrite(mappedFrom), mappedTo - mappedFrom, PageCacheCalls.MADV_DONTNEED)
            != 0) {
            fail("madvise(MADV_DONTNEED): " + posix.lastErrorStr());
            return false;
        }
        return true;
    }

    /**
     * File offset where {@code chunk}'s mapping ends: past its {@code safeLimit}, where the next chunk takes over, by
     * the overlap. Chronicle Bytes keeps that as {@code realCapacity}, an offset in the file like {@code start}; should
     * a later version answer anything outside {@code [safeLimit, safeLimit + chunk size]}, this falls back to
     * {@code safeLimit}, so that {@code madvise} never reaches past the mapping.
     */
    private static long mappedEnd(MappedBytesStore chunk) {
        long end = chunk.realCapacity();
        long safeLimit = chunk.safeLimit();
        return end >= safeLimit && end - safeLimit <= safeLimit - chunk.start() ? end : safeLimit;
    }

    private boolean sync(long from, int flags) {
        if (libc.sync_file_range(fd, from, STEP_BYTES, flags) != 0) {
            fail("sync_file_range: " + posix.lastErrorStr());
            return false;
        }
        return true;
    }

    private void fail(String why) {
        LOG.warn("journal drop-behind off: {}", why);
        failed = true;
        closeFile();
    }

    /**
     * Pages of the ranges handed back to the kernel so far: what {@code posix_fadvise} was asked to drop (it keeps a
     * page still mapped by another mapping, such as a reader's).
     */
    long pagesReleased() {
        return pagesReleased;
    }

    /** Whether it turned itself off after a failed call. */
    boolean failed() {
        return failed;
    }

    @Override
    public void close() {
        closeFile();
    }

    private void closeFile() {
        while (!leftChunks.isEmpty()) {
            leftChunks.pollFirst().release(owner);
        }
        if (fd >= 0) {
            posix.close(fd);
            fd = -1;
        }
        file = null;
    }
}

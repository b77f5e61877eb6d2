package io.sluice.storage;

import java.io.File;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import net.openhft.chronicle.bytes.BytesStore;
import net.openhft.chronicle.bytes.MappedBytesStore;
import net.openhft.chronicle.core.io.ReferenceOwner;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.posix.PosixAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prefaults the appender's own mapping ahead of its write position with {@code madvise(MADV_POPULATE_WRITE)}
 * (Linux 5.14+), a step at a time, on a thread of its own ({@code sluice-journal-prefault}).
 *
 * <p>Why: the first store to each fresh page of a memory-mapped file costs a page fault, a zeroed page-cache page
 * and ext4's block reservation; profiled on the live server that was the largest single cost per event (a pretouch
 * thread doing it through a mapping of its own spent 0.75 us per 200-byte event, and the writer still faulted in its
 * own mapping). One {@code madvise} call per step populates the page tables of the writer's very mapping in one go
 * and writes nothing, so it cannot race with the appender.
 *
 * <p>Why a thread: most calls take ~0.1 ms, but some wait in the kernel for the file system (ext4 journal commits,
 * writeback): strace of the journal thread at 125 k events/s counted 81 of 2 992 calls over 5 ms and the longest at
 * 42 ms. Made on the journal thread, each such wait stalled the ring and set ingest -> journal p99 at ~30 ms. Here
 * they stall only this thread, which stays {@link #AHEAD_BYTES} ahead: over 100 ms of appends at that rate.
 *
 * <p>The same thread drops the pages behind the writer from the page cache ({@link WrittenPageReleaser}), once
 * nothing is due ahead.
 *
 * <p>The mapping stays alive while this thread uses it: the journal thread reserves each chunk's store (Chronicle
 * reference counting) when it hands it over, and this thread releases it when it moves to the next one (with
 * drop-behind on, once the drop has passed the chunk's mapped end or the cycle file changed), or when it stops. Once
 * it has stopped (closed, or a failure), nothing more is handed over, and {@link #close} releases what it never took.
 *
 * <p>Thread contract: {@link #ahead} on the journal thread only (one handler at a time), allocating nothing but a
 * hand-over (and its queue node) per mapped chunk; {@link #pagesPopulated} and {@link #pagesReleased} from any
 * thread; {@link #close} from any one thread, after the journal thread stopped.
 */
final class MappingPrefaulter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MappingPrefaulter.class);
    /** {@code MADV_POPULATE_WRITE} from {@code <linux/mman.h>}. */
    static final int MADV_POPULATE_WRITE = 23;
    static final int PAGE_BYTES = 4096;
    /** Populated per call: about 2 ms of appends at 130 MB/s, a fraction of a millisecond of kernel time. */
    static final long STEP_BYTES = 256 << 10;
    /** How far ahead of the writer the populated region reaches before the thread waits for it. */
    static final long AHEAD_BYTES = 4L << 20;
    /**
     * The journal thread wakes this one when less than this is populated ahead, and it then populates up to
     * {@link #AHEAD_BYTES}: a wake-up per 1 MiB rather than per step (on a VM each costs a few microseconds on both
     * threads).
     */
    static final long WAKE_BELOW_BYTES = AHEAD_BYTES - (1L << 20);
    /** The longest the thread sleeps without being woken: a missed wake-up costs at most this. */
    private static final long IDLE_NANOS = 10_000_000;

    private final PosixAPI posix;
    /** Drops behind the writer on this thread too; null when that is off. */
    private final WrittenPageReleaser releaser;
    private final ReferenceOwner owner = ReferenceOwner.temporary("journal-prefault");
    private final Thread thread;
    /**
     * Chunks' stores the journal thread reserved and handed over, in the order it wrote them, not yet taken by this
     * thread. All of them, not only the newest: a chunk the writer went through while this thread was held up (a step
     * of drop-behind waits for writeback) still maps pages due to be dropped.
     */
    private final Queue<Handover> offered = new ConcurrentLinkedQueue<>();
    /** File offset the journal thread has written up to (of the store it offered last). */
    private volatile long writtenUpTo;
    /** File offset up to which the store this thread works on is populated. */
    private volatile long populatedUpTo;
    private volatile long pagesPopulated;
    private volatile boolean failed;
    private volatile boolean closed;
    private BytesStore<?, ?> lastOffered; // journal thread only

    /** A chunk's mapping, the cycle file it maps, and where the writer was in that file when it moved there. */
    private record Handover(MappedBytesStore store, File file, long writtenUpTo) {
    }

    /**
     * @param dropBehind  also write back and drop the pages behind the writer, where this machine can
     * @param writerSyncs the writer {@code msync}s every excerpt: what is behind it is written back already
     */
    MappingPrefaulter(boolean dropBehind, boolean writerSyncs) {
        this.posix = PosixAPI.posix();
        this.releaser = dropBehind && WrittenPageReleaser.isSupported()
            ? new WrittenPageReleaser(posix, PageCacheCalls.libc(), writerSyncs, owner) : null;
        this.thread = new Thread(this::run, "sluice-journal-prefault");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Whether this machine can prefault: Linux, a native POSIX binding, and a kernel that knows
     * {@code MADV_POPULATE_WRITE} (5.14+). The kernel checks the advice before the range, so a zero-length call
     * answers without touching anything.
     */
    static boolean isSupported() {
        if (!PageCacheCalls.onLinux()) {
            return false;
        }
        try {
            PosixAPI posix = PosixAPI.posix();
            return !posix.getClass().getSimpleName().startsWith("NoOp")
                && posix.madvise(0, 0, MADV_POPULATE_WRITE) == 0;
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("no native POSIX binding", e);
            return false;
        }
    }

    /**
     * After an excerpt closed at file offset {@code writtenUpTo} in {@code current} (the appender's bytes store, of
     * {@code appender}'s current file): tells the prefault thread, and wakes it when less than
     * {@link #WAKE_BELOW_BYTES} is populated ahead.
     */
    void ahead(BytesStore<?, ?> current, long writtenUpTo, ExcerptAppender appender) {
        if (failed || !(current instanceof MappedBytesStore mapped)) {
            return;
        }
        this.writtenUpTo = writtenUpTo;
        if (current != lastOffered) { // a new chunk or cycle file: hand its mapping over, kept alive for the thread
            lastOffered = current;
            mapped.reserve(owner);
            offered.add(new Handover(mapped, appender.currentFile(), writtenUpTo));
            LockSupport.unpark(thread);
        } else if (populatedUpTo - writtenUpTo < WAKE_BELOW_BYTES) { // the thread drops behind on these wakes too
            LockSupport.unpark(thread);
        }
    }

    long pagesPopulated() {
        return pagesPopulated;
    }

    /** Pages written back and dropped behind the writer so far; 0 when drop-behind is off. */
    long pagesReleased() {
        return releaser == null ? 0 : releaser.pagesReleased();
    }

    /** Whether pages behind the writer are being dropped: on, supported here, and not turned off by a failure. */
    boolean dropsBehind() {
        return releaser != null && !releaser.failed();
    }

    /** Stops the thread and releases the mappings it held. */
    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(thread);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        releaseUntaken();
    }

    /** Releases the hand-overs this thread has not taken (one may slip in while its loop ends: close gets that). */
    private void releaseUntaken() {
        for (Handover untaken; (untaken = offered.poll()) != null; ) {
            untaken.store.release(owner);
        }
    }

    private void run() {
        MappedBytesStore store = null;
        try {
            while (!closed && !failed) {
                for (Handover next; (next = offered.poll()) != null; ) {
                    MappedBytesStore left = store;
                    store = next.store; // held from here on: released below whatever happens
                    populatedUpTo = store.start();
                    if (left != null) {
                        leave(left); // before track: a chunk of the previous file is released there
                    }
                    if (releaser != null) {
                        releaser.track(next.file, next.writtenUpTo);
                    }
                }
                // ahead first: the writer waits on that; behind only costs page cache meanwhile
                if (store == null || !populateStep(store) && (releaser == null || !releaser.step(store, writtenUpTo))) {
                    LockSupport.parkNanos(this, IDLE_NANOS);
                }
            }
        } catch (RuntimeException | Error e) {
            LOG.warn("journal prefaulting and drop-behind stopped", e);
        } finally {
            failed = true; // the journal thread hands nothing more over: no chunk stays reserved for a dead thread
            try {
                if (releaser != null) {
                    releaser.close();
                }
            } finally {
                if (store != null) {
                    store.release(owner);
                }
                releaseUntaken();
            }
        }
    }

    /**
     * The writer moved on from {@code store}'s chunk: the releaser keeps it until it has dropped behind the writer past
     * the chunk's end (pages there may still be mapped through it), else it is released now.
     */
    private void leave(MappedBytesStore store) {
        if (releaser != null) {
            releaser.keepUntilDropped(store);
        } else {
            store.release(owner);
        }
    }

    /** Populates the next step of {@code store}'s mapping if it is needed; false when there is nothing to do. */
    private boolean populateStep(MappedBytesStore store) {
        long written = writtenUpTo;
        long populated = populatedUpTo;
        if (populated - written >= AHEAD_BYTES) {
            return false;
        }
        long from = Math.max(populated, written) + PAGE_BYTES - 1 & -PAGE_BYTES;
        long to = Math.min(from + STEP_BYTES, store.safeLimit()) & -PAGE_BYTES; // never past the mapped chunk
        if (to <= from || from < store.start()) {
            return false; // the chunk ends here (Chronicle maps the next one when the writer gets there), or the
                          // offset read is still the previous file's
        }
        if (posix.madvise(store.addressForWrite(from), to - from, MADV_POPULATE_WRITE) != 0) {
            failed = true;
            LOG.info("journal prefaulting off: madvise(MADV_POPULATE_WRITE) failed: {} (needs Linux 5.14+)",
                posix.lastErrorStr());
            return false;
        }
        pagesPopulated = pagesPopulated + (to - from) / PAGE_BYTES; // one writer
        populatedUpTo = to;
        return true;
    }
}

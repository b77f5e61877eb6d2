package io.sluice.storage;

import net.openhft.chronicle.bytes.BytesStore;
import net.openhft.chronicle.bytes.MappedBytesStore;
import net.openhft.posix.PosixAPI;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prefaults the appender's own mapping ahead of its write position with {@code madvise(MADV_POPULATE_WRITE)}
 * (Linux 5.14+), from the journal thread, a step at a time.
 *
 * <p>Why: the first store to each fresh page of a memory-mapped file costs a page fault, a zeroed page-cache page
 * and ext4's block reservation; profiled on the live server that was the largest single cost per event (a pretouch
 * thread doing it through a mapping of its own spent 0.75 us per 200-byte event, and the writer still faulted in its
 * own mapping). One {@code madvise} call per step populates the page tables of the writer's very mapping in one go
 * and writes nothing, so it cannot race with the appender. It runs on the journal thread between excerpts: the
 * mapping is the one the appender holds, so it is alive for the call.
 *
 * <p>Thread contract: {@link #ahead} on the journal thread only (one handler at a time), allocating nothing;
 * {@link #pagesPopulated} from any thread.
 */
final class MappingPrefaulter {
    private static final Logger LOG = LoggerFactory.getLogger(MappingPrefaulter.class);
    /** {@code MADV_POPULATE_WRITE} from {@code <linux/mman.h>}. */
    static final int MADV_POPULATE_WRITE = 23;
    static final int PAGE_BYTES = 4096;
    /** Populated per call: about 2 ms of appends at 130 MB/s, a fraction of a millisecond of kernel time. */
    static final long STEP_BYTES = 256 << 10;
    /** How far ahead of the writer the populated region reaches before another step is taken. */
    static final long AHEAD_BYTES = 4L << 20;

    private final PosixAPI posix;
    private boolean failed;
    private BytesStore<?, ?> store;
    /** File offset up to which {@link #store}'s mapping is populated. */
    private long populatedUpTo;
    /** Written by the journal thread only, read by anyone. */
    private volatile long pagesPopulated;

    private MappingPrefaulter(PosixAPI posix) {
        this.posix = posix;
    }

    /**
     * Whether this machine can prefault: Linux, a native POSIX binding, and a kernel that knows
     * {@code MADV_POPULATE_WRITE} (5.14+). The kernel checks the advice before the range, so a zero-length call
     * answers without touching anything.
     */
    static boolean isSupported() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
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

    MappingPrefaulter() {
        this(PosixAPI.posix());
    }

    /**
     * After an excerpt closed at file offset {@code writtenUpTo} in {@code current} (the appender's bytes store):
     * populates the next step of that mapping if less than {@link #AHEAD_BYTES} of it is populated ahead.
     */
    void ahead(BytesStore<?, ?> current, long writtenUpTo) {
        if (failed || !(current instanceof MappedBytesStore mapped)) {
            return;
        }
        if (current != store) { // a new chunk or cycle file: a new mapping, nothing of it populated by us yet
            store = current;
            populatedUpTo = writtenUpTo;
        }
        if (populatedUpTo - writtenUpTo >= AHEAD_BYTES) {
            return;
        }
        long from = Math.max(populatedUpTo, writtenUpTo) + PAGE_BYTES - 1 & -PAGE_BYTES;
        long to = Math.min(from + STEP_BYTES, mapped.safeLimit()) & -PAGE_BYTES; // never past the mapped chunk
        if (to <= from) {
            return; // the chunk ends here: Chronicle maps the next one when the writer gets there
        }
        long address = mapped.addressForWrite(from);
        if (posix.madvise(address, to - from, MADV_POPULATE_WRITE) != 0) {
            failed = true;
            LOG.info("journal prefaulting off: madvise(MADV_POPULATE_WRITE) failed: {} (needs Linux 5.14+)",
                posix.lastErrorStr());
            return;
        }
        pagesPopulated = pagesPopulated + (to - from) / PAGE_BYTES; // one writer
        populatedUpTo = to;
    }

    long pagesPopulated() {
        return pagesPopulated;
    }
}

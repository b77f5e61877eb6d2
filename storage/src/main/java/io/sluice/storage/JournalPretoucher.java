package io.sluice.storage;

import java.io.File;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Touches the journal's cycle file ahead of the writer from a background thread. The first write to a fresh page of
 * the memory-mapped file makes the kernel zero it ({@code __pi_memset}): profiled on the live server, about two thirds
 * of the journal thread's CPU. Done here, the journal thread finds its pages mapped and dirty already.
 *
 * <p>The fallback: where the kernel has {@code MADV_POPULATE_WRITE} (Linux 5.14+), {@link MappingPrefaulter} does
 * this from the journal thread in the writer's own mapping, at a fraction of the cost (measured: this thread spent
 * ~0.75 us per 200-byte event at 500 k events/s, and the writer still faulted in its own mapping).
 *
 * <p>Chronicle's own {@code pretouch()} is Enterprise-only (open source 2026.4 recurses into a StackOverflowError),
 * hence this one. The writer publishes, after each committed excerpt, its cycle file and write position
 * ({@link #onCommitted}); this thread maps, with its own {@link FileChannel}, up to {@value #AHEAD_BYTES} bytes past
 * that position, never past the file's current size (a mapping past it would grow the file behind Chronicle's back),
 * and on every 4 KiB page compare-and-sets a long from 0 to 0: the page is faulted in and dirtied here, and nothing
 * the writer wrote can change, since the CAS only writes where the long is 0, and then writes 0.
 *
 * <p>Thread contract: {@link #onCommitted} from the one journal thread (release stores, no allocation); the rest from
 * the thread that owns the {@link Journal}. Any failure stops pretouching with one WARN line; appends go on.
 */
final class JournalPretoucher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JournalPretoucher.class);
    /** ~1/4 s of appends at 250 MB/s: far enough ahead, near enough that the pages are not written back first. */
    static final long AHEAD_BYTES = 64L << 20;
    static final int PAGE_BYTES = 4096;
    /** Mapped and unmapped at a time, so the pretoucher never holds much address space. */
    private static final long WINDOW_BYTES = 4L << 20;
    private static final long IDLE_PARK_NANOS = 2_000_000;
    private static final VarHandle LONGS = MethodHandles.byteBufferViewVarHandle(long[].class,
        ByteOrder.nativeOrder());
    private static final VarHandle FILE;
    private static final VarHandle WRITTEN_UP_TO;
    private static final VarHandle PAGES_TOUCHED;
    /** {@code sun.misc.Unsafe#invokeCleaner}: unmaps a window at once. Null if unavailable: the GC unmaps it later. */
    private static final MethodHandle UNMAP = findUnmap();

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            FILE = lookup.findVarHandle(JournalPretoucher.class, "file", File.class);
            WRITTEN_UP_TO = lookup.findVarHandle(JournalPretoucher.class, "writtenUpTo", long.class);
            PAGES_TOUCHED = lookup.findVarHandle(JournalPretoucher.class, "pagesTouched", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    // Published by the journal thread. The position is reset to -1 before a new file is published, so a reader
    // that sees the new file sees a position of that file (or -1), never one of the previous file.
    @SuppressWarnings("unused") // through FILE
    private File file;
    @SuppressWarnings("unused") // through WRITTEN_UP_TO
    private long writtenUpTo = -1;
    /** Journal thread only: the file it published last. */
    private File publishedFile;

    // Pretouch thread only, except pagesTouched (read by anyone).
    private File touchingFile;
    private FileChannel channel;
    private long touchedUpTo;
    @SuppressWarnings("unused") // through PAGES_TOUCHED
    private long pagesTouched;

    private final Thread thread;
    private volatile boolean running = true;

    JournalPretoucher() {
        this.thread = new Thread(this::run, "sluice-journal-pretouch");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    /**
     * Journal thread, after an excerpt is committed: the appender now writes {@code cycleFile} at {@code position}
     * (a file offset). A null file (no cycle yet) is ignored.
     */
    void onCommitted(File cycleFile, long position) {
        if (cycleFile != publishedFile) {
            if (cycleFile == null) {
                return;
            }
            WRITTEN_UP_TO.setRelease(this, -1L);
            FILE.setRelease(this, cycleFile);
            publishedFile = cycleFile;
        }
        WRITTEN_UP_TO.setRelease(this, position);
    }

    /** Pages this pretoucher has faulted in so far. */
    long pagesTouched() {
        return (long) PAGES_TOUCHED.getAcquire(this);
    }

    /** False once the thread has stopped (closed, or gave up after a failure). */
    boolean isAlive() {
        return thread.isAlive();
    }

    private void run() {
        try {
            while (running) {
                if (!touchAhead()) {
                    LockSupport.parkNanos(IDLE_PARK_NANOS);
                }
            }
        } catch (IOException | RuntimeException | Error e) { // Error too: a truncated file's SIGBUS is an InternalError
            if (running) {
                LOG.warn("journal pretouch stopped, appends go on without it: {}", e.toString());
            }
        } finally {
            closeChannel();
        }
    }

    /** Touches at most one window ahead of the writer; false if there was nothing to do. */
    private boolean touchAhead() throws IOException {
        File target = (File) FILE.getAcquire(this);
        long writerAt = (long) WRITTEN_UP_TO.getAcquire(this);
        if (target == null || writerAt < 0 || target != (File) FILE.getAcquire(this)) {
            return false; // nothing published yet, or a new file is being published: look again later
        }
        if (target != touchingFile) {
            closeChannel();
            channel = FileChannel.open(target.toPath(), StandardOpenOption.READ, StandardOpenOption.WRITE);
            touchingFile = target;
            touchedUpTo = writerAt;
        }
        long from = alignUp(Math.max(writerAt, touchedUpTo)); // the writer's own page is in use already
        long limit = writerAt + AHEAD_BYTES;
        if (from >= limit) {
            return false;
        }
        long to = Math.min(Math.min(limit, from + WINDOW_BYTES), channel.size()) & -PAGE_BYTES;
        if (to <= from) {
            return false; // at the end of the mapped file: Chronicle grows it when it gets there
        }
        touch(from, to);
        touchedUpTo = to;
        return true;
    }

    private void touch(long from, long to) throws IOException {
        MappedByteBuffer window = channel.map(FileChannel.MapMode.READ_WRITE, from, to - from);
        try {
            int pages = 0;
            for (int at = 0; at < to - from; at += PAGE_BYTES) {
                LONGS.compareAndSet(window, at, 0L, 0L); // faults and dirties the page; a 0 stays 0, the rest fails
                pages++;
            }
            PAGES_TOUCHED.setRelease(this, pagesTouched() + pages);
        } finally {
            unmap(window);
        }
    }

    private static long alignUp(long position) {
        return (position + PAGE_BYTES - 1) & -PAGE_BYTES;
    }

    private static void unmap(ByteBuffer window) {
        if (UNMAP == null) {
            return;
        }
        try {
            UNMAP.invokeExact(window);
        } catch (Throwable e) {
            throw new IllegalStateException("cannot unmap a pretouch window", e);
        }
    }

    private static MethodHandle findUnmap() {
        try {
            Class<?> unsafeClass = Class.forName("sun.misc.Unsafe");
            Field field = unsafeClass.getDeclaredField("theUnsafe");
            field.setAccessible(true);
            return MethodHandles.lookup().findVirtual(unsafeClass, "invokeCleaner",
                MethodType.methodType(void.class, ByteBuffer.class)).bindTo(field.get(null));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private void closeChannel() {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // a read-write channel of our own; its mappings are gone already
        }
        channel = null;
    }

    /** Stops the thread and waits for it (it finishes the window in hand, a few milliseconds at most). */
    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package io.sluice.storage;

import java.util.Locale;
import jnr.ffi.LibraryLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two Linux calls that move a file's written pages out of the page cache, bound with jnr-ffi (what Chronicle's
 * own POSIX binding uses, which has neither).
 */
final class PageCacheCalls {
    private static final Logger LOG = LoggerFactory.getLogger(PageCacheCalls.class);
    /** From {@code <linux/fs.h>}: wait for writeback already under way in the range. */
    static final int SYNC_FILE_RANGE_WAIT_BEFORE = 1;
    /** Start writeback of the range's dirty pages, without waiting for it. */
    static final int SYNC_FILE_RANGE_WRITE = 2;
    /** Wait for the writeback just started. */
    static final int SYNC_FILE_RANGE_WAIT_AFTER = 4;
    static final int SYNC_FILE_RANGE_WRITE_AND_WAIT =
        SYNC_FILE_RANGE_WAIT_BEFORE | SYNC_FILE_RANGE_WRITE | SYNC_FILE_RANGE_WAIT_AFTER;
    /** From {@code <fcntl.h>} (Linux): drop the range's clean, unmapped pages from the page cache. */
    static final int POSIX_FADV_DONTNEED = 4;
    /** From {@code <sys/mman.h>}: unmap the range's pages from this mapping; a shared file mapping loses nothing. */
    static final int MADV_DONTNEED = 4;

    /** The C library functions, as jnr-ffi binds them. */
    public interface LibC {
        int sync_file_range(int fd, long offset, long bytes, int flags);

        /** Returns the error number itself, 0 on success (it does not set errno). */
        int posix_fadvise(int fd, long offset, long length, int advice);
    }

    private static final LibC LIBC = load();

    private PageCacheCalls() {
    }

    /** The binding, or null where this is not Linux or it cannot be loaded. */
    static LibC libc() {
        return LIBC;
    }

    /** Whether this JVM runs on Linux: the only kernel whose calls the journal binds (here and in the prefaulter). */
    static boolean onLinux() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
    }

    private static LibC load() {
        if (!onLinux()) {
            return null;
        }
        try {
            return LibraryLoader.create(LibC.class).load("c");
        } catch (RuntimeException | LinkageError e) {
            LOG.info("journal drop-behind off: cannot bind libc ({})", e.toString());
            return null;
        }
    }
}

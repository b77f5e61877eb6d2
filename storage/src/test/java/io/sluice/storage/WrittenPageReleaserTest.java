package io.sluice.storage;

import static io.sluice.storage.JournalPretoucherTest.EVENTS;
import static io.sluice.storage.JournalPretoucherTest.append;
import static io.sluice.storage.JournalPretoucherTest.replayAndCompare;
import static io.sluice.storage.JournalPretoucherTest.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import net.openhft.chronicle.core.time.SetTimeProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drop-behind: the pages the writer left behind leave the page cache, and every event still reads back. */
class WrittenPageReleaserTest {
    private static final long STEP = WrittenPageReleaser.STEP_BYTES;

    @TempDir
    Path dataDir;

    @BeforeAll
    static void onlyWhereTheKernelCan() {
        assumeTrue(MappingPrefaulter.isSupported() && WrittenPageReleaser.isSupported(),
            "needs Linux 5.14+ and a libc binding");
    }

    @BeforeEach
    void onlyOnAFileSystemWithAPageCacheToDropFrom() throws IOException {
        String type = Files.getFileStore(dataDir).type();
        assumeFalse(type.equals("tmpfs") || type.equals("ramfs"), "posix_fadvise drops nothing from " + type);
    }

    @Test
    void shouldDropWhatIsBehindTheWriterAndKeepTheHeadAndTheTail() throws IOException {
        long written;
        long appended;
        try (Journal journal = Journal.open(dataDir, JournalSettings.defaults())) {
            assertTrue(journal.dropsBehind(), "on by default where the machine can");
            JournalHandler handler = journal.newHandler();
            handler.onStart();
            append(handler, 0, EVENTS); // ~30 MB: past the floor and the eviction lag
            handler.onShutdown();
            written = cycleFile().toFile().length(); // Chronicle's file is larger than what was written: a bound only
            appended = journal.metrics().bytesAppended(); // the records alone: the writer's end is past this offset
            long due = 4; // at least these 2 MiB steps lie between the floor and 12 MiB behind ~30 MB
            waitFor(() -> journal.pagesReleased() >= due * STEP / MappingPrefaulter.PAGE_BYTES,
                "4 steps were released (" + journal.pagesReleased() + " pages so far)");
            assertFalse(resident(WrittenPageReleaser.FLOOR_BYTES, STEP), "the first step past the floor dropped");
            assertTrue(resident(0, WrittenPageReleaser.FLOOR_BYTES), "everything below the floor kept");
            long tail = (appended - WrittenPageReleaser.EVICT_LAG_BYTES / 2) & -MappingPrefaulter.PAGE_BYTES;
            assertTrue(resident(tail, STEP), "the last " + WrittenPageReleaser.EVICT_LAG_BYTES + " bytes kept");
        }
        assertTrue(written > WrittenPageReleaser.FLOOR_BYTES + WrittenPageReleaser.EVICT_LAG_BYTES + 4 * STEP);
        assertEquals(EVENTS, replayAndCompare(dataDir), "every event read back, from disk where it was dropped");
    }

    @Test
    void shouldDropAcrossChunkBoundariesWherePagesAreMappedTwice() throws IOException {
        // Chronicle maps 64 MiB chunks with 16 MiB of overlap: the drop passes the ends of the first two mappings
        // (80 and 144 MiB) once the writer is the eviction lag and a step past 144 MiB
        long chunkEnds = 144L << 20;
        long target = chunkEnds + WrittenPageReleaser.EVICT_LAG_BYTES + 2 * STEP;
        SetTimeProvider noon = atNoon(); // one cycle file, whatever the hour
        long events = 0;
        try (Journal journal = Journal.open(dataDir, JournalSettings.defaults(), noon)) {
            JournalHandler handler = journal.newHandler();
            handler.onStart();
            while (journal.metrics().bytesAppended() < target) {
                append(handler, events, EVENTS);
                events += EVENTS;
            }
            handler.onShutdown();
            long appended = journal.metrics().bytesAppended(); // the writer's end is past this offset
            long droppedTo = (appended - WrittenPageReleaser.EVICT_LAG_BYTES) & -STEP;
            assertTrue(droppedTo > chunkEnds, "the drop passes the second chunk's end: " + (droppedTo >> 20));
            long due = (droppedTo - WrittenPageReleaser.FLOOR_BYTES) / MappingPrefaulter.PAGE_BYTES;
            waitFor(() -> journal.pagesReleased() >= due, "dropped up to " + (droppedTo >> 20) + " MiB");
            for (long offset = WrittenPageReleaser.FLOOR_BYTES; offset < droppedTo; offset += STEP) {
                assertFalse(resident(offset, STEP), "the step at " + (offset >> 20) + " MiB dropped");
            }
        }
        assertEquals(events, replayAndCompare(dataDir), "every event read back, from disk where it was dropped");
    }

    @Test
    void shouldLetGoOfTheLastCycleFilesMappingsAfterARoll() throws IOException {
        SetTimeProvider clock = atNoon();
        try (Journal journal = Journal.open(dataDir, JournalSettings.defaults(), clock)) {
            JournalHandler handler = journal.newHandler();
            handler.onStart();
            long events = 0;
            while (journal.metrics().bytesAppended() < 70L << 20) { // into the second chunk: the first one is kept
                append(handler, events, EVENTS / 4);
                events += EVENTS / 4;
            }
            Path first = cycleFile();
            clock.advanceMillis(TimeUnit.DAYS.toMillis(1));
            append(handler, events, EVENTS / 4); // the next day's file
            handler.onShutdown();
            waitFor(() -> !mapped(first), "no mapping of " + first.getFileName() + " left");
        }
    }

    @Test
    void shouldStillDropBehindAWriterThatSyncsEveryExcerpt() throws IOException {
        int events = EVENTS; // ~30 MB in excerpts of 512 events, each one msync'ed
        try (Journal journal = Journal.open(dataDir, JournalSettings.defaults().withFsync(true))) {
            assertTrue(journal.dropsBehind());
            JournalHandler handler = journal.newHandler();
            handler.onStart();
            for (int i = 0; i < events; i++) {
                handler.onEvent(JournalEvents.parsed(i), i, (i + 1) % 512 == 0 || i == events - 1);
            }
            handler.onShutdown();
            waitFor(() -> journal.pagesReleased() > 0, "a step was released");
            assertFalse(resident(WrittenPageReleaser.FLOOR_BYTES, STEP), "synced pages dropped without writeback");
        }
        assertEquals(events, replayAndCompare(dataDir));
    }

    @Test
    void shouldLeaveThePageCacheAloneWhenOff() throws IOException {
        try (Journal journal = Journal.open(dataDir, JournalSettings.defaults().withDropBehind(false))) {
            assertFalse(journal.dropsBehind());
            JournalHandler handler = journal.newHandler();
            handler.onStart();
            append(handler, 0, EVENTS);
            handler.onShutdown();
            assertEquals(0, journal.pagesReleased());
            assertTrue(resident(WrittenPageReleaser.FLOOR_BYTES, STEP), "written pages stay cached");
        }
    }

    /** Whether the cycle file's pages in the range are all in the page cache ({@code mincore} on a new mapping). */
    private boolean resident(long offset, long length) throws IOException {
        try (FileChannel channel = FileChannel.open(cycleFile(), StandardOpenOption.READ)) {
            MappedByteBuffer view = channel.map(FileChannel.MapMode.READ_ONLY, offset, length);
            return view.isLoaded();
        }
    }

    /** A clock at noon of a fixed day: a test's appends stay in one daily cycle file until it moves the clock. */
    private static SetTimeProvider atNoon() {
        return new SetTimeProvider(TimeUnit.MILLISECONDS.toNanos(Instant.parse("2026-11-24T12:00:00Z").toEpochMilli()));
    }

    /** Whether this process still maps {@code file} ({@code /proc/self/maps}). */
    private static boolean mapped(Path file) {
        try (Stream<String> maps = Files.lines(Path.of("/proc/self/maps"))) {
            return maps.anyMatch(line -> line.endsWith(file.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path cycleFile() throws IOException {
        try (Stream<Path> files = Files.list(JournalQueue.JOURNAL.dir(dataDir))) {
            return files.filter(p -> p.toString().endsWith(".cq4")).findFirst().orElseThrow();
        }
    }
}

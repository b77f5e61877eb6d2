package io.sluice.storage;

import static io.sluice.storage.JournalEvents.assertSameEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.core.LogEvent;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import net.openhft.chronicle.core.time.SystemTimeProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pretouch thread: the fallback where the kernel cannot prefault (MappingPrefaulterTest covers the default). */
class JournalPretoucherTest {
    /** ~150 bytes each: ~30 MB of cycle file, several pretouch windows. */
    static final int EVENTS = 200_000;
    private static final int BATCH = 64;

    @TempDir
    Path dataDir;

    @Test
    void shouldTouchPagesAheadOfAConcurrentWriterWithoutChangingAnyEvent() {
        try (Journal journal = openWithThread(dataDir)) {
            JournalHandler handler = journal.newHandler();
            handler.onStart();
            append(handler, 0, EVENTS / 2);
            waitFor(() -> journal.pretouchedPages() > 0, "the pretoucher touched pages");
            long touchedBefore = journal.pretouchedPages();
            append(handler, EVENTS / 2, EVENTS / 2); // now into pages the pretoucher touches, while it touches more
            handler.onShutdown();
            waitFor(() -> journal.pretouchedPages() > touchedBefore, "the pretoucher kept up with the writer");
        }
        assertEquals(EVENTS, replayAndCompare(dataDir), "every event read back");
    }

    @Test
    void shouldLeaveTheCycleFileTheSizeChronicleMadeIt() throws IOException {
        long without = cycleFileSizeWithoutPretouch(dataDir.resolve("without"));
        Path with = dataDir.resolve("with");
        try (Journal journal = openWithThread(with)) {
            appendAll(journal);
            waitFor(() -> journal.pretouchedPages() > 0, "the pretoucher touched pages");
            // the writer sits well inside the file: the pretoucher stops at the end of what Chronicle mapped
            waitFor(() -> journal.pretouchedPages() * JournalPretoucher.PAGE_BYTES >= 16L << 20, "16 MiB touched");
        }
        assertEquals(without, cycleFileSize(with));
    }

    @Test
    void shouldStopWithoutFailingTheWriterWhenTheFileCannotBeOpened() {
        try (JournalPretoucher pretoucher = new JournalPretoucher()) {
            pretoucher.onCommitted(dataDir.resolve("no-such-cycle.cq4").toFile(), 0);
            waitFor(() -> !pretoucher.isAlive(), "the pretoucher stopped");
            pretoucher.onCommitted(new File(dataDir.toFile(), "another.cq4"), 4096); // still harmless
            assertEquals(0, pretoucher.pagesTouched());
        }
    }

    @Test
    void shouldNotStartAThreadWhenPretouchIsOff() {
        try (Journal journal = Journal.open(dataDir, JournalSettings.defaults().withPretouch(false))) {
            appendAll(journal);
            assertFalse(pretouchThreadAlive());
        }
    }

    private static Journal openWithThread(Path dir) {
        return Journal.open(dir, JournalSettings.defaults().withPretouch(true), SystemTimeProvider.INSTANCE, false);
    }

    /** The size of the cycle files a journal with pretouch off leaves after {@link #appendAll}. */
    static long cycleFileSizeWithoutPretouch(Path dir) throws IOException {
        try (Journal journal = Journal.open(dir, JournalSettings.defaults().withPretouch(false))) {
            appendAll(journal);
            assertFalse(journal.prefaults());
            assertEquals(0, journal.pretouchedPages());
        }
        return cycleFileSize(dir);
    }

    static boolean pretouchThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream()
            .anyMatch(t -> t.getName().equals("sluice-journal-pretouch") && t.isAlive());
    }

    static void appendAll(Journal journal) {
        JournalHandler handler = journal.newHandler();
        handler.onStart();
        append(handler, 0, EVENTS / 4);
        handler.onShutdown();
    }

    static void append(JournalHandler handler, long first, int count) {
        for (int i = 0; i < count; i++) {
            long sequence = first + i;
            handler.onEvent(JournalEvents.parsed(sequence), sequence, (i + 1) % BATCH == 0 || i == count - 1);
        }
    }

    /** Replays the journal, comparing each event with the one appended; returns how many were read. */
    static long replayAndCompare(Path dir) {
        long[] next = {0};
        try (JournalReader reader = JournalReader.open(dir)) {
            reader.replay(ReplayQuery.all(JournalQueue.JOURNAL), (LogEvent event) -> {
                assertSameEvent(JournalEvents.parsed(next[0]), event);
                next[0]++;
                return true;
            });
        }
        return next[0];
    }

    static long cycleFileSize(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(JournalQueue.JOURNAL.dir(dir))) {
            return files.filter(p -> p.toString().endsWith(".cq4")).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    static void waitFor(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting until " + what);
            LockSupport.parkNanos(1_000_000);
        }
    }
}

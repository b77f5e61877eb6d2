package io.sluice.storage;

import static io.sluice.storage.JournalPretoucherTest.EVENTS;
import static io.sluice.storage.JournalPretoucherTest.append;
import static io.sluice.storage.JournalPretoucherTest.appendAll;
import static io.sluice.storage.JournalPretoucherTest.cycleFileSize;
import static io.sluice.storage.JournalPretoucherTest.cycleFileSizeWithoutPretouch;
import static io.sluice.storage.JournalPretoucherTest.pretouchThreadAlive;
import static io.sluice.storage.JournalPretoucherTest.replayAndCompare;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pretouch by madvise(MADV_POPULATE_WRITE) on the writer's own mapping: the default on Linux 5.14+. */
class MappingPrefaulterTest {
    @TempDir
    Path dataDir;

    @BeforeAll
    static void onlyWhereTheKernelCan() {
        assumeTrue(MappingPrefaulter.isSupported(), "needs Linux 5.14+ and a native POSIX binding");
    }

    @Test
    void shouldPrefaultAheadOfTheWriterWithoutChangingAnyEvent() {
        try (Journal journal = Journal.open(dataDir, JournalSettings.defaults().withPretouch(true))) {
            assertTrue(journal.prefaults(), "prefaulting chosen over the pretouch thread");
            JournalHandler handler = journal.newHandler();
            handler.onStart();
            append(handler, 0, EVENTS);
            handler.onShutdown();
            // ~30 MB appended: the prefault thread populates step by step behind the writer's progress
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (journal.pretouchedPages() * MappingPrefaulter.PAGE_BYTES < 16L << 20
                && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            long populated = journal.pretouchedPages() * MappingPrefaulter.PAGE_BYTES;
            assertTrue(populated >= 16L << 20, "populated only " + populated + " bytes");
            assertFalse(pretouchThreadAlive(), "no pretouch thread");
            assertTrue(threadAlive("sluice-journal-prefault"), "the prefault thread runs while the journal is open");
        }
        assertFalse(threadAlive("sluice-journal-prefault"), "and stops when it closes");
        assertEquals(EVENTS, replayAndCompare(dataDir), "every event read back");
    }

    @Test
    void shouldLeaveTheCycleFileTheSizeChronicleMadeIt() throws IOException {
        long without = cycleFileSizeWithoutPretouch(dataDir.resolve("without"));
        Path with = dataDir.resolve("with");
        try (Journal journal = Journal.open(with, JournalSettings.defaults().withPretouch(true))) {
            appendAll(journal);
            assertTrue(journal.pretouchedPages() > 0);
        }
        assertEquals(without, cycleFileSize(with));
    }

    private static boolean threadAlive(String name) {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(name) && t.isAlive());
    }
}

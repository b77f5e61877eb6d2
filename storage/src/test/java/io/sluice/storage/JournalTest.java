package io.sluice.storage;

import static io.sluice.storage.JournalEvents.appendAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
    @TempDir
    Path dataDir;

    @Test
    void shouldReportMinusOneForANewJournalAndCreateBothQueues() {
        try (Journal journal = Journal.open(dataDir.resolve("fresh"))) {
            assertEquals(-1, journal.lastSequence());
            assertEquals(-1, journal.metrics().lastAppendedSequence());
            assertEquals(0, journal.metrics().diskBytes());
        }
        assertTrue(Files.isDirectory(dataDir.resolve("fresh/journal")));
        assertTrue(Files.isDirectory(dataDir.resolve("fresh/dead-letter")));
    }

    @Test
    void shouldContinueSequenceAfterRestart() {
        try (Journal journal = Journal.open(dataDir)) {
            appendAll(journal, JournalEvents.parsed(0, 1000), 64);
            assertEquals(999, journal.lastSequence());
        }
        try (Journal reopened = Journal.open(dataDir)) {
            assertEquals(999, reopened.lastSequence());
            assertEquals(999, reopened.metrics().lastAppendedSequence());
            long base = reopened.lastSequence() + 1; // what the server hands the ring
            appendAll(reopened, JournalEvents.parsed(base, 10), 64);
            assertEquals(1009, reopened.lastSequence());
        }
        try (Journal again = Journal.open(dataDir); JournalReader reader = JournalReader.open(dataDir)) {
            assertEquals(1009, again.lastSequence());
            assertEquals(1009, reader.lastSequence());
            assertEquals(1010, JournalEvents.replay(reader, ReplayQuery.all(JournalQueue.JOURNAL)).size());
        }
    }

    @Test
    void shouldCountTheDeadLetterQueueInLastSequence() {
        try (Journal journal = Journal.open(dataDir)) {
            appendAll(journal, List.of(JournalEvents.parsed(0), JournalEvents.truncated(1)), 64);
        }
        try (Journal reopened = Journal.open(dataDir)) {
            assertEquals(1, reopened.lastSequence());
        }
    }

    @Test
    void shouldRefuseASecondWriterOnTheSameDataDir() {
        try (Journal journal = Journal.open(dataDir)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> Journal.open(dataDir));
            assertTrue(e.getMessage().contains("in use"), e.getMessage());
            assertEquals(-1, journal.lastSequence(), "the first writer is unaffected");
        }
        try (Journal afterClose = Journal.open(dataDir)) {
            assertEquals(-1, afterClose.lastSequence());
        }
    }
}

package io.sluice.storage;

import static io.sluice.storage.JournalEvents.BASE_RECEIVED_NANOS;
import static io.sluice.storage.JournalEvents.RECEIVE_STEP_NANOS;
import static io.sluice.storage.JournalEvents.appendAll;
import static io.sluice.storage.JournalEvents.assertSameEvents;
import static io.sluice.storage.JournalEvents.replay;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.core.LogEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalReaderTest {
    private static final int EVENTS = 2000;

    @TempDir
    Path dataDir;

    private final List<LogEvent> events = JournalEvents.parsed(0, EVENTS);

    @BeforeEach
    void appendEvents() {
        try (Journal journal = Journal.open(dataDir)) {
            appendAll(journal, events, 100);
        }
    }

    private static long receivedAt(long sequence) {
        return BASE_RECEIVED_NANOS + sequence * RECEIVE_STEP_NANOS;
    }

    private List<LogEvent> replayJournal(ReplayQuery query) {
        return replay(dataDir, query);
    }

    @Test
    void shouldReplayOnlyEventsReceivedInTheHalfOpenRange() {
        ReplayQuery query = ReplayQuery.all(JournalQueue.JOURNAL).between(receivedAt(250), receivedAt(1234));

        assertSameEvents(events.subList(250, 1234), replayJournal(query));
    }

    @Test
    void shouldStopAtTheLimit() {
        ReplayQuery query = ReplayQuery.all(JournalQueue.JOURNAL).between(receivedAt(1500), Long.MAX_VALUE)
            .withLimit(7);

        assertSameEvents(events.subList(1500, 1507), replayJournal(query));
    }

    @Test
    void shouldStartFromSequence() {
        ReplayQuery query = ReplayQuery.all(JournalQueue.JOURNAL).withFromSequence(1777);

        assertSameEvents(events.subList(1777, EVENTS), replayJournal(query));
    }

    @Test
    void shouldCombineSequenceTimeAndLimit() {
        ReplayQuery query = ReplayQuery.all(JournalQueue.JOURNAL).withFromSequence(300)
            .between(receivedAt(100), receivedAt(400)).withLimit(50);

        assertSameEvents(events.subList(300, 350), replayJournal(query));
    }

    @Test
    void shouldReturnNothingForARangeAfterTheLastEventOrAnEmptyRange() {
        assertEquals(0, replayJournal(ReplayQuery.all(JournalQueue.JOURNAL)
            .between(receivedAt(EVENTS), Long.MAX_VALUE)).size());
        assertEquals(0, replayJournal(ReplayQuery.all(JournalQueue.JOURNAL)
            .between(receivedAt(10), receivedAt(10))).size());
        assertEquals(0, replayJournal(ReplayQuery.all(JournalQueue.JOURNAL).withFromSequence(EVENTS)).size());
    }

    @Test
    void shouldStopWhenTheVisitorSaysSo() {
        List<Long> seen = new ArrayList<>();
        try (JournalReader reader = JournalReader.open(dataDir)) {
            long delivered = reader.replay(ReplayQuery.all(JournalQueue.JOURNAL), event -> {
                seen.add(event.sequence());
                return seen.size() < 3;
            });
            assertEquals(3, delivered);
        }
        assertEquals(List.of(0L, 1L, 2L), seen);
    }

    @Test
    void shouldFailClearlyWithoutCreatingAnythingForAMissingDataDir() {
        Path missing = dataDir.resolve("nope");

        JournalNotFoundException e = assertThrows(JournalNotFoundException.class, () -> JournalReader.open(missing));

        assertTrue(e.getMessage().contains(missing.toAbsolutePath().toString()), e.getMessage());
        assertFalse(Files.exists(missing));
    }

    @Test
    void shouldFailClearlyWithoutCreatingAnythingForADirWithoutAJournal() throws Exception {
        Path empty = Files.createDirectory(dataDir.resolve("empty"));

        JournalNotFoundException e = assertThrows(JournalNotFoundException.class, () -> JournalReader.open(empty));

        assertTrue(e.getMessage().contains("metadata.cq4t"), e.getMessage());
        try (var listing = Files.list(empty)) {
            assertEquals(0, listing.count(), "the reader created files");
        }
    }

    @Test
    void shouldNotWriteToTheQueueDirsWhenReading() throws Exception {
        long before = lastModifiedSum();
        replayJournal(ReplayQuery.all(JournalQueue.JOURNAL));
        replayJournal(ReplayQuery.all(JournalQueue.JOURNAL).withFromSequence(1000));
        assertEquals(before, lastModifiedSum());
    }

    private long lastModifiedSum() throws Exception {
        long sum = 0;
        for (JournalQueue queue : JournalQueue.values()) {
            try (var files = Files.list(queue.dir(dataDir))) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    sum += Files.getLastModifiedTime(file).toMillis() * 31 + file.getFileName().hashCode();
                }
            }
        }
        return sum;
    }
}

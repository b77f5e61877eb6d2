package io.sluice.storage;

import static io.sluice.storage.JournalEvents.appendAll;
import static io.sluice.storage.JournalEvents.assertSameEvents;
import static io.sluice.storage.JournalEvents.replay;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.core.LogEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalHandlerTest {
    @TempDir
    Path dataDir;

    @Test
    void shouldReplayExactlyTheAppendedBatchInOrder() {
        List<LogEvent> events = JournalEvents.parsed(0, 300);
        try (Journal journal = Journal.open(dataDir)) {
            appendAll(journal, events, 64);
        }
        try (JournalReader reader = JournalReader.open(dataDir)) {
            assertSameEvents(events, replay(reader, ReplayQuery.all(JournalQueue.JOURNAL)));
            assertEquals(0, replay(reader, ReplayQuery.all(JournalQueue.DEAD_LETTER)).size());
        }
    }

    @Test
    void shouldMakeTheExcerptVisibleToASeparateReaderAtEndOfBatch() {
        List<LogEvent> events = JournalEvents.parsed(0, 10);
        try (Journal journal = Journal.open(dataDir); JournalReader reader = JournalReader.open(dataDir)) {
            JournalHandler handler = journal.newHandler();
            handler.onStart();
            for (int i = 0; i < 9; i++) {
                handler.onEvent(events.get(i), i, false);
            }
            assertEquals(0, replay(reader, ReplayQuery.all(JournalQueue.JOURNAL)).size(),
                "an open excerpt is not visible yet");

            handler.onEvent(events.get(9), 9, true);

            assertSameEvents(events, replay(reader, ReplayQuery.all(JournalQueue.JOURNAL)));
            assertEquals(1, journal.metrics().excerptsWritten());
            handler.onShutdown();
        }
    }

    @Test
    void shouldRouteTruncatedEventsToTheDeadLetterQueue() {
        List<LogEvent> all = new ArrayList<>();
        List<LogEvent> good = new ArrayList<>();
        List<LogEvent> cut = new ArrayList<>();
        for (long seq = 0; seq < 50; seq++) {
            LogEvent event = seq % 5 == 3 ? JournalEvents.truncated(seq) : JournalEvents.parsed(seq);
            all.add(event);
            (event.isTruncated() ? cut : good).add(event);
        }
        try (Journal journal = Journal.open(dataDir)) {
            appendAll(journal, all, 16);

            assertEquals(50, journal.metrics().eventsAppended());
            assertEquals(10, journal.metrics().deadLetteredEvents());
            assertEquals(49, journal.metrics().lastAppendedSequence());
            long storedAnyTransport = 0;
            long deadAnyTransport = 0;
            for (io.sluice.core.Transport t : io.sluice.core.Transport.values()) {
                storedAnyTransport += journal.metrics().storedEvents(t);
                deadAnyTransport += journal.metrics().deadLetteredEvents(t);
            }
            assertEquals(40, storedAnyTransport, "per-transport stored counts add up");
            assertEquals(10, deadAnyTransport, "per-transport dead-letter counts add up");
        }
        try (JournalReader reader = JournalReader.open(dataDir)) {
            assertSameEvents(good, replay(reader, ReplayQuery.all(JournalQueue.JOURNAL)));
            assertSameEvents(cut, replay(reader, ReplayQuery.all(JournalQueue.DEAD_LETTER)));
        }
    }

    @Test
    void shouldCloseExcerptsAtTheBatchLimitsAndCountBytes() {
        List<LogEvent> events = JournalEvents.parsed(0, 100);
        try (Journal journal = Journal.open(dataDir, JournalSettings.defaults().withMaxBatchEvents(30))) {
            appendAll(journal, events, 1000);

            JournalMetrics metrics = journal.metrics();
            assertEquals(4, metrics.excerptsWritten(), "30 + 30 + 30 + 10 at endOfBatch");
            assertEquals(100, metrics.eventsAppended());
            assertTrue(metrics.bytesAppended() > 100L * events.get(0).rawLength(), "" + metrics.bytesAppended());
            assertTrue(metrics.diskBytes() >= metrics.bytesAppended(), "" + metrics.diskBytes());
            assertEquals(0, metrics.appendErrors());
        }
        try (JournalReader reader = JournalReader.open(dataDir)) {
            assertSameEvents(events, replay(reader, ReplayQuery.all(JournalQueue.JOURNAL)));
        }
    }

    @Test
    void shouldFlushAnOpenExcerptOnShutdown() {
        List<LogEvent> events = JournalEvents.parsed(0, 5);
        try (Journal journal = Journal.open(dataDir)) {
            JournalHandler handler = journal.newHandler();
            handler.onStart();
            for (LogEvent event : events) {
                handler.onEvent(event, event.sequence(), false);
            }
            handler.onShutdown();
        }
        try (JournalReader reader = JournalReader.open(dataDir)) {
            assertSameEvents(events, replay(reader, ReplayQuery.all(JournalQueue.JOURNAL)));
        }
    }

    @Test
    void shouldAllowOnlyOneActiveHandlerPerJournal() {
        try (Journal journal = Journal.open(dataDir)) {
            JournalHandler first = journal.newHandler();
            assertThrows(IllegalStateException.class, journal::newHandler);
            first.onStart();
            first.onShutdown();
            JournalHandler second = journal.newHandler();
            second.onStart();
            second.onShutdown();
        }
    }
}
